"""The held-out set: kinds the checks are never tuned on, only reported on."""

from __future__ import annotations

from base import Kind

HOLDOUT: list[Kind] = []
