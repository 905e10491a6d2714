"""Every worked venue number in ``tests/fixtures/venue_vectors.json``, within its tolerance."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from marginlab.engine.margin.report import evaluate
from tests.engine.helpers import position, scenario

VECTORS = {
    v["id"]: v
    for v in json.loads((Path(__file__).parents[1] / "fixtures" / "venue_vectors.json").read_text())
}


def close(
    actual: float | None,
    vector: dict[str, Any],
    key: str = "liquidation_price",
    tol_key: str = "abs",
) -> None:
    expected = vector["expected"][key]
    tolerance = vector["tolerance"]
    assert actual is not None, f"{vector['id']}: no {key}"
    if tol_key in tolerance and tol_key != "rel":
        assert actual == pytest.approx(expected, abs=tolerance[tol_key]), vector["id"]
    else:
        assert actual == pytest.approx(expected, rel=tolerance["rel"]), vector["id"]


@pytest.mark.parametrize("vid", ["V03-binance-calc-cross-eth", "V04-binance-calc-cross-btc"])
def test_binance_calculator_cross(vid: str) -> None:
    vector = VECTORS[vid]
    inputs = vector["inputs"]
    legs = [
        position(
            p["symbol"],
            p["symbol"],
            p["side"],
            p["qty"],
            p["entry_price"],
            mode="cross",
            mark_price=p["mark_price"],
            maintenance_rate=p["mmr"],
            maintenance_amount=p["maint_amount"],
        )
        for p in inputs["positions"]
    ]
    report = evaluate(scenario(inputs["wallet_balance"], legs))
    close(report.variants["as_entered"].positions[inputs["target"]].liquidation_price, vector)


@pytest.mark.parametrize("vid", ["V05-binance-calc-isolated-eth", "V06-binance-calc-isolated-btc"])
def test_binance_calculator_isolated(vid: str) -> None:
    vector = VECTORS[vid]
    i = vector["inputs"]
    wallet = i["isolated_wallet_balance"]
    leg = position(
        "X",
        "BTCUSDT",
        i["side"],
        i["qty"],
        i["entry_price"],
        margin=wallet,
        maintenance_rate=i["mmr"],
        maintenance_amount=i["maint_amount"],
    )
    report = evaluate(scenario(wallet, [leg]))
    close(report.variants["isolated"].positions["X"].liquidation_price, vector)


def test_binance_academy_cross_single() -> None:
    vector = VECTORS["V07-binance-academy-cross-single"]
    i = vector["inputs"]
    leg = position(
        "X", "BTCUSDT", i["side"], i["qty"], i["entry_price"], mode="cross", leverage=i["leverage"]
    )
    report = evaluate(scenario(i["wallet_balance"], [leg]))  # tier 1 from the bundled table
    close(report.variants["cross"].positions["X"].liquidation_price, vector)


# freqtrade's other parametrised cases of the same test (listed in the vectors' notes).
FREQTRADE_CASES = [
    ("V09-freqtrade-binance-isolated-long", 10.0, 1.0, 5, None),
    ("V09-freqtrade-binance-isolated-long", 10.0, 1.0, 3, 6.723905723905723),
    ("V09-freqtrade-binance-isolated-long", 8.0, 1.0, 5, 6.454545454545454),
    ("V09-freqtrade-binance-isolated-long", 10.0, 0.6, 5, 8.063973063973064),
    ("V10-freqtrade-binance-isolated-short", 10.0, 1.0, 5, None),
    ("V10-freqtrade-binance-isolated-short", 10.0, 1.0, 3, 13.211221122079207),
    ("V10-freqtrade-binance-isolated-short", 8.0, 1.0, 5, 9.514851485148514),
    ("V10-freqtrade-binance-isolated-short", 10.0, 0.6, 5, 11.897689768976898),
]


@pytest.mark.parametrize(("vid", "entry", "qty", "leverage", "expected"), FREQTRADE_CASES)
def test_freqtrade_synthetic_isolated(
    vid: str, entry: float, qty: float, leverage: float, expected: float | None
) -> None:
    vector = VECTORS[vid]
    i = vector["inputs"]
    leg = position(
        "X",
        "XYZ",
        i["side"],
        qty,
        entry,
        leverage=leverage,
        maintenance_rate=i["mmr"],
        maintenance_amount=i["maint_amount"],
    )
    report = evaluate(scenario(100.0, [leg], rules="generic"))
    actual = report.variants["isolated"].positions["X"].liquidation_price
    if expected is None:
        close(actual, vector, tol_key="rel")
    else:
        assert actual == pytest.approx(expected, rel=1e-9)


@pytest.mark.parametrize(
    ("vid", "extra"),
    [
        ("V11-bybit-usdt-isolated-long", 0),
        ("V12-bybit-usdt-isolated-short-extra-margin", 3000),
        ("V13-bybit-usdt-isolated-long-funding-deducted", -200),
    ],
)
def test_bybit_isolated_uses_entry_value_tiers(vid: str, extra: float) -> None:
    vector = VECTORS[vid]
    i = vector["inputs"]
    margin = i["qty"] * i["entry_price"] / i["leverage"] + extra
    leg = position(
        "X",
        "BTCUSDT",
        i["side"],
        i["qty"],
        i["entry_price"],
        leverage=i["leverage"],
        margin=margin,
        mark_price=i["entry_price"] * 0.97,
    )
    report = evaluate(scenario(10_000, [leg], rules="bybit-linear"))
    figures = report.variants["isolated"].positions["X"]
    close(figures.liquidation_price, vector)
    if "maintenance_margin" in vector["expected"]:
        # Bybit measures MM on entry value: the mark (3 % below entry here) plays no part.
        close(figures.maintenance_margin, vector, "maintenance_margin")
        close(figures.initial_margin, vector, "initial_margin")


def test_dydx_isolated_short() -> None:
    vector = VECTORS["V15-dydx-isolated-short"]
    i = vector["inputs"]
    leg = position(
        "X",
        "ETH-USD",
        "short",
        abs(i["size"]),
        i["entry_price"],
        margin=i["equity"],
        maintenance_rate=i["mmf"],
    )
    report = evaluate(scenario(i["equity"], [leg], rules="generic"))
    liq = report.variants["isolated"].positions["X"].liquidation_price
    close(liq, vector)
    assert liq is not None
    # At the trigger equity equals MM: just short of it the position survives, at it, it does not.
    below = evaluate(scenario(i["equity"], [leg], rules="generic"), {"ETH-USD": liq - 0.01})
    at = evaluate(scenario(i["equity"], [leg], rules="generic"), {"ETH-USD": liq + 1e-9})
    assert below.variants["isolated"].account.equity == pytest.approx(
        vector["expected"]["equity_at_liquidation"], abs=vector["tolerance"]["equity_abs"]
    )
    assert at.variants["isolated"].positions["X"].liquidated


def test_hyperliquid_docs_example() -> None:
    vector = VECTORS["V17-hyperliquid-docs-isolated-eth-long"]
    i = vector["inputs"]
    margin = i["margin_used"] - i["unrealized_pnl"]  # marginUsed already holds the UPNL
    leg = position(
        "X",
        "ETH",
        i["side"],
        i["szi"],
        i["entry_price"],
        leverage=i["leverage"],
        margin=margin,
        mark_price=i["mark_price_implied"],
    )
    report = evaluate(scenario(100, [leg], rules="hyperliquid"))
    close(report.variants["isolated"].positions["X"].liquidation_price, vector)


@pytest.mark.parametrize(
    "vid", ["V18-hyperliquid-real-eth-long-2x", "V19-hyperliquid-real-btc-long-2x"]
)
def test_hyperliquid_real_positions(vid: str) -> None:
    vector = VECTORS[vid]
    i = vector["inputs"]
    margin = i["isolated_margin"]
    leg = position(
        "X",
        i["coin"],
        i["side"],
        i["size"],
        i["entry_price"],
        leverage=i["leverage"],
        margin=margin,
    )
    isolated = evaluate(scenario(margin, [leg], rules="hyperliquid")).variants
    close(isolated["isolated"].positions["X"].liquidation_price, vector, tol_key="rel")
    # freqtrade's same test: cross with wallet = collateral gives the same price ...
    close(isolated["cross"].positions["X"].liquidation_price, vector, tol_key="rel")
    # ... and a wallet twice as large moves it further from entry.
    richer = evaluate(scenario(2 * margin, [leg], rules="hyperliquid")).variants["cross"]
    richer_liq = richer.positions["X"].liquidation_price
    assert richer_liq is not None
    assert richer_liq < vector["expected"]["liquidation_price"]


def test_bitmex_cross_example_with_entry_value_maintenance() -> None:
    vector = VECTORS["V24-bitmex-cross-ethusdt-long"]
    i = vector["inputs"]
    # BitMEX, like Bybit, measures MM on entry value: the bybit-linear rule set with the
    # example's own 1 % rate reproduces it.
    leg = position(
        "X",
        "ETHUSDT",
        i["side"],
        i["qty_eth"],
        i["entry_price"],
        mode="cross",
        leverage=i["leverage"],
        maintenance_rate=i["maint_margin_rate"],
    )
    figures = evaluate(scenario(i["wallet_balance"], [leg], rules="bybit-linear"))
    x = figures.variants["as_entered"].positions["X"]
    close(x.liquidation_price, vector)
    close(x.bankruptcy_price, vector, "bankruptcy_price")
    close(x.initial_margin, vector, "initial_margin")
    close(x.maintenance_margin, vector, "maintenance_margin")


def test_every_vector_is_covered() -> None:
    covered = {
        "V03-binance-calc-cross-eth",
        "V04-binance-calc-cross-btc",
        "V05-binance-calc-isolated-eth",
        "V06-binance-calc-isolated-btc",
        "V07-binance-academy-cross-single",
        "V09-freqtrade-binance-isolated-long",
        "V10-freqtrade-binance-isolated-short",
        "V11-bybit-usdt-isolated-long",
        "V12-bybit-usdt-isolated-short-extra-margin",
        "V13-bybit-usdt-isolated-long-funding-deducted",
        "V15-dydx-isolated-short",
        "V17-hyperliquid-docs-isolated-eth-long",
        "V18-hyperliquid-real-eth-long-2x",
        "V19-hyperliquid-real-btc-long-2x",
        "V24-bitmex-cross-ethusdt-long",
        "S01-seed-isolated",
        "S02-seed-cross",  # tests/engine/test_seed_example.py
    }
    assert set(VECTORS) == covered
