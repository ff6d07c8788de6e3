"""The exit codes docs/architecture.md fixes, derived from what a crawl counted."""

OK = 0  # every page healthy
FAILED = 1  # a check or snapshot failed, or a page gave no article
BAD_INPUT = 2  # bad usage, unreadable input, a cassette that lacks a page


def exit_code_from_stats(stats: dict) -> int:
    if any(stats.get(f"pressguard/{key}") for key in ("cassette_miss", "cassette_unreadable", "cassette_ambiguous")):
        return BAD_INPUT
    if stats.get("pressguard/page_failed") or stats.get("pressguard/check_failed"):
        return FAILED
    return OK
