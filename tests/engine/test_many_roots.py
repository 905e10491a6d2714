"""Where a cross pool's health meets 0 along each symbol's price, found for every symbol at once
(issue 16: ``slices.many_roots``, which a report of a pool of many symbols uses), is the same
list, bit for bit, as each symbol's own search (``Slice._roots``), and health there is 0 to
rounding: whatever the pool's rest, healthy or past liquidation."""

from __future__ import annotations

import math
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from marginlab.engine.margin.models import Position
from marginlab.engine.margin.pools import Pool, make_leg
from marginlab.engine.margin.slices import Slice, many_roots

SYMBOLS = ["BTCUSDT", "ETHUSDT", "SOLUSDT", "XRPUSDT", "DOGEUSDT", "ADAUSDT", "LINKUSDT"]


@st.composite
def pools(draw: st.DrawFn) -> Pool:
    rules = draw(st.sampled_from(["binance-usdm", "bybit-linear", "hyperliquid", "generic"]))
    legs = []
    for s, symbol in enumerate(
        draw(st.lists(st.sampled_from(SYMBOLS), min_size=4, max_size=7, unique=True))
    ):
        mark = 10 ** draw(st.floats(-1, 4))
        for i in range(draw(st.integers(1, 12))):
            fields: dict[str, Any] = {
                "id": f"P{s}-{i}",
                "symbol": symbol,
                "side": draw(st.sampled_from(["long", "short"])),
                "quantity": 10 ** draw(st.floats(-2, 5)) / mark,
                "entry_price": mark * draw(st.floats(0.5, 1.5)),
                "leverage": 10,
                "margin_mode": "cross",
            }
            if rules in ("generic", "bybit-linear") or draw(st.booleans()):
                fields["maintenance_rate"] = draw(st.sampled_from([0.004, 0.01, 0.05]))
            legs.append(make_leg(rules, Position.model_validate(fields), mark))
    return Pool("cross", "cross", 10 ** draw(st.floats(0, 7)), tuple(legs))


@settings(max_examples=250, deadline=None)
@given(pools(), st.lists(st.floats(-1e7, 1e7), min_size=7, max_size=7))
def test_every_parts_roots_at_once_are_its_own(pool: Pool, rests: list[float]) -> None:
    parts = list(pool.parts.values())
    slices = [Slice(part, rest, rest) for part, rest in zip(parts, rests, strict=False)]
    many_roots(slices)
    for piece in slices:
        remembered = piece.part.roots.peek(piece.health0)
        assert remembered is not None  # found by the batch, not left to the part
        assert remembered == piece._roots()
        for root in remembered:
            health = piece.health0 + float(piece.part.health(root))
            part = piece.part
            scale = abs(part.net * root) + abs(part.cost) + abs(piece.health0) + 1.0
            scale += float(part.maintenance(root))
            assert abs(health) <= 1e-9 * scale
        assert len(remembered) <= 2


def test_a_part_whose_health_is_not_a_number_is_left_to_its_own_search() -> None:
    fields = {
        "symbol": "BTCUSDT",
        "side": "long",
        "entry_price": 100.0,
        "margin_mode": "cross",
        "leverage": 10,
    }
    legs = [
        make_leg(
            "binance-usdm",
            Position.model_validate({**fields, "id": "tiny", "quantity": 1e-300}),
            100.0,
        ),
        make_leg(
            "binance-usdm", Position.model_validate({**fields, "id": "big", "quantity": 5.0}), 100.0
        ),
    ]
    for i, symbol in enumerate(SYMBOLS[1:5]):
        position = Position.model_validate(
            {**fields, "id": f"P{i}", "symbol": symbol, "quantity": 2.0, "maintenance_rate": 0.01}
        )
        legs.append(make_leg("generic", position, 100.0))
    pool = Pool("cross", "cross", 1_000.0, tuple(legs))
    slices = [Slice(part, 500.0, 500.0) for part in pool.parts.values()]
    many_roots(slices)
    first = slices[0]
    assert any(math.isnan(h) for h in first.part.boundary_health())
    assert first.part.roots.peek(first.health0) is None
    assert all(piece.part.roots.peek(piece.health0) is not None for piece in slices[1:])
    assert first.roots() == first._roots()
