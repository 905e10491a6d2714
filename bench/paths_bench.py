"""Monte Carlo benchmark (DESIGN §5): 10,000 paths × 1,440 steps × 5 positions × 3 variants,
budget ≤ 1.5 s. Also times replaying a built-in path. Run: `make bench`."""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import numpy as np

from marginlab.engine.margin.models import Scenario
from marginlab.engine.paths.montecarlo import GBM, simulate
from marginlab.engine.paths.replay import replay
from marginlab.engine.paths.sources import builtin_path

sys.path.insert(0, str(Path(__file__).parents[1]))
from bench.books import book, cross_pool


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
    floor = statistics.median(bare_numpy_seconds(seed) for seed in range(3))
    ratio = median / floor
    print(
        f"bare numpy, the same paths × steps × symbols and barrier checks: {floor:.3f} s; "
        f"ratio {ratio:.2f} (budget 2: {'met' if ratio <= 2 else 'MISSED'})"
    )
    for n in (500, 2000):
        big = book(n)
        start = time.perf_counter()
        simulate(big, GBM(dict.fromkeys(big.marks(), 0.8)), 2_000, 1_440, 1 / 365 / 1_440)
        print(
            f"Monte Carlo 2,000 paths × 1,440 steps, the bench's {n}-position book "
            f"(50 symbols): {time.perf_counter() - start:.2f} s (not budgeted)"
        )
    cpu, wall = cores_used(scenario, model)
    print(f"cores busy during a run: {cpu / wall:.2f} (CPU seconds / wall seconds, 2 cores)")
    peak = peak_memory_mb()
    print(
        f"peak memory, 50 symbols × 23,040 steps: {peak:.0f} MB "
        f"(budget 300 MB: {'met' if peak <= 300 else 'MISSED'})"
    )
    late = cancel_latency_ms(scenario, model)
    print(
        f"cancel → the run stops: {late:.0f} ms "
        f"(budget 100 ms: {'met' if late <= 100 else 'MISSED'})"
    )
    path = builtin_path("slow-bleed", scenario.marks(), scenario.symbols(), steps=1440)
    start = time.perf_counter()
    for _ in range(20):
        replay(scenario, path)
    print(f"replay of a 1,440-candle path: {(time.perf_counter() - start) / 20 * 1000:.2f} ms")
    for count in (2, 8, 32):
        print(f"replay, one cross pool over {count:>2} symbols: {cross_replay_ms(count):.2f} ms")


def bare_numpy_seconds(seed: int) -> float:
    """The floor: 10,000 GBM paths × 1,440 steps × 3 symbols in float32, chunks of 1,000,
    and one barrier check per pool and variant (a price against a threshold for the
    isolated pools, equity against maintenance for the cross pool), one thread."""
    rng = np.random.default_rng(seed)
    chol = np.linalg.cholesky(np.array([[1, 0.8, 0.7], [0.8, 1, 0.75], [0.7, 0.75, 1]]))
    sigma = np.array([0.6, 0.8, 1.0], dtype=np.float32)
    dt = np.float32(1 / 365 / 1_440)
    start = time.perf_counter()
    for _ in range(10):
        shocks = rng.standard_normal((1000, 1440, 3), dtype=np.float32) @ chol.T.astype(np.float32)
        paths = np.exp(np.cumsum(-0.5 * sigma**2 * dt + sigma * np.sqrt(dt) * shocks, axis=1))
        for _variant in range(3):
            for j in range(3):  # isolated pools: one threshold each
                (paths[:, :, j] <= 0.9).any(axis=1)
            equity = 1_000 + (paths * np.float32(100)).sum(axis=2)  # the cross pool
            (equity <= (paths * np.float32(1)).sum(axis=2)).any(axis=1)
    return time.perf_counter() - start


def cores_used(scenario: Scenario, model: GBM) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    simulate(scenario, model, 10_000, 1_440, 1 / 365 / 1_440, seed=9)
    return time.process_time() - cpu, time.perf_counter() - wall


def peak_memory_mb() -> float:
    """Peak of numpy's allocations (tracemalloc) over a run of 1,000 paths × 23,040 steps of
    a cross pool over 50 symbols."""
    import tracemalloc

    from marginlab.engine.paths.montecarlo import uniform_correlation

    scenario = cross_pool(50, 10_000)
    symbols = scenario.symbols()
    model = GBM(dict.fromkeys(symbols, 0.8), uniform_correlation(50, 0.7))
    tracemalloc.start()
    simulate(scenario, model, 200, 23_040, 1 / 525_600, seed=3)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / 2**20


def cancel_latency_ms(scenario: Scenario, model: GBM) -> float:
    """From the cancel flag being set, mid-run, to the run having stopped."""
    import threading

    from marginlab.engine.paths.montecarlo import Cancelled

    flag = threading.Event()
    stopped: list[float] = []

    def run() -> None:
        try:
            simulate(scenario, model, 100_000, 1_440, 1 / 365 / 1_440, cancelled=flag.is_set)
        except Cancelled:
            stopped.append(time.perf_counter())

    worker = threading.Thread(target=run)
    worker.start()
    time.sleep(0.5)
    asked = time.perf_counter()
    flag.set()
    worker.join()
    return (stopped[0] - asked) * 1000 if stopped else float("inf")


def cross_replay_ms(count: int) -> float:
    """Replay time of a 1,440-candle path moving every symbol of a cross pool (issue 13: it
    must grow with the symbols, not with the combinations of their lows and highs)."""
    scenario = cross_pool(count, 1_000, alternate=True)
    path = builtin_path("slow-bleed", scenario.marks(), scenario.symbols(), steps=1440)
    times = []
    for _ in range(7):
        start = time.perf_counter()
        replay(scenario, path)
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


if __name__ == "__main__":
    main()
