"""The brief's example (DESIGN §6; vectors S01, S02): static figures and what-if moves."""

from __future__ import annotations

import pytest

from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin.evaluate import evaluate

ISOLATED_B = 45_180.72
CROSS_B = 25_401.61


@pytest.fixture(scope="module")
def seed():
    return load_preset("seed-example.json")


def test_static_liquidation_prices_and_loss_boundaries(seed) -> None:
    report = evaluate(seed)
    isolated, cross = report.variants["isolated"], report.variants["cross"]
    b_iso, b_cross = isolated.positions["B"], cross.positions["B"]
    assert round(b_iso.liquidation_price, 2) == ISOLATED_B
    assert round(b_iso.liquidation_distance * 100, 1) == -9.6
    assert round(b_cross.liquidation_price, 2) == CROSS_B
    assert round(b_cross.liquidation_distance * 100, 1) == -49.2
    assert b_iso.max_loss == 2_000
    assert isolated.account.max_loss == 5_000
    assert b_cross.max_loss == 10_000
    assert cross.account.max_loss == 10_000
    # The file enters both positions isolated: "as entered" is the isolated picture.
    assert report.variants["as_entered"].positions["B"] == b_iso


def test_move_through_isolated_threshold_only_closes_b(seed) -> None:
    """S01: B's isolated margin is gone; A's 3,000 and the free 5,000 are untouched."""
    report = evaluate(seed, {"BTCUSDT": 45_000})
    isolated = report.variants["isolated"]
    assert isolated.positions["B"].liquidated
    assert not isolated.positions["A"].liquidated
    assert isolated.account.equity == pytest.approx(8_000)
    assert [e.position_ids for e in isolated.events] == [("B",)]
    assert isolated.events[0].prices["BTCUSDT"] == pytest.approx(45_180.7229, abs=1e-3)
    assert isolated.events[0].lost == 2_000
    cross = report.variants["cross"]
    assert not cross.positions["B"].liquidated  # the cushion holds B
    assert cross.account.equity == pytest.approx(10_000 + 0.4 * (45_000 - 50_000))


def test_move_through_cross_threshold_takes_everything(seed) -> None:
    """S02: B drains the pool and A is closed too, although A itself did nothing wrong."""
    report = evaluate(seed, {"BTCUSDT": 25_000})
    cross = report.variants["cross"]
    assert cross.positions["A"].liquidated and cross.positions["B"].liquidated
    assert cross.account.equity == 0
    assert cross.events[0].position_ids == ("A", "B")
    assert cross.events[0].lost == 10_000
    assert report.variants["isolated"].account.equity == pytest.approx(8_000)


def test_just_above_cross_threshold_the_pool_survives(seed) -> None:
    report = evaluate(seed, {"BTCUSDT": 25_402})
    cross = report.variants["cross"]
    assert not cross.positions["A"].liquidated
    assert cross.account.equity == pytest.approx(10_000 + 0.4 * (25_402 - 50_000))


def test_a_profitable_a_is_still_closed_with_the_pool(seed) -> None:
    """ETH up, BTC down through the cross threshold at that ETH price: A goes with the pool."""
    report = evaluate(seed, {"ETHUSDT": 3_300, "BTCUSDT": 10_000})
    cross = report.variants["cross"]
    assert cross.positions["A"].liquidated
    assert cross.account.equity == 0
    assert report.variants["isolated"].account.equity == pytest.approx(10_000 - 2_000 + 10 * 300)


def test_summary_sentence(seed) -> None:
    from marginlab.engine.text.report_text import summary_lines

    line = next(s for s in summary_lines(evaluate(seed)) if s.startswith("If BTCUSDT"))
    assert "all isolated loses at most 2,000.00 USDT" in line
    assert "all cross can lose 10,000.00 USDT and also closes A" in line
