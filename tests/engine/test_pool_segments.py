"""The maintenance margin of a pool's part of several legs, one line per segment between the
legs' tier boundaries (issue 16: ``pools._many_segments``, every part of a cross pool found at
once from each leg's steps) is the sum of each leg's own maintenance, ``Schedule.maintenance``,
at any price: to rounding, whatever other parts it was found with."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from marginlab.engine.margin.models import Position
from marginlab.engine.margin.pools import Leg, _many_segments, make_leg

RULES = ["binance-usdm", "hyperliquid", "generic"]


@st.composite
def parts(draw: st.DrawFn) -> list[tuple[Leg, ...]]:
    rules = draw(st.sampled_from(RULES))
    found = []
    for p in range(draw(st.integers(1, 6))):
        symbol = draw(st.sampled_from(["BTCUSDT", "ETHUSDT"]))
        legs = []
        for i in range(draw(st.integers(2, 5))):
            fields: dict[str, Any] = {
                "id": f"P{p}-{i}",
                "symbol": symbol,
                "side": draw(st.sampled_from(["long", "short"])),
                "quantity": 10 ** draw(st.floats(-3, 4)),
                "entry_price": 1000.0,
                "leverage": 10,
                "margin_mode": "cross",
            }
            if rules == "generic" or draw(st.booleans()):
                fields["maintenance_rate"] = draw(st.sampled_from([0.004, 0.01, 0.05]))
            legs.append(make_leg(rules, Position.model_validate(fields), 1000.0))
        found.append(tuple(legs))
    return found


def own_sum(legs: tuple[Leg, ...], price: float) -> float:
    return math.fsum(leg.schedule.maintenance(price * leg.quantity) for leg in legs)


def line(segments: Any, price: float) -> float:
    j = int(np.searchsorted(segments.breakpoints, price, side="right"))
    return price * segments.slope_list[j] - segments.amount_list[j]


@settings(max_examples=200, deadline=None)
@given(parts(), st.lists(st.floats(1e-3, 1e9), min_size=1, max_size=8))
def test_each_parts_lines_are_its_legs_maintenance(
    groups: list[tuple[Leg, ...]], prices: list[float]
) -> None:
    together = _many_segments(groups)
    for legs, segments in zip(groups, together, strict=True):
        alone = _many_segments([legs])[0]
        assert segments.slope_list == alone.slope_list  # whatever it was found with
        assert segments.amount_list == alone.amount_list
        edges = [f / leg.quantity for leg in legs for f in leg.schedule.floors[1:]]
        assert segments.edges == sorted(set(edges))
        for price in [*prices, *segments.edges]:
            expected = own_sum(legs, price)
            assert math.isclose(line(segments, price), expected, rel_tol=1e-9, abs_tol=1e-9)


def test_a_leg_so_small_its_boundaries_are_beyond_any_float_sorts_them_last() -> None:
    def leg(pid: str, quantity: float) -> Leg:
        fields = {"id": pid, "symbol": "BTCUSDT", "side": "long", "quantity": quantity}
        fields |= {"entry_price": 1000.0, "leverage": 10, "margin_mode": "cross"}
        return make_leg("binance-usdm", Position.model_validate(fields), 1000.0)

    groups = [(leg("a", 2.0), leg("tiny", 1e-300)), (leg("b", 0.5), leg("c", 3.0))]
    tiny_edges = [f / 1e-300 for f in groups[0][1].schedule.floors[1:]]
    assert math.inf in tiny_edges  # the case: its floors overflow
    for legs, segments in zip(groups, _many_segments(groups), strict=True):
        edges = [f / g.quantity for g in legs for f in g.schedule.floors[1:]]
        assert segments.edges == sorted(set(edges))
        for price in [10.0, 1_000.0, 50_000.0, *(e for e in segments.edges if e < 1e300)]:
            expected = own_sum(legs, price)
            assert math.isclose(line(segments, price), expected, rel_tol=1e-9, abs_tol=1e-9)
