"""Headline figures a trader can trust (issue 12): max loss from today's equity, only as far as
a move can reach; the margin ratio of every pool; never negative equity.

The expected numbers are worked by hand from DESIGN §1 (pool equity = cash + Σ s·Q·(P − EP));
the Hypothesis properties check the definition against ``evaluate`` at random moves.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANTS, build_pools
from marginlab.engine.text.report_text import report_json, summary_lines
from marginlab.engine.text.symbol_summaries import symbol_summaries
from tests.engine.helpers import isolated_btc_long, past_liquidation_book, position, scenario
from tests.engine.test_properties import scenarios

sys.path.insert(0, str(Path(__file__).parents[2]))
from bench.books import book_document

TINY = 1e-300  # "towards 0": a price a move can name (> 0), whose worth is 0's to 1e-288


def test_a_cross_position_no_price_can_liquidate_loses_at_most_its_fall_to_zero() -> None:
    """Case 1: 0.01 BTC long at 60,000 in a 25,000 wallet: BTC at 0 costs 600, nothing more."""
    s = scenario(
        25_000,
        [position("X", "BTCUSDT", "long", 0.01, 60_000, mode="cross", maintenance_rate=0.004)],
        rules="generic",
    )
    report = evaluate(s)
    for name in ("as_entered", "cross"):
        variant = report.variants[name]
        assert variant.positions["X"].liquidation_price is None
        assert variant.positions["X"].max_loss == pytest.approx(600)
        assert variant.account.max_loss == pytest.approx(600)
    line = summary_lines(report)[0]
    assert "all cross can lose 600.00 USDT" in line
    assert "25,000" not in line


def test_max_loss_is_measured_from_todays_equity_cross() -> None:
    """Case 2a: 2 long at 10,000 marked 9,500 with 2,200 of wallet: 1,200 is all there is."""
    s = scenario(
        2_200,
        [
            position(
                "X", "XYZ", "long", 2, 10_000, mode="cross", mark_price=9_500, maintenance_rate=0.01
            )
        ],
        rules="generic",
    )
    cross = evaluate(s).variants["cross"]
    assert cross.account.equity_now == pytest.approx(1_200)
    assert cross.account.max_loss == pytest.approx(1_200)
    assert cross.positions["X"].max_loss == pytest.approx(1_200)


def test_max_loss_is_measured_from_todays_equity_isolated() -> None:
    """Case 2b: margin 5,000 on 1 long at 50,000 marked 60,000: a liquidation takes 15,000."""
    s = scenario(5_000, [isolated_btc_long(margin=5_000, mark_price=60_000)], rules="generic")
    isolated = evaluate(s).variants["isolated"]
    assert isolated.positions["X"].equity_now == pytest.approx(15_000)
    assert isolated.positions["X"].initial_margin == pytest.approx(5_000)  # the money put in
    assert isolated.positions["X"].max_loss == pytest.approx(15_000)
    assert isolated.account.max_loss == pytest.approx(15_000)


def test_a_pool_past_liquidation_puts_the_margin_ratio_at_100_percent_or_more() -> None:
    """Case 3: an isolated long already marked past its liquidation price."""
    s = past_liquidation_book()
    entered = evaluate(s).variants["as_entered"]
    assert entered.account.margin_ratio is not None and entered.account.margin_ratio >= 1
    assert entered.account.past_liquidation == ("isolated X",)
    assert entered.positions["X"].past_liquidation
    data = json.loads(report_json(evaluate(s)))["variants"]["as_entered"]["account"]
    assert data["margin_ratio"] >= 1 and data["past_liquidation"] == ["isolated X"]


def test_all_isolated_never_goes_below_zero_when_margins_exceed_the_wallet() -> None:
    """Case 4: two 10x legs needing 800 each on a 1,000 wallet."""
    s = scenario(
        1_000,
        [
            position("B", "BTCUSDT", "long", 8_000 / 60_000, 60_000, mode="cross"),
            position("E", "ETHUSDT", "long", 8_000 / 3_000, 3_000, mode="cross"),
        ],
    )
    report = evaluate(s, {"BTCUSDT": 1, "ETHUSDT": 1})
    for variant in report.variants.values():
        assert variant.account.equity >= 0
        assert variant.account.max_loss <= variant.account.equity_now + 1e-9
    isolated = report.variants["isolated"]
    assert sum(f.initial_margin for f in isolated.positions.values()) == pytest.approx(1_000)
    warning = next(w for w in isolated.warnings if w.code == "isolated_margins_above_wallet")
    assert "1,600.00 USDT" in warning.message and "62.5%" in warning.message


def test_a_flat_hedge_is_described_in_words() -> None:
    """Case 7: a cross BTC long and short of the same size."""
    s = scenario(
        10_000,
        [
            position("L", "BTCUSDT", "long", 1, 60_000, mode="cross"),
            position("S", "BTCUSDT", "short", 1, 60_000, mode="cross"),
        ],
    )
    report = evaluate(s)
    risk = report.variants["cross"].symbol_risks["BTCUSDT"]
    assert risk.hedged
    assert risk.fall.loss == pytest.approx(0, abs=1e-6)  # a fall costs nothing: PnL cancels
    assert risk.rise.loss == pytest.approx(10_000)  # maintenance grows with price
    line = summary_lines(report)[0]
    assert "hedged" in line and "only a rise" in line
    liquidation = report.variants["cross"].positions["L"].liquidation_price
    assert liquidation is not None
    assert f"{liquidation:,.2f}" in line


def test_the_brief_example_is_unchanged() -> None:
    from marginlab.engine.files.presets import load_preset

    report = evaluate(load_preset("seed-example.json"))
    assert report.variants["isolated"].positions["B"].max_loss == 2_000
    assert report.variants["isolated"].account.max_loss == 5_000
    assert report.variants["cross"].account.max_loss == 10_000


# --- properties over random mixed scenarios ---------------------------------------------------


def _reachable(prices: dict[str, float]) -> dict[str, float]:
    return {s: max(p, TINY) for s, p in prices.items()}


def _loss(variant: Any) -> float:
    return variant.account.equity_now - variant.account.equity


moves = st.floats(0.0001, 20.0)


@given(scenarios(size=4), st.data())
def test_no_single_move_loses_more_than_max_loss(scenario: Scenario, data: st.DataObject) -> None:
    marks = scenario.marks()
    at = {s: m * data.draw(moves) for s, m in marks.items() if data.draw(st.booleans())}
    now = evaluate(scenario)
    after = evaluate(scenario, at)
    for name, variant in after.variants.items():
        assert variant.account.equity >= 0
        limit = now.variants[name].account.max_loss
        scale = max(1.0, now.variants[name].account.equity_now)
        assert _loss(variant) <= limit + 1e-7 * scale, (name, at)
        assert limit <= variant.account.equity_now + 1e-7 * scale


@given(scenarios(size=4))
def test_some_move_reaches_max_loss(scenario: Scenario) -> None:
    report = evaluate(scenario)
    for name, variant in report.variants.items():
        worst = variant.account.worst_move
        after = evaluate(scenario, _reachable(worst.prices)).variants[name]
        scale = max(1.0, variant.account.equity_now)
        # A price of exactly 0 is no move: TINY stands for it, and may cost a little less.
        assert _loss(after) == pytest.approx(variant.account.max_loss, abs=1e-6 * scale), name


def test_a_cross_pool_left_at_its_threshold_by_a_price_towards_0_is_reached() -> None:
    """Found by the property above in a fresh clone: the worst move takes ETH towards 0 and BTC
    just past where the cross pool (a BTC short, an ETH long) is liquidated. A move to ETH at
    1e-9 left the ETH long 3e-8 of health, enough to keep the pool alive and 0.04 of its
    equity; ``TINY`` is now 1e-300, whose worth is 0's."""
    s = scenario(
        20,
        [
            position("P0", "BTCUSDT", "long", 1 / 6000, 60_000, leverage=1, mark_price=52_500),
            position("P1", "BTCUSDT", "short", 5 / 3, 60_000, mode="cross", leverage=1),
            position("P2", "ETHUSDT", "long", 100 / 3, 3_000, mode="cross", leverage=1),
        ],
        taker_fee=None,
    )
    variant = evaluate(s).variants["as_entered"]
    worst = variant.account.worst_move
    assert worst.prices["ETHUSDT"] == 0.0 and set(worst.liquidated) == {"P1", "P2"}
    after = evaluate(s, _reachable(worst.prices)).variants["as_entered"]
    assert _loss(after) == pytest.approx(variant.account.max_loss, rel=1e-12)


@given(scenarios(size=4))
def test_margin_ratio_reaches_100_percent_exactly_when_a_pool_is_past_liquidation(
    scenario: Scenario,
) -> None:
    for variant in evaluate(scenario).variants.values():
        ratio = variant.account.margin_ratio
        if variant.account.past_liquidation:
            assert ratio is not None and ratio >= 1
        else:
            assert ratio is None or ratio < 1


def test_a_huge_flat_hedge_does_not_blur_the_worst_move() -> None:
    """Found by the property above: 34,000 BTC long and short at 56,250 beside a small
    isolated short. At a price of 10^12 the legs' PnL is 3·10^16 each; summed leg by leg the
    rounding lost 2 USDT and the max loss read 8 instead of 10. Summed per symbol it cancels."""
    legs = [
        position("P0", "BTCUSDT", "short", 1 / 6000, 60_000, leverage=1),
        {**position("P1", "BTCUSDT", "long", 33_972.5, 56_250, mode="cross", leverage=1),
         "maintenance_rate": 0.0},
        {**position("P2", "BTCUSDT", "short", 33_972.5, 56_250, mode="cross", leverage=1),
         "maintenance_rate": 0.0},
    ]  # fmt: skip
    s = scenario(20, legs)
    entered = evaluate(s).variants["as_entered"]
    moved = evaluate(s, {"BTCUSDT": 120_000}).variants["as_entered"]
    assert _loss(moved) == pytest.approx(10)
    assert entered.account.max_loss == pytest.approx(10)


def test_a_worst_move_near_zero_is_reached_exactly() -> None:
    """Found by the property above: 1,697 BTC long in a cross pool, the worst move puts BTC at
    9·10^-5. The move is evaluated at the price named (mark + (price − mark) missed it by
    10^-12, enough to decide the pool at its threshold), and a pool is liquidated on the way
    exactly when its health at the end is ≤ 0, the test the search makes."""
    scenario = Scenario.model_validate(
        {
            "rules": "binance-usdm",
            "account": {"wallet_balance": 53.333333333333336},
            "positions": [
                {
                    "id": "P0",
                    "symbol": "BTCUSDT",
                    "side": "long",
                    "quantity": 1696.9195361969696,
                    "entry_price": 60000.0,
                    "mark_price": 60000.0,
                    "leverage": 1.0,
                    "margin_mode": "cross",
                },
                {
                    "id": "P1",
                    "symbol": "BTCUSDT",
                    "side": "short",
                    "quantity": 0.00022222222222222223,
                    "entry_price": 45000.0,
                    "leverage": 1.0,
                    "margin_mode": "isolated",
                },
                {
                    "id": "P2",
                    "symbol": "ETHUSDT",
                    "side": "long",
                    "quantity": 0.03333333333333333,
                    "entry_price": 3000.0,
                    "mark_price": 3000.0,
                    "leverage": 3.0,
                    "margin_mode": "isolated",
                },
                {
                    "id": "P3",
                    "symbol": "ETHUSDT",
                    "side": "short",
                    "quantity": 75505.08882901768,
                    "entry_price": 3375.0,
                    "leverage": 1.0,
                    "margin_mode": "cross",
                },
            ],
        }
    )
    variant = evaluate(scenario).variants["as_entered"]
    after = evaluate(scenario, _reachable(variant.account.worst_move.prices))
    assert _loss(after.variants["as_entered"]) == pytest.approx(variant.account.max_loss, rel=1e-9)


def test_a_fall_that_alone_helps_the_cross_pool_still_counts_when_another_sinks_it() -> None:
    """Found by Hypothesis: BTC falling liquidates two isolated longs but feeds the cross
    pool's BTC short; ETH falling then sinks the cross pool anyway. The search starting with
    every price at 0 met the BTC prices that lose the same in a tie, and took the one furthest
    from the mark that the ETH fall could still exploit, not the lowest.

    By hand at BTC 30,000 and ETH 1,200: the isolated longs (5 margin each, 2x) have lost
    their margin; the cross pool (10 cash, short 100 USDT of BTC, long 100 USDT of ETH) is at
    10 + 50 − 60 = 0, liquidated; the isolated ETH short (10 margin) gained 0.00333 × 1,800.
    The account, 30 today, is worth 16: the max loss is at least 14."""
    q = 5 / 30_000
    book = scenario(
        30,
        [
            position("P0", "BTCUSDT", "long", q, 60_000, leverage=2),
            position("P1", "BTCUSDT", "long", q, 60_000, leverage=2),
            position("P2", "BTCUSDT", "short", 100 / 60_000, 60_000, mode="cross", leverage=1),
            position("P3", "ETHUSDT", "short", 10 / 3_000, 3_000, leverage=1),
            position("P4", "ETHUSDT", "long", 100 / 3_000, 3_000, mode="cross", leverage=1),
        ],
    )
    worth = 10 + (10 / 3_000) * (3_000 - 1_200)  # the ETH short alone survives
    by_hand = 30 - worth
    assert by_hand == pytest.approx(14)
    worst = evaluate(book).variants["as_entered"].account.worst_move
    assert worst.loss >= by_hand


def test_two_symbols_moving_together_sink_the_cross_pool_and_an_isolated_one() -> None:
    """Found by Hypothesis: BTC falling alone sinks the cross pool (a BTC long in it) and ETH
    rising alone sinks the isolated ETH short, but ETH rising also lifts the cross pool's ETH
    long back above water. Moved one at a time, no symbol improves on the other's move; the
    worst move takes both.

    By hand at BTC 51,000 and ETH 4,500: the cross pool (10 cash, long 100 USDT of BTC and
    10 USDT of ETH, 1x) is at 10 − 15 + 5 = 0, liquidated; the isolated ETH short (5 margin,
    2x, 10 USDT) has lost 5, its margin; the isolated BTC short (10 margin, 1x) gained
    0.000167 × 9,000 = 1.5. The account, 25 today, is worth 11.5: a loss of at least 13.5."""
    book = scenario(
        25,
        [
            position("P0", "BTCUSDT", "short", 10 / 60_000, 60_000, leverage=1),
            position("P1", "BTCUSDT", "long", 100 / 60_000, 60_000, mode="cross", leverage=1),
            position("P2", "ETHUSDT", "long", 10 / 3_000, 3_000, mode="cross", leverage=1),
            position("P3", "ETHUSDT", "short", 10 / 3_000, 3_000, leverage=2),
        ],
    )
    worth = 10 + (10 / 60_000) * (60_000 - 51_000)  # the BTC short alone survives
    by_hand = 25 - worth
    assert by_hand == pytest.approx(13.5)
    worst = evaluate(book).variants["as_entered"].account.worst_move
    assert worst.loss >= by_hand


def test_a_fall_that_liquidates_an_isolated_long_then_a_rise_that_sinks_the_cross_pool() -> None:
    """Found by the grid test below. Wallet 70: an isolated ETH long (50 margin, 2x) and an
    isolated BTC long (10 margin, 1x); the cross pool (10) is short 2.667 ETH from 3,750 (ETH
    at 3,000: +2,000) and short 0.01667 BTC. Today 2,070. ETH falling to the long's
    liquidation (about 1,506) costs its 50 but feeds the cross pool 2.667 per dollar; BTC
    then has to rise far (to about 420,000) to sink it, which the small BTC long gains on:
    10 + 0.000167 × (420,000 − 60,000) ≈ 70. A loss of about 2,000: more than BTC alone
    (1,990), which leaves ETH where it is."""
    book = scenario(
        70,
        [
            position("P0", "ETHUSDT", "long", 0.1 / 3, 3_000, leverage=2),
            position(
                "P1", "ETHUSDT", "short", 8 / 3, 3_750, mode="cross", mark_price=3_000, leverage=1
            ),
            position("P2", "BTCUSDT", "long", 0.01 / 60, 60_000, leverage=1),
            position("P3", "BTCUSDT", "short", 1 / 60, 60_000, mode="cross", leverage=1),
        ],
    )
    worst = evaluate(book).variants["as_entered"].account.worst_move
    survivor = {"ETHUSDT": 1_506.0, "BTCUSDT": 430_000.0}  # P0 and the cross pool are gone
    pools = build_pools(book, "as_entered")
    marks = book.marks()
    worth = sum(
        float(pool.equity(survivor)) if float(pool.health(survivor)) > 0 else 0.0
        for pool in pools
        if float(pool.health(marks)) > 0
    )
    assert worth < 75  # the BTC long alone is left
    assert worst.loss >= 2_070 - worth - 1e-6
    assert set(worst.liquidated) >= {"P0", "P1", "P3"}


@settings(max_examples=80, deadline=None)
@given(scenarios(size=6))
def test_no_move_on_a_dense_two_symbol_grid_loses_more_than_max_loss(scenario: Scenario) -> None:
    """Every variant's max loss is at least the loss at each of 400 × 400 moves of two
    symbols together, from 1/1,000 to 100 times the marks. The pools' worth there is summed
    from their health and equity (DESIGN §1: a pool survives a straight move exactly when its
    health at the end is > 0), not from the search."""
    marks = scenario.marks()
    assume(len(marks) == 2)
    (a, mark_a), (b, mark_b) = marks.items()
    grid = np.geomspace(1e-3, 1e2, 400)
    prices = dict(zip((a, b), np.meshgrid(mark_a * grid, mark_b * grid), strict=True))
    report = evaluate(scenario)
    for name in VARIANTS:
        worth = np.zeros_like(prices[a])
        for pool in build_pools(scenario, name):
            if not pool.legs:
                worth += max(pool.cash, 0.0)
            elif float(pool.health(marks)) > 0:
                worth += np.where(pool.health(prices) > 0, pool.equity(prices), 0.0)
        account = report.variants[name].account
        grid_loss = account.equity_now - float(worth.min())
        scale = max(1.0, account.equity_now)
        assert account.max_loss >= grid_loss - 1e-9 * scale, (name, grid_loss)


def test_a_summary_names_a_dozen_of_the_positions_it_closes_and_counts_the_rest() -> None:
    """Issue 16: one cross pool of 15 BTC longs and 15 ETH longs. If BTC is wrong, all cross
    closes the 15 ETH positions too: the sentence names 12 and counts 3; the banner (which
    unfolds the list) holds all 15."""
    book = scenario(
        10_000,
        [
            position(
                f"P{n}",
                "BTCUSDT" if n % 2 else "ETHUSDT",
                "long",
                0.1,
                60_000,
                mode="cross",
                maintenance_rate=0.01,
            )
            for n in range(30)
        ],
        rules="generic",
    )
    report = evaluate(book)
    line = next(line for line in summary_lines(report) if line.startswith("If BTCUSDT"))
    eth = ", ".join(f"P{n}" for n in range(0, 24, 2))
    assert f"and also closes {eth} and 3 more." in line
    banner = next(s for s in symbol_summaries(report) if s.symbol == "BTCUSDT")
    assert banner.variants["cross"].others == tuple(f"P{n}" for n in range(0, 30, 2))


def test_a_search_that_liquidates_every_pool_knows_no_move_goes_lower() -> None:
    """The 20-position bench book as entered: a descent from today's marks liquidates every
    pool. Its running total keeps the rounding of each move (about 1e-11 there), yet that is
    the floor, and the search stops; a state with a pool still alive is not."""

    from marginlab.engine.margin.max_loss import _Account

    s = Scenario.model_validate(book_document(20))
    pools = build_pools(s, "as_entered")
    marks = {p.symbol: p.mark_price for p in s.positions}
    account = _Account(pools, marks)
    bottom = account.descend(account.at_marks, list(marks))
    assert bottom.down == frozenset(range(len(account.live)))
    assert account.floor == 0.0
    assert account.at_floor(bottom)
    assert account.at_floor(bottom._replace(total=3e-11))
    assert not account.at_floor(account.at_marks)
    alive = max(range(len(account.live)), key=lambda i: account.at_marks.equity[i])
    one_alive = bottom._replace(down=bottom.down - {alive}, equity=account.at_marks.equity)
    assert not account.at_floor(one_alive._replace(total=1e-11))


def test_a_position_past_liquidation_today_is_not_closed_by_another_symbol_s_move() -> None:
    """E, an ETH long 10 % under water at 20x, is past liquidation at today's mark; B, a BTC
    long at 25x, is not. "If BTCUSDT is wrong" said "loses at most 200.00 USDT and also
    closes E": no BTC move closes E, it is closed already (its card says so)."""
    book = scenario(
        10_000,
        [
            position("B", "BTCUSDT", "long", 0.1, 50_000, leverage=25, mark_price=50_000),
            position("E", "ETHUSDT", "long", 1, 3_000, leverage=20, mark_price=2_700),
        ],
    )
    report = evaluate(book)
    for name in ("as_entered", "isolated"):
        variant = report.variants[name]
        assert variant.positions["E"].past_liquidation
        fall = variant.symbol_risks["BTCUSDT"].fall
        assert fall.liquidated == ("B",) and fall.loss == pytest.approx(200)  # B's margin
        assert variant.symbol_risks["ETHUSDT"].worst.liquidated == ()
        assert variant.account.worst_move.liquidated == ("B",)
    btc = next(line for line in summary_lines(report) if line.startswith("If BTCUSDT is wrong"))
    assert btc == (
        "If BTCUSDT is wrong: as entered loses at most 200.00 USDT; all isolated loses at most "
        "200.00 USDT; all cross can lose 5,000.00 USDT."
    )


CROSS_1X: dict[str, Any] = {"mode": "cross", "leverage": 1, "mark_price": None}


def test_descents_through_huge_prices_are_compared_by_what_their_end_is_worth() -> None:
    """A cross pool short 266,667 ETH (1x) with a tiny BTC long, beside an isolated 1x ETH
    long. The worst move: BTC to 0 and ETH just past the cross pool's threshold. A descent
    that starts with ETH at 10^12 carries a running total of 3.3·10^16 and rounds its end's
    worth by about 1 USDT: judged by that total, it won over the true worst move, 0.65 USDT
    worse (the isolated long worth more 6·10^-9 higher up)."""
    book = scenario(
        100_000_010,
        [
            position("P0", "BTCUSDT", "long", 2.9637990167315383e-4, 60_000, **CROSS_1X),
            position("P1", "ETHUSDT", "long", 33333.333333333336, 3_000, leverage=1),
            position("P2", "ETHUSDT", "short", 266666.6666666667, 3_750, **CROSS_1X),
        ],
    )
    account = evaluate(book).variants["as_entered"].account
    cross = build_pools(book, "as_entered")[-1]
    low, high = 3_000.0, 4_000.0  # the cross pool's threshold along ETH, BTC near 0
    for _ in range(200):
        middle = (low + high) / 2
        alive = cross.health({"BTCUSDT": 1e-6, "ETHUSDT": middle}) > 0
        low, high = (middle, high) if alive else (low, middle)
    move = {"BTCUSDT": 1e-6, "ETHUSDT": high * (1 + 1e-9)}  # just past it
    after = evaluate(book, move).variants["as_entered"].account
    assert (
        after.past_liquidation == ()
        and account.max_loss >= account.equity_now - after.equity - 1e-6
    )
