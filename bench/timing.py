"""Timing helpers the benchmarks share."""

from __future__ import annotations

import statistics
from collections.abc import Callable


def interleaved_medians(
    first: Callable[[], float], second: Callable[[], float], runs: int = 15
) -> tuple[float, float]:
    """Medians of ``runs`` timings of each, taken in turn so both see the same machine load,
    after one warm-up of each (bytecode and disk caches)."""
    first()
    second()
    a, b = [], []
    for _ in range(runs):
        a.append(first())
        b.append(second())
    return statistics.median(a), statistics.median(b)
