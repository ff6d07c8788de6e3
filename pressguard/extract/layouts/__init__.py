"""The known layouts, in detection order; the generic layout matches everything else."""

from __future__ import annotations

from ..generic import GENERIC
from ..strategy import Layout
from . import destructoid2025, gamurs_blocks

# Destructoid's own theme first: a migrated page may still carry a stray shared block.
LAYOUTS: tuple[Layout, ...] = (destructoid2025.LAYOUT, gamurs_blocks.LAYOUT)
BY_NAME: dict[str, Layout] = {l.name: l for l in (*LAYOUTS, GENERIC)}


def detect_layout(tree, page=None) -> str:
    """The name of the layout a parsed page uses: "gamurs-blocks", "destructoid2025" or
    "generic". page: the Page of that tree, if there is one (lets a detector rule a layout
    out from the page source without walking the tree)."""
    for layout in LAYOUTS:
        if layout.detect(tree, page):
            return layout.name
    return GENERIC.name
