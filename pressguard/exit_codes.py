"""The exit codes docs/architecture.md fixes, derived from what a crawl counted."""

OK = 0  # every page healthy
FAILED = 1  # a check or snapshot failed, or a page gave no article
BAD_INPUT = 2  # bad usage, unreadable input, a cassette that lacks a page


def exit_code_from_stats(stats: dict) -> int:
    if stats.get("pressguard/cassette_miss") or stats.get("pressguard/cassette_unreadable"):
        return BAD_INPUT
    if stats.get("pressguard/page_failed") or stats.get("pressguard/check_failed"):
        return FAILED
    return OK
