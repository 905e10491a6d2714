"""Engine benchmark (DESIGN §5): evaluate the brief's example; sweep 2,001 prices × 3 variants ×
20 positions. Prints median figures; run with `make bench`. Budgets: ≤ 1 ms and ≤ 5 ms."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

import numpy as np

from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin.evaluate import clear_headline_cache, evaluate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.sweep import sweep_move, sweep_price


def twenty_positions() -> Scenario:
    """20 positions over 5 symbols, mixed modes and sides, tiered tables where they exist."""
    specs = [
        ("BTCUSDT", 60_000.0),
        ("ETHUSDT", 3_000.0),
        ("SOLUSDT", 150.0),
        ("XRPUSDT", 0.6),
        ("DOGEUSDT", 0.15),
    ]
    positions = []
    for i in range(20):
        symbol, price = specs[i % 5]
        notional = [2_000, 40_000, 700_000, 5_000_000][i % 4]
        position = {
            "id": f"P{i}",
            "symbol": symbol,
            "side": "long" if i % 3 else "short",
            "quantity": notional / price,
            "entry_price": price * (1 + 0.01 * (i % 7 - 3)),
            "leverage": [5, 10, 20, 3][i % 4],
            "margin_mode": "cross" if i % 2 else "isolated",
        }
        if symbol not in ("BTCUSDT", "ETHUSDT"):
            position["maintenance_rate"] = 0.01
        if i < 5:
            position["mark_price"] = price
        positions.append(position)
    return Scenario.model_validate(
        {
            "name": "bench: 20 positions",
            "rules": "binance-usdm",
            "account": {"wallet_balance": 5_000_000},
            "positions": positions,
        }
    )


def fresh(scenario: Scenario) -> object:
    """``evaluate`` as a keystroke sees it: a scenario it has not searched before (the max-loss
    search is cached per scenario for the what-if readout, which must not flatter this)."""
    clear_headline_cache()
    return evaluate(scenario)


def median_ms(work: Callable[[], object], repeat: int) -> float:
    for _ in range(max(repeat // 10, 3)):
        work()
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    seed = load_preset("seed-example.json")
    big = twenty_positions()
    prices = np.linspace(20_000, 100_000, 2001)
    moves = np.linspace(-0.5, 0.5, 2001)
    rows = [
        ("evaluate the brief's example (3 variants)", median_ms(lambda: fresh(seed), 2000), 1.0),
        ("evaluate, 20 positions (3 variants)", median_ms(lambda: fresh(big), 300), None),
        (
            "sweep BTCUSDT price: 2,001 × 3 variants × 20 positions",
            median_ms(lambda: sweep_price(big, "BTCUSDT", prices), 300),
            5.0,
        ),
        (
            "sweep all-symbols %: 2,001 × 3 variants × 20 positions",
            median_ms(lambda: sweep_move(big, moves), 300),
            5.0,
        ),
    ]
    for name, value, budget in rows:
        verdict = (
            ""
            if budget is None
            else (f"  budget {budget:g} ms: {'met' if value <= budget else 'MISSED'}")
        )
        print(f"{name:<58} median {value:7.3f} ms{verdict}")


if __name__ == "__main__":
    main()
