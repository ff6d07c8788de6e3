"""What changed between two extractions of one page, field by field.

A snapshot failure or a drift report should read like a bug report: which
field, what was expected, what was found, and for the body which paragraphs
were lost, added or changed (with how similar a changed one still is).
"""

from __future__ import annotations

import difflib
import json

# Fields in the order a reader cares about them; anything else follows.
FIELD_ORDER = ("headline", "authors", "body", "published", "dek", "layout", "url", "site", "checks", "provenance")
_CLIP = 160


def describe_changes(expected: dict, found: dict, body_field: str = "body") -> list[str]:
    """One line per changed field (the body gets one per changed paragraph).

    body_field: the item's name for the body (a project's PRESSGUARD_FIELDS may call it "text")."""
    lines: list[str] = []
    order = [body_field if k == "body" else k for k in FIELD_ORDER]
    keys = [k for k in order if k in expected or k in found]
    keys += sorted((set(expected) | set(found)) - set(keys))
    for key in keys:
        old, new = expected.get(key), found.get(key)
        if old == new:
            continue
        if key == body_field and isinstance(old, list) and isinstance(new, list):
            lines.append(f"{key}: {len(old)} paragraphs expected, {len(new)} found")
            lines.extend("  " + line for line in describe_body_changes(old, new))
        else:
            lines.append(f"{key}: expected {_show(old)}, found {_show(new)}")
    return lines


def describe_body_changes(expected: list[str], found: list[str]) -> list[str]:
    lines: list[str] = []
    matcher = difflib.SequenceMatcher(a=expected, b=found, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            continue
        if op == "replace":
            for offset in range(max(a2 - a1, b2 - b1)):
                i, j = a1 + offset, b1 + offset
                if i < a2 and j < b2:
                    ratio = difflib.SequenceMatcher(a=expected[i], b=found[j], autojunk=False).ratio()
                    old, new = _around_first_difference(expected[i], found[j])
                    lines.append(f"changed ¶{i + 1} (similarity {ratio:.2f}): expected {old}, found {new}")
                elif i < a2:
                    lines.append(f"lost ¶{i + 1}: {_show(expected[i])}")
                else:
                    lines.append(f"added ¶{j + 1}: {_show(found[j])}")
        elif op == "delete":
            lines.extend(f"lost ¶{i + 1}: {_show(expected[i])}" for i in range(a1, a2))
        elif op == "insert":
            lines.extend(f"added ¶{j + 1}: {_show(found[j])}" for j in range(b1, b2))
    return lines


def _around_first_difference(old: str, new: str) -> tuple[str, str]:
    """Both texts, clipped to start shortly before where they first differ."""
    start = 0
    while start < min(len(old), len(new)) and old[start] == new[start]:
        start += 1
    start = max(0, start - 40)
    prefix = "…" if start else ""
    return _show(prefix + old[start:]), _show(prefix + new[start:])


def _show(value) -> str:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    return text if len(text) <= _CLIP else text[: _CLIP - 1] + "…"
