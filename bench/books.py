"""Books of N positions for the scale benchmarks (issue 16): N positions over up to 50 of
Binance's symbols, half of them cross, sides and sizes mixed, priced by the bundled tiers."""

from __future__ import annotations

import random

from marginlab.engine.margin.models import VERSION, Scenario
from marginlab.engine.margin.rules import rule_table

SYMBOLS = 50


def book_document(n: int, seed: int = 16) -> dict:
    rng = random.Random(seed)
    table = rule_table("binance-usdm")["symbols"]
    symbols = sorted(s for s in table if s.endswith("USDT"))[:SYMBOLS]
    used = symbols[: max(1, min(SYMBOLS, n))]
    marks = {s: round(rng.uniform(0.5, 500.0), 4) for s in used}
    positions = []
    for i in range(n):
        symbol = used[i % len(used)]
        mark = marks[symbol]
        positions.append(
            {
                "id": f"P{i + 1}",
                "symbol": symbol,
                "side": "long" if rng.random() < 0.6 else "short",
                "quantity": round(rng.uniform(200, 5_000) / mark, 6),
                "entry_price": round(mark * rng.uniform(0.9, 1.1), 6),
                "mark_price": mark,
                "leverage": rng.choice([3, 5, 10, 20]),
                "margin_mode": "cross" if i % 2 else "isolated",
            }
        )
    return {
        "format": "marginlab.scenario",
        "version": VERSION,
        "name": f"bench: {n} positions",
        "rules": "binance-usdm",
        "account": {"wallet_balance": 1_000 * n + 10_000, "currency": "USDT"},
        "positions": positions,
    }


def book(n: int, seed: int = 16) -> Scenario:
    return Scenario.model_validate(book_document(n, seed))


def cross_pool(count: int, wallet: float, alternate: bool = False) -> Scenario:
    """One cross pool over ``count`` symbols S0USDT…, one position of 1 at 100 each (10×, 1 %
    maintenance, generic rules); long, or long and short in turn."""
    return Scenario.model_validate(
        {
            "rules": "generic",
            "account": {"wallet_balance": wallet},
            "positions": [
                {
                    "id": f"P{i}",
                    "symbol": f"S{i}USDT",
                    "side": "long" if i % 2 or not alternate else "short",
                    "quantity": 1,
                    "entry_price": 100,
                    "leverage": 10,
                    "margin_mode": "cross",
                    "maintenance_rate": 0.01,
                }
                for i in range(count)
            ],
        }
    )
