"""Planning a trade in an account (issue 17): the DCA ladder, max open, size from the loss you
accept and funding over time, against venue formulas and hand arithmetic."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from marginlab.engine.margin import venue_formulas as venue
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.planning import (
    PlanError,
    Ticket,
    after_funding,
    dca_ladder,
    liquidation_over_time,
    loss_at_stop,
    max_open,
    size_for_loss,
)
from tests.engine.helpers import position, scenario

VECTORS = json.loads((Path(__file__).parents[1] / "fixtures" / "venue_vectors.json").read_text())
GENERIC = {"maintenance_rate": 0.005}


def empty(wallet: float = 10_000, rules: str = "generic", fee: float = 0.0):  # type: ignore[no-untyped-def]
    # An account holding one far-away position, so the symbol of the ticket is new to it.
    return scenario(
        wallet,
        [position("X", "XUSDT", "long", 0.001, 100, mode="cross", maintenance_rate=0.01)],
        rules=rules,
        taker_fee=fee,
    )


def test_the_ladder_averages_the_fills_and_warns_past_the_liquidation() -> None:
    ticket = Ticket("BTCUSDT", "long", 50, 50_000, maintenance_rate=0.005)
    steps = dca_ladder(empty(), ticket, [(50_000, 1), (49_500, 1), (46_000, 2)])
    assert [s.average_entry for s in steps] == pytest.approx([50_000, 49_750, 47_875])
    assert [s.total_quantity for s in steps] == [1, 2, 4]
    # Isolated after the first fill: Binance's one-way formula with WB = Q·EP/L = 1,000.
    first = venue.binance_usdm_liquidation_price(1_000, +1, 1, 50_000, 0.005, 0.0)
    assert steps[0].liquidation["isolated"] == pytest.approx(first, rel=1e-9)
    second = venue.binance_usdm_liquidation_price(1_990, +1, 2, 49_750, 0.005, 0.0)
    assert steps[1].liquidation["isolated"] == pytest.approx(second, rel=1e-9)
    assert steps[1].beyond == ()
    # 46,000 lies below the isolated liquidation after the second fill (~49,000): it never
    # fills; the cross pool (10,000) holds the liquidation at (2 × 49,750 − 10,000) / 1.99.
    assert "isolated" in steps[2].beyond
    assert steps[1].liquidation["cross"] == pytest.approx(89_500 / 1.99, rel=1e-6)
    assert "cross" not in steps[2].beyond


def test_the_ladder_names_bad_fills() -> None:
    ticket = Ticket("BTCUSDT", "long", 10, 50_000, maintenance_rate=0.005)
    with pytest.raises(PlanError, match="fill 2: price and quantity"):
        dca_ladder(empty(), ticket, [(50_000, 1), (0, 1)])


def test_max_open_is_feasible_and_one_step_more_is_not() -> None:
    account = empty(wallet=10_000)
    available = 10_000 - 0.001 * 100 / 10  # less the other position's initial margin
    mark_long = Ticket("BTCUSDT", "long", 10, 50_000, maintenance_rate=0.005)
    found = max_open(account, mark_long, "cross", step=0.001)
    assert found.available == pytest.approx(available)
    assert found.quantity == pytest.approx(1.999, abs=1e-12)
    assert found.quantity * 50_000 / 10 <= available < (found.quantity + 0.001) * 50_000 / 10
    # Isolated with a margin of 1,000: 1,000 / (50,000 / 10) = 0.2.
    assert max_open(account, mark_long, "isolated", margin=1_000, step=0.001).quantity == 0.2


def test_max_open_counts_the_open_loss_of_an_order_away_from_the_mark() -> None:
    account = scenario(
        10_000, [position("A", "BTCUSDT", "short", 0.01, 50_000, mode="isolated", **GENERIC)]
    )
    # A long at 50,500 with the mark at 50,000 starts 500 down per BTC (Binance's open loss):
    # (10,000 − 50) / (5,050 + 500) = 1.7927…, floored to the step.
    ticket = Ticket("BTCUSDT", "long", 10, 50_500, maintenance_rate=0.005)
    found = max_open(account, ticket, "cross", step=0.001)
    assert found.quantity == pytest.approx(1.792, abs=1e-12)
    assert found.open_loss == pytest.approx(1.792 * 500)
    cost = lambda q: q * (50_500 / 10 + 500)  # noqa: E731
    assert cost(found.quantity) <= 9_950 < cost(found.quantity + 0.001)


def test_max_open_on_bybit_is_its_order_cost_with_both_fees() -> None:
    # Bybit help "Order Cost (USDT Contract)": 1 BTC long at 50,000, 10x, taker 0.06 %:
    # 5,000 margin + 30 to open + 27 to close at the bankruptcy price 45,000 = 5,057 USDT.
    account = empty(wallet=5_057 + 0.001 * 100 / 10, rules="bybit-linear", fee=0.0006)
    long = Ticket("BTCUSDT", "long", 10, 50_000)
    found = max_open(account, long, "cross")
    assert found.available == pytest.approx(5_057)
    assert found.quantity == pytest.approx(1.0, rel=1e-12)
    assert found.fees == pytest.approx(57.0, rel=1e-12)
    assert found.formula == "bybit"
    # A short's fee to close is valued at its bankruptcy price above the entry (× (1 + 1/L)):
    # 5,000 + 30 + 33 = 5,063 USDT a BTC; Bybit counts no open loss in it.
    short = Ticket("BTCUSDT", "short", 10, 49_000)
    found = max_open(account, short, "cross")
    assert found.quantity == pytest.approx(5_057 / (4_900 + 29.4 + 49_000 * 1.1 * 0.0006))
    assert found.open_loss == 0.0


def test_max_open_on_bitget_adds_the_fee_to_open_and_the_open_loss() -> None:
    # Bitget "Futures Position Initial Margin Overview", one-way mode, freeze markups 0:
    # available / (price × (1 / L + fee rate) + unit opening loss).
    account = scenario(
        10_000,
        [position("A", "BTCUSDT", "short", 0.01, 50_000, mode="isolated", **GENERIC)],
        rules="bitget-usdtm",
        taker_fee=0.0006,
    )
    ticket = Ticket("BTCUSDT", "long", 10, 50_500)  # 500 above the mark: the opening loss
    found = max_open(account, ticket, "cross")
    assert found.quantity == pytest.approx(9_950 / (50_500 * (0.1 + 0.0006) + 500), rel=1e-12)
    assert found.fees == pytest.approx(found.quantity * 50_500 * 0.0006, rel=1e-12)
    assert found.formula == "bitget"


def test_max_open_on_binance_and_hyperliquid_holds_back_no_fee() -> None:
    ticket = Ticket("BTCUSDT", "long", 10, 50_000)
    for rules in ("binance-usdm", "hyperliquid"):
        found = max_open(empty(wallet=10_000, rules=rules, fee=0.0005), ticket, "cross")
        assert found.quantity == pytest.approx((10_000 - 0.01) / 5_000, rel=1e-12)
        assert (found.fees, found.formula) == (0.0, "binance")


def test_max_open_stops_at_the_tier_that_allows_the_leverage() -> None:
    rich = scenario(10_000_000, [position("A", "ETHUSDT", "long", 0.1, 3_000, mode="cross")])
    ticket = Ticket("BTCUSDT", "long", 100, 60_000)
    found = max_open(rich, ticket, "cross", step=0.001)
    assert found.limited_by == "tier"
    # The bundled Binance BTCUSDT brackets: 100x is allowed up to the second bracket's cap,
    # 800,000 (150x to 300,000; 100x to 800,000; 75x above).
    assert found.tier_cap == 800_000
    assert found.quantity * 60_000 <= found.tier_cap < (found.quantity + 0.001) * 60_000


def test_size_from_the_loss_you_accept_isolated_and_cross() -> None:
    ticket = Ticket("BTCUSDT", "long", 10, 50_000, maintenance_rate=0.005)
    for mode in ("isolated", "cross"):
        sized = size_for_loss(empty(), ticket, mode, stop=47_500, max_loss=1_000)
        # No liquidation before a 5 % stop at 10x: the loss is Q × 2,500, so Q = 0.4.
        assert sized.quantity == pytest.approx(0.4, rel=1e-6)
        assert not sized.liquidated_before_stop
        more, _ = loss_at_stop(empty(), ticket, mode, sized.quantity * 1.01, 47_500)
        assert more > 1_000
    isolated = size_for_loss(empty(), ticket, "isolated", stop=47_500, max_loss=1_000)
    # The margin whose liquidation is the stop: MM(stop) + Q·(EP − stop), and the leverage it
    # allows, Q·EP / that margin (health = 0 at the stop, formulas.md §0).
    margin = 0.4 * 47_500 * 0.005 + 0.4 * 2_500
    assert isolated.margin_for_stop == pytest.approx(margin, rel=1e-6)
    assert isolated.highest_leverage == pytest.approx(0.4 * 50_000 / margin, rel=1e-6)


def test_an_isolated_position_liquidated_before_the_stop_loses_its_margin() -> None:
    # 50x liquidates near 49,250, well before a 45,000 stop: the loss is the margin, Q × 1,000,
    # so 1,000 of accepted loss allows 1 BTC; cross holds on with the 10,000 pool and allows
    # only 1,000 / 5,000 = 0.2.
    ticket = Ticket("BTCUSDT", "long", 50, 50_000, maintenance_rate=0.005)
    isolated = size_for_loss(empty(), ticket, "isolated", stop=45_000, max_loss=1_000)
    assert isolated.liquidated_before_stop
    assert isolated.quantity == pytest.approx(1.0, rel=1e-6)
    cross = size_for_loss(empty(), ticket, "cross", stop=45_000, max_loss=1_000)
    assert cross.quantity == pytest.approx(0.2, rel=1e-6)


def test_sizing_names_a_stop_on_the_wrong_side() -> None:
    ticket = Ticket("BTCUSDT", "short", 10, 50_000, maintenance_rate=0.005)
    with pytest.raises(PlanError, match="stop price: must be above the entry for a short"):
        size_for_loss(empty(), ticket, "isolated", stop=49_000, max_loss=100)


def test_funding_drains_an_isolated_margin_as_bybits_example() -> None:
    # [V13] Bybit: 1 BTC long at 20,000, 50x, MMR 0.5 %, 200 USDT of funding taken from the
    # position margin → LP 19,900. 200 = 20,000 × 1 % over one 8-hour interval.
    v13 = next(v for v in VECTORS if v["id"].startswith("V13"))
    account = scenario(
        400,
        [position("A", "BTCUSDT", "long", 1, 20_000, leverage=50, maintenance_rate=0.005)],
        rules="bybit-linear",
    )
    funded = after_funding(account, 0.01, 8)
    assert funded.paid["A"] == pytest.approx(200)
    lp = evaluate(funded.scenario).variants["as_entered"].positions["A"].liquidation_price
    assert lp == pytest.approx(v13["expected"]["liquidation_price"], abs=v13["tolerance"]["abs"])
    assert after_funding(account, 0.0, 1_000).scenario is account  # no funding: unchanged


def test_liquidation_over_time_moves_towards_the_mark_in_both_modes() -> None:
    account = scenario(
        5_000, [position("A", "BTCUSDT", "long", 1, 50_000, mode="isolated", **GENERIC)]
    )
    curves = liquidation_over_time(account, "A", 0.0005, [0, 24, 72])
    for mode in ("isolated", "cross"):
        prices = curves[mode]
        assert all(p is not None for p in prices)
        assert prices == sorted(prices)  # a paying long's LP rises towards the mark
    # Isolated after 72 h (9 intervals × 25 paid): margin 5,000 − 225 = 4,775.
    expected = venue.binance_usdm_liquidation_price(4_775, +1, 1, 50_000, 0.005, 0.0)
    assert curves["isolated"][2] == pytest.approx(expected, rel=1e-9)


def test_the_ladder_adds_to_a_position_of_the_account() -> None:
    # The brief's B: 0.4 BTC long from 50,000 on 2,000 of isolated margin (MMR 0.4 %). Adding
    # 0.4 at 45,000 at 10x: 0.8 from 47,500 on 2,000 + 1,800 of margin.
    from marginlab.engine.files.presets import load_preset

    account = load_preset("seed-example.json")
    ticket = Ticket("BTCUSDT", "long", 10, 45_000)
    (step,) = dca_ladder(account, ticket, [(45_000, 0.4)], add_to="B")
    assert step.total_quantity == pytest.approx(0.8)
    assert step.average_entry == pytest.approx(47_500)
    assert step.margin == pytest.approx(3_800)
    lp = venue.binance_usdm_liquidation_price(3_800, +1, 0.8, 47_500, 0.004, 0.0)
    assert step.liquidation["isolated"] == pytest.approx(lp, rel=1e-9)
    # B is liquidated isolated at 45,180.72 today: a fill at 45,000 comes after it.
    assert step.beyond == ("isolated",)
    with pytest.raises(PlanError, match="no position 'Z'"):
        dca_ladder(account, ticket, [(45_000, 0.4)], add_to="Z")


def test_an_order_takes_the_book_s_own_mmr_where_no_table_covers_it() -> None:
    """A generic-rules book states an MMR on each position: an order in the same symbol takes
    it (the venue holds one rate a symbol), where the positions share one with no fixed
    amount. A table, when there is one, decides instead of any position's override."""
    from marginlab.engine.margin.planning import book_mmr

    def book(rules: str, *rates: tuple[float | None, float | None]):  # type: ignore[no-untyped-def]
        return scenario(
            10_000,
            [
                position(f"P{i}", "BTCUSDT", "long", 0.1, 50_000, mode="cross",
                         maintenance_rate=rate, maintenance_amount=amount)
                for i, (rate, amount) in enumerate(rates)
            ],
            rules=rules,
        )  # fmt: skip

    assert book_mmr(book("generic", (0.005, None), (0.005, 0.0)), "BTCUSDT") == 0.005
    assert book_mmr(book("generic", (0.005, None)), "ETHUSDT") is None  # not held
    assert book_mmr(book("generic", (0.005, None), (0.01, None)), "BTCUSDT") is None  # differ
    assert book_mmr(book("generic", (0.005, 50.0)), "BTCUSDT") is None  # an amount as well
    assert book_mmr(book("binance-usdm", (0.005, None)), "BTCUSDT") is None  # its tiers decide
