"""Isolated pools as columns (issue 16) give each pool exactly the figures its own ``Pool``
gives through ``figures``: the same formulas in the same order, so equal to the last bit, on
every venue's rules (an entry basis and a fee to close in the maintenance margin included),
and at leverages where no price liquidates. At or past liquidation, the price that would
revive a pool is the solver's to 1e-12 (the solver interpolates where the columns solve the
tier's line)."""

from __future__ import annotations

import itertools
import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin import figures as fig
from marginlab.engine.margin.columns import isolated_columns
from marginlab.engine.margin.fees import taker_rate
from marginlab.engine.margin.models import VARIANTS, Scenario
from marginlab.engine.margin.pools import book_legs, build_pools, make_leg
from tests.engine.test_properties import SYMBOLS

RULES = ["binance-usdm", "bybit-linear", "bitget-usdtm", "hyperliquid", "generic"]


def same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return a == b or (math.isnan(a) and math.isnan(b))


def near(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-12)


def assert_like_pools(scenario: Scenario) -> None:
    marks = scenario.marks()
    # Every leg the columns make is the one ``make_leg`` makes of its position, to the bit.
    rate = taker_rate(scenario)
    for leg, position in zip(book_legs(scenario), scenario.positions, strict=True):
        assert leg == make_leg(scenario.rules, position, marks[position.symbol], rate)
    for variant in VARIANTS:
        columns = isolated_columns(scenario, variant)
        pools = [p for p in build_pools(scenario, variant) if p.kind == "isolated"]
        assert [p.legs[0].position_id for p in pools] == columns.ids
        liquidation = columns.liquidation_prices()
        bankruptcy = columns.bankruptcy_prices()
        max_loss = columns.max_losses().tolist()
        rates = columns.tier_rates().tolist()
        for row, pool in enumerate(pools):
            (leg,) = pool.legs
            equity, maintenance = pool.at_marks()
            where = (variant, leg.position_id)
            assert columns.cash[row] == pool.cash, where
            assert columns.equity[row] == equity, where
            assert columns.maintenance[row] == maintenance, where
            assert columns.maintenance[row] == fig.maintenance_margin(leg), where
            assert rates[row] == fig.maintenance_rate(leg), where
            expected = fig.liquidation_price(pool, leg.symbol, leg.mark)
            if equity - maintenance > 0:
                assert same(liquidation[row], expected), where
            else:  # past liquidation: the solver's root from inside, by another rounding
                assert near(liquidation[row], expected), where
            assert same(bankruptcy[row], fig.bankruptcy_price(pool, leg.symbol, leg.mark)), where
            assert max_loss[row] == fig.max_loss(pool, marks), where


@st.composite
def books(draw: st.DrawFn) -> Scenario:
    rules = draw(st.sampled_from(RULES))
    positions: list[dict[str, Any]] = []
    marks = {s: base * draw(st.floats(0.8, 1.2)) for s, base in SYMBOLS.items()}
    for i in range(draw(st.integers(1, 6))):
        symbol = draw(st.sampled_from(sorted(SYMBOLS)))
        entry = SYMBOLS[symbol] * draw(st.floats(0.5, 1.5))
        position: dict[str, Any] = {
            "id": f"P{i}",
            "symbol": symbol,
            "side": draw(st.sampled_from(["long", "short"])),
            "quantity": 10 ** draw(st.floats(0.5, 9.3)) / entry,
            "entry_price": entry,
            "leverage": draw(st.sampled_from([1, 1.5, 3, 10, 50, 125])),
            "margin_mode": draw(st.sampled_from(["isolated", "cross"])),
        }
        if rules == "generic" or draw(st.booleans()):
            position["maintenance_rate"] = draw(st.sampled_from([0.0, 0.004, 0.05, 0.5]))
        if not any(p["symbol"] == symbol for p in positions):
            position["mark_price"] = marks[symbol]
        if draw(st.booleans()):  # a margin of its own: past liquidation, or far from it
            position["margin"] = 10 ** draw(st.floats(-2, 9))
        positions.append(position)
    margins = [p.get("margin", p["quantity"] * p["entry_price"] / p["leverage"]) for p in positions]
    modes = [p["margin_mode"] for p in positions]
    entered = sum(m for m, mode in zip(margins, modes, strict=True) if mode == "isolated")
    # As entered the isolated margins fit the wallet; all isolated, they may not (scaled).
    wallet = max(entered * 1.01, sum(margins) * draw(st.sampled_from([0.5, 1.0, 3.0])))
    return Scenario.model_validate(
        {
            "rules": rules,
            "account": {"wallet_balance": wallet},
            "positions": positions,
            "taker_fee": draw(st.sampled_from([None, 0.0, 0.0006])),
        }
    )


@settings(max_examples=300, deadline=None)
@given(books())
def test_columns_give_each_isolated_pool_its_pools_figures(scenario: Scenario) -> None:
    assert_like_pools(scenario)


def test_the_presets_and_a_bybit_fee_to_close() -> None:
    for name in ("seed-example.json", "core-plus-bet.json", "hedged-pair.json"):
        assert_like_pools(load_preset(name))
    bybit = load_preset("seed-example.json").model_copy(
        update={"rules": "bybit-linear", "taker_fee": 0.00055}
    )
    assert_like_pools(bybit)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.sampled_from(["BTCUSDT", "ETHUSDT", "SOLUSDT"]), min_size=1, max_size=8),
    st.sampled_from(["binance-usdm", "bitget-usdtm", "hyperliquid"]),
    st.data(),
)
def test_many_notionals_find_the_tier_counting_finds(
    symbols: list[str], rules: str, data: st.DataObject
) -> None:
    """``Tiers.index_in`` of many notionals halves each row of floors; of a few, it counts
    them. Both give each notional the same tier: at a floor, just either side of one,
    between two, beyond the table, at 0, inf or NaN."""
    from marginlab.engine.margin import columns
    from marginlab.engine.margin.models import Position
    from marginlab.engine.margin.pools import schedule_of

    fields = {"side": "long", "quantity": 1.0, "entry_price": 1.0, "leverage": 1}
    schedules = [
        schedule_of(
            rules,
            Position.model_validate({**fields, "id": f"P{i}", "symbol": s, "margin_mode": "cross"}),
        )
        for i, s in enumerate(symbols)
    ]
    floors = sorted({f for schedule in schedules for f in schedule.floors})
    near = [*floors, *(math.nextafter(f, math.inf) for f in floors)]
    near += [math.nextafter(f, -math.inf) for f in floors]
    near += [(a + b) / 2 for a, b in itertools.pairwise(floors)]
    special = st.sampled_from([0.0, -1.0, math.inf, math.nan, 1e13, *near])
    notionals = data.draw(
        st.lists(st.one_of(special, st.floats(0, 1e13)), min_size=1, max_size=300)
    )
    tiers = columns.Tiers(schedules)
    groups = np.resize(tiers.group, len(notionals))
    values = np.array(notionals, dtype=float)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(columns, "_BISECTED", 10**9)
        counted = tiers.index_in(groups, values)
        patch.setattr(columns, "_BISECTED", 0)
        halved = tiers.index_in(groups, values)
    assert (halved == counted).all()
