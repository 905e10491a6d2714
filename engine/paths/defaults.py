"""Defaults of the price-path runs, apart from the code that runs them: the CLI's parser names
them in its help without importing the Monte Carlo (a command that does not run paths should
not pay for it)."""

from __future__ import annotations

DEFAULT_VOLATILITY = 0.8
DEFAULT_VOLATILITY_TEXT = "80"
DEFAULT_CORRELATION = 0.7
DEFAULT_HORIZON = "1d"
DEFAULT_STEPS = 1_440
DEFAULT_PATHS = 10_000
DEFAULT_SEED = 0
MAX_SEED = 2**63 - 1  # a signed 64-bit whole number, as a run has always taken its seed
DEFAULT_BLOCK = 30
PERCENTILES = (5, 25, 50, 75, 95)
SHAPE_NAMES = ("flash-crash", "slow-bleed", "v-shape", "overnight-gap")  # sources.SHAPES
