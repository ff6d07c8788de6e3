"""The page verdict: what the checks say about the fields, in one word.

    healthy  every check passed
    drift    the template changed around the fields (the `template` check), or the page's
             structured data describes another article than the one it shows (the
             `metadata` check), but every field passed its own checks: worth a look,
             fails nothing by default
    broken   a field is missing, wrong or suspect: some field check failed, and its
             message names the field, the page, what was expected and what was found

Only `broken` fails a run by default; `--fail-on drift` makes drift fail too.
"""

from __future__ import annotations

VERDICTS = ("healthy", "drift", "broken")
FAIL_ON = ("broken", "drift")

# Checks whose failure is about the markup or the metadata around the fields, not about a
# field's value.
DRIFT_CHECKS = frozenset({"template", "metadata"})


def verdict_of(checks: dict[str, str] | None) -> str:
    """healthy | drift | broken from an item's {check: "ok" | message}."""
    failing = [name for name, message in (checks or {}).items() if message != "ok"]
    if any(name not in DRIFT_CHECKS for name in failing):
        return "broken"
    return "drift" if failing else "healthy"


def fails(verdict: str | None, fail_on: str = "broken") -> bool:
    """Does a page with this verdict fail a run asked to fail on `fail_on`?"""
    if fail_on not in FAIL_ON:
        raise ValueError(f"fail_on={fail_on!r}; use one of {', '.join(FAIL_ON)}")
    if verdict == "broken":
        return True
    return fail_on == "drift" and verdict == "drift"
