"""Comparing client version strings (``1.2.3``, ``1.2.3rc1``)."""

from __future__ import annotations

import re


def version_key(version: str) -> tuple[tuple[int, ...], int, int]:
    match = re.match(r"^\s*v?(\d+(?:\.\d+)*)(?:[-.]?(a|b|rc)(\d+))?", version)
    if not match:
        return ((0,), 0, 0)
    numbers = tuple(int(p) for p in match.group(1).split("."))
    numbers = numbers + (0,) * (4 - len(numbers))
    pre = {"a": 0, "b": 1, "rc": 2}.get(match.group(2) or "", 3)
    return (numbers, pre, int(match.group(3) or 0))


def is_older(version: str, than: str) -> bool:
    return version_key(version) < version_key(than)
