"""Monte Carlo benchmark (DESIGN §5): 10,000 paths × 1,440 steps × 5 positions × 3 variants,
budget ≤ 1.5 s. Also times replaying a built-in path. Run: `make bench`."""

from __future__ import annotations

import statistics
import time

import numpy as np

from marginlab.engine.margin.models import Scenario
from marginlab.engine.paths.montecarlo import GBM, simulate
from marginlab.engine.paths.replay import replay
from marginlab.engine.paths.sources import builtin_path


def five_positions() -> Scenario:
    """Five positions on three symbols, mixed modes and sides, Binance tiers."""
    return Scenario.model_validate(
        {
            "name": "bench: 5 positions",
            "rules": "binance-usdm",
            "account": {"wallet_balance": 50_000},
            "positions": [
                {
                    "id": "A",
                    "symbol": "BTCUSDT",
                    "side": "long",
                    "quantity": 1,
                    "entry_price": 60_000,
                    "leverage": 10,
                    "margin_mode": "cross",
                },
                {
                    "id": "B",
                    "symbol": "BTCUSDT",
                    "side": "short",
                    "quantity": 0.5,
                    "entry_price": 61_000,
                    "leverage": 20,
                    "margin_mode": "isolated",
                },
                {
                    "id": "C",
                    "symbol": "ETHUSDT",
                    "side": "long",
                    "quantity": 20,
                    "entry_price": 3000,
                    "leverage": 5,
                    "margin_mode": "cross",
                },
                {
                    "id": "D",
                    "symbol": "ETHUSDT",
                    "side": "long",
                    "quantity": 5,
                    "entry_price": 3100,
                    "leverage": 50,
                    "margin_mode": "isolated",
                },
                {
                    "id": "E",
                    "symbol": "SOLUSDT",
                    "side": "short",
                    "quantity": 100,
                    "entry_price": 150,
                    "leverage": 10,
                    "margin_mode": "cross",
                    "maintenance_rate": 0.01,
                },
            ],
        }
    )


def main() -> None:
    scenario = five_positions()
    model = GBM(
        {"BTCUSDT": 0.6, "ETHUSDT": 0.8, "SOLUSDT": 1.0},
        np.array([[1, 0.8, 0.7], [0.8, 1, 0.75], [0.7, 0.75, 1]]),
    )
    times = []
    for seed in range(5):
        start = time.perf_counter()
        simulate(scenario, model, 10_000, 1_440, 1 / 365 / 1_440, seed=seed)
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    verdict = "met" if median <= 1.5 else "MISSED"
    print(
        f"Monte Carlo 10,000 paths × 1,440 steps × 5 positions × 3 variants: "
        f"median {median:.3f} s of 5 (budget 1.5 s: {verdict})"
    )
    path = builtin_path("slow-bleed", scenario.marks(), scenario.symbols(), steps=1440)
    start = time.perf_counter()
    for _ in range(20):
        replay(scenario, path)
    print(f"replay of a 1,440-candle path: {(time.perf_counter() - start) / 20 * 1000:.2f} ms")
    for count in (2, 8, 32):
        print(f"replay, one cross pool over {count:>2} symbols: {cross_replay_ms(count):.2f} ms")


def cross_replay_ms(count: int) -> float:
    """Replay time of a 1,440-candle path moving every symbol of a cross pool (issue 13: it
    must grow with the symbols, not with the combinations of their lows and highs)."""
    positions = [
        {
            "id": f"P{i}",
            "symbol": f"S{i}USDT",
            "side": "long" if i % 2 else "short",
            "quantity": 1,
            "entry_price": 100,
            "leverage": 10,
            "margin_mode": "cross",
            "maintenance_rate": 0.01,
        }
        for i in range(count)
    ]
    scenario = Scenario.model_validate(
        {"rules": "generic", "account": {"wallet_balance": 1_000}, "positions": positions}
    )
    path = builtin_path("slow-bleed", scenario.marks(), scenario.symbols(), steps=1440)
    times = []
    for _ in range(7):
        start = time.perf_counter()
        replay(scenario, path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
