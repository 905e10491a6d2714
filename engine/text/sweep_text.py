"""A sweep's curves as CSV: the CLI's ``sweep --csv`` and the window's File → Export curves."""

from __future__ import annotations

import csv
import io
from typing import TYPE_CHECKING

from marginlab.engine.text.numbers import amount_decimals, quoted_in

if TYPE_CHECKING:
    from marginlab.engine.margin.sweep import SweepResult


def sweep_csv(result: SweepResult, currency: str, coin: bool) -> str:
    """The grid as CSV, each column's unit in its header; equity in the settlement currency,
    to the cent or, for a coin, to 8 decimals (``numbers.amount_decimals``); a coin-margined
    contract's price in USD."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    quoted = quoted_in(currency, coin)
    head = f"{result.symbol} price ({quoted})" if result.axis == "price" else "move (%)"
    writer.writerow([head, *(f"equity {v} ({currency})" for v in result.equity)])
    places = amount_decimals(coin)
    scale = 1.0 if result.axis == "price" else 100.0
    for i, x in enumerate(result.x):
        writer.writerow(
            [f"{x * scale:.10g}", *(f"{e[i]:.{places}f}" for e in result.equity.values())]
        )
    return out.getvalue()
