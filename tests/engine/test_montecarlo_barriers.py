"""A big book's Monte Carlo (issue 16): the pools that hold one symbol are checked symbol by
symbol in array operations (``montecarlo._barrier_hits``), and a symbol part's maintenance
takes one multiply-add when a block's prices sit on one of its segments. Both must give,
to the step and to the bit, what checking each pool on its own (``_first_hit``) and the
general segment search give."""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANTS, build_pools
from marginlab.engine.paths import montecarlo
from marginlab.engine.paths.sources import builtin_path
from tests.engine.test_properties import scenarios

sys.path.insert(0, str(Path(__file__).parents[2]))
from bench.books import book


def same(a: Any, b: Any) -> bool:
    """Equal field by field, arrays element by element (NaN equal to NaN)."""
    if dataclasses.is_dataclass(a) and not isinstance(a, type):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in dataclasses.fields(a))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, np.ndarray):
        return bool(np.array_equal(a, b, equal_nan=True))
    return bool(a == b or (a != a and b != b))


def one_by_one(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every pool checked on its own (``_first_hit``), as before the symbol-by-symbol check."""
    monkeypatch.setattr(montecarlo, "_barriers", lambda pools: montecarlo._Barriers({}, {}))


@pytest.mark.parametrize("n", [20, 300])
def test_a_big_book_s_odds_are_those_of_checking_each_pool(
    monkeypatch: pytest.MonkeyPatch, n: int
) -> None:
    """The bench's books (half isolated, up to 50 symbols, some pools past liquidation)."""
    scenario = book(n)
    model = montecarlo.GBM(dict.fromkeys(scenario.marks(), 1.2))
    fast = montecarlo.simulate(scenario, model, 1_200, 600, 1 / 525_600, seed=3)
    one_by_one(monkeypatch)
    slow = montecarlo.simulate(scenario, model, 1_200, 600, 1 / 525_600, seed=3)
    assert same(fast, slow)
    assert any(r.liquidation_probability > 0 for r in fast.variants.values())


def test_candles_with_wicks_and_a_coin_margined_book_too(monkeypatch: pytest.MonkeyPatch) -> None:
    """A bootstrap's lows and highs differ from its closes; a coin-margined book is checked
    along 1/P, its high the twin's low."""
    from marginlab.engine.files.presets import load_preset

    for scenario in (book(60), load_preset("btc-margined-long.json")):
        history = builtin_path("flash-crash", scenario.marks(), scenario.symbols(), depth=0.3)
        model = montecarlo.Bootstrap(history, block=20)
        steps = model.steps_for(1 / 365)
        with monkeypatch.context() as patched:
            fast = montecarlo.simulate(scenario, model, 600, steps, model.step_years, seed=5)
            one_by_one(patched)
            slow = montecarlo.simulate(scenario, model, 600, steps, model.step_years, seed=5)
        assert same(fast, slow), scenario.name
        assert any(r.liquidation_probability > 0 for r in fast.variants.values())


@settings(max_examples=60, deadline=None)
@given(scenarios(mode="isolated", size=8), st.integers(0, 2**32 - 1), st.sampled_from([1, 7, 40]))
def test_each_pool_s_first_step_is_the_one_its_own_check_finds(
    scenario: Scenario, seed: int, steps: int
) -> None:
    """Blocks of float32 paths from the marks, wide enough that some barriers are crossed in
    the middle of a block, on either side."""
    pools = [p for v in VARIANTS for p in build_pools(scenario, v) if p.legs]
    barriers = montecarlo._barriers(pools)
    rng = np.random.default_rng(seed)
    marks = scenario.marks()
    close = {
        s: (m * np.exp(np.cumsum(rng.normal(0, 0.08, (64, steps)), axis=1))).astype(np.float32)
        for s, m in marks.items()
    }
    low = {s: v * np.float32(0.97) for s, v in close.items()}
    high = {s: v * np.float32(1.03) for s, v in close.items()}
    table = np.full((len(barriers.rows), 64), 10_000, dtype=np.int64)
    alive = np.ones(table.shape, dtype=bool)
    montecarlo._barrier_hits(barriers, low, high, table, alive, 100)
    assert np.array_equal(alive, table == 10_000)
    for pool in pools:
        if id(pool) not in barriers.rows:
            continue
        own = montecarlo._first_hit(pool, close, low, high)
        expected = np.where(own < steps, 100 + own, 10_000)
        assert np.array_equal(table[barriers.rows[id(pool)]], expected), pool.name


@settings(max_examples=200, deadline=None)
@given(
    st.integers(2, 6),  # one leg: the schedule's own formula (``SymbolPart.single``)
    st.floats(0.01, 1e6),
    st.floats(1e-4, 0.5),
    st.sampled_from([np.float32, np.float64]),
    st.integers(0, 2**32 - 1),
)
def test_a_part_s_maintenance_on_one_segment_is_the_searched_one(
    legs: int, price: float, spread: float, kind: type, seed: int
) -> None:
    """A cross pool's part of several legs at prices that sit on one segment, or straddle
    several: the multiply-add gives the general search's figures, bit for bit."""
    rng = np.random.default_rng(seed)
    document = {
        "rules": "binance-usdm",
        "account": {"wallet_balance": 1e12},
        "positions": [
            {
                "id": f"P{i}",
                "symbol": "BTCUSDT",
                "side": "long" if i % 2 else "short",
                "quantity": float(rng.uniform(0.01, 200)),
                "entry_price": price,
                "leverage": 5,
                "margin_mode": "cross",
            }
            for i in range(legs)
        ],
    }
    (pool,) = build_pools(Scenario.model_validate(document), "as_entered")
    part = pool.parts["BTCUSDT"]
    prices = (price * rng.uniform(1 - spread, 1 + spread, (50, 9))).astype(kind)
    searched = part.slopes.astype(kind)[np.searchsorted(part.breakpoints, prices, "right")]
    amounts = part.amounts.astype(kind)[np.searchsorted(part.breakpoints, prices, "right")]
    found = part.maintenance(prices)
    assert found.dtype == kind
    assert np.array_equal(found, prices * searched - amounts)
