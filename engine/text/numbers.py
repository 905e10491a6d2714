"""How prices are written for people: the same digits in the app, the CLI and the warnings."""

from __future__ import annotations

import math

SIGNIFICANT = 5  # like the venues' price ticks: 45,180.72 · 14.123 · 0.51230 · 0.0000123
MAX_DECIMALS = 12


def price_text(value: float) -> str:
    """A price with thousands separators, at least 2 decimals and at least 5 significant digits.

    A fixed two decimals wrote a low-priced coin's liquidation price 0.081234 as "0.08", and
    0.0000123 as "0.00".
    """
    return f"{value:,.{price_decimals(value)}f}"


def price_decimals(value: float) -> int:
    """Decimals that give ``value`` at least 5 significant digits, and never fewer than 2."""
    if value == 0 or not math.isfinite(value):
        return 2
    magnitude = math.floor(math.log10(abs(value)))
    return min(max(2, SIGNIFICANT - 1 - magnitude), MAX_DECIMALS)
