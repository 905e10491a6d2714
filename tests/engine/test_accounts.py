"""Mixed accounts, hedges and tier re-solves, checked against hand-solved closed forms."""

from __future__ import annotations

import pytest

from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.rules import rule_table
from tests.engine.helpers import position, scenario


def binance_isolated_long(q: float, ep: float, wb: float, mmr: float, cum: float) -> float:
    """Binance FAQ closed form for an isolated long: (Q·EP − WB − cum) / (Q·(1 − MMR))."""
    return (q * ep - wb - cum) / (q * (1 - mmr))


def test_mixed_account_a_cross_b_isolated() -> None:
    """A in cross shares the pool (wallet − B's margin); B keeps its own 2,000."""
    seed = scenario(
        10_000,
        [
            position("A", "ETHUSDT", "long", 10, 3000, mode="cross"),
            position("B", "BTCUSDT", "long", 0.4, 50_000, margin=2000),
        ],
    )
    report = evaluate(seed)
    entered = report.variants["as_entered"]
    a, b = entered.positions["A"], entered.positions["B"]
    assert a.pool == "cross" and b.pool == "isolated B"
    # Cross pool = 10,000 − 2,000; A's MM = 30,000 × 0.4 % (tier 1).
    assert a.liquidation_price == pytest.approx(binance_isolated_long(10, 3000, 8000, 0.004, 0))
    assert b.liquidation_price == pytest.approx(45_180.7229, abs=1e-4)
    assert a.max_loss == 8000 and b.max_loss == 2000
    assert entered.account.max_loss == 10_000
    # B liquidated by a BTC crash: the cross pool and A do not notice.
    after = evaluate(seed, {"BTCUSDT": 30_000}).variants["as_entered"]
    assert after.positions["B"].liquidated and not after.positions["A"].liquidated
    assert after.account.equity == pytest.approx(8000)


def test_hedged_pair_shares_one_cross_price_above_the_mark() -> None:
    """Hedge mode in cross: long and short share one price; it lies above the mark because MM
    grows with the mark (DESIGN §1)."""
    pair = scenario(
        5000,
        [
            position("L", "BTCUSDT", "long", 0.5, 60_000, mode="cross", leverage=20),
            position("S", "BTCUSDT", "short", 0.5, 60_000, mode="cross", leverage=20),
        ],
    )
    report = evaluate(pair)
    cross = report.variants["cross"]
    liq_long = cross.positions["L"].liquidation_price
    assert liq_long == cross.positions["S"].liquidation_price
    # 5,000 = 2·MM(0.5·P); Binance's 2026-07-02 tier 2 (0.5 %, cum 300):
    # 0.5·P·0.005 − 300 = 2,500 → P = 1,120,000.
    assert liq_long == pytest.approx(1_120_000)
    assert cross.positions["L"].bankruptcy_price is None  # equity does not depend on the price
    # Isolated, each leg has its own price on its own side of the mark.
    isolated = report.variants["isolated"]
    assert isolated.positions["L"].liquidation_price < 60_000
    assert isolated.positions["S"].liquidation_price > 60_000
    # A 10 % move liquidates one isolated leg; cross is untouched.
    moved = evaluate(pair, {"BTCUSDT": 54_000}).variants
    assert moved["isolated"].positions["L"].liquidated
    assert not moved["isolated"].positions["S"].liquidated
    # L's 1,500 is gone; S is 0.5 × 6,000 in profit.
    assert moved["isolated"].account.equity == pytest.approx(5000 - 1500 + 3000)
    assert not moved["cross"].positions["L"].liquidated
    assert moved["cross"].account.equity == pytest.approx(5000)


def test_tier_is_re_solved_at_the_liquidation_price() -> None:
    """20 BTC at 50,000 is 1,000,000 notional (tier 3 in the 2026-07-02 table) at the mark, but
    the liquidation price lies in tier 2: the answer must use tier 2's MMR and cum, as
    Binance's FAQ requires."""
    tiers = rule_table("binance-usdm")["symbols"]["BTCUSDT"]
    t2, t3 = tiers[1], tiers[2]
    big = scenario(600_000, [position("X", "BTCUSDT", "long", 20, 50_000, leverage=2)])
    figures = evaluate(big).variants["isolated"].positions["X"]
    assert figures.maintenance_rate == pytest.approx(t3["rate"])  # at the mark
    with_tier3 = binance_isolated_long(20, 50_000, 500_000, t3["rate"], t3["amount"])
    with_tier2 = binance_isolated_long(20, 50_000, 500_000, t2["rate"], t2["amount"])
    assert 20 * with_tier3 < t3["floor"]  # tier 3's own answer is not in tier 3
    assert t2["floor"] <= 20 * with_tier2 < t2["cap"]  # tier 2's answer is stable
    assert figures.liquidation_price == pytest.approx(with_tier2, rel=1e-12)
    assert figures.liquidation_price != pytest.approx(with_tier3, rel=1e-6)


def test_cross_price_of_one_symbol_depends_on_the_others() -> None:
    """formulas.md §10: a losing A pulls B's cross price toward the mark; a winning A pushes it."""

    def b_cross(eth_mark: float) -> float:
        s = scenario(
            10_000,
            [
                position("A", "ETHUSDT", "long", 10, 3000, mark_price=eth_mark),
                position("B", "BTCUSDT", "long", 0.4, 50_000),
            ],
        )
        value = evaluate(s).variants["cross"].positions["B"].liquidation_price
        assert value is not None
        return value

    assert b_cross(2800) > b_cross(3000) > b_cross(3200)


def test_short_cross_threshold_is_above_the_mark() -> None:
    s = scenario(1000, [position("S", "ETHUSDT", "short", 1, 3000, mode="cross")])
    figures = evaluate(s).variants["cross"].positions["S"]
    # Binance one-way form with s = −1: (WB + cum + Q·EP) / (Q·MMR + Q).
    assert figures.liquidation_price == pytest.approx((1000 + 3000) / (0.004 + 1))
    assert figures.liquidation_distance > 0


def test_position_past_its_liquidation_price_is_shown_with_a_warning() -> None:
    s = scenario(10_000, [position("B", "BTCUSDT", "long", 0.4, 50_000, mark_price=44_000)])
    variant = evaluate(s).variants["isolated"]
    assert variant.positions["B"].liquidated
    assert variant.positions["B"].liquidation_price == pytest.approx(45_180.7229, abs=1e-4)
    assert variant.account.equity == pytest.approx(10_000 - 2_000)
    codes = [w.code for w in variant.warnings]
    assert "past_liquidation" in codes


def test_warnings_for_leverage_and_margins() -> None:
    s = scenario(
        1000,
        [
            position("X", "BTCUSDT", "long", 1, 60_000, mode="cross", leverage=160),
            position("Y", "ETHUSDT", "long", 1, 3000, mode="cross", leverage=1),
        ],
        max_acceptable_loss=100,
    )
    report = evaluate(s)
    cross_codes = {w.code for w in report.variants["cross"].warnings}
    # 60,000 notional is tier 1 (max 150x); 3,000 + 375 of cross IM exceeds the 1,000 pool.
    assert {
        "leverage_above_tier_max",
        "cross_initial_margin_above_pool",
        "max_loss_above_limit",
    } <= cross_codes
    isolated_codes = {w.code for w in report.variants["isolated"].warnings}
    assert "isolated_margins_above_wallet" in isolated_codes


def test_empty_scenario_and_a_free_balance_only() -> None:
    empty = evaluate(scenario(5000, []))
    for variant in empty.variants.values():
        assert variant.positions == {}
        assert variant.account.equity == 5000
        assert variant.account.max_loss == 0
        assert variant.account.margin_ratio is None
