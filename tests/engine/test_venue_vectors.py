"""Every worked venue number in ``tests/fixtures/venue_vectors.json``, within its tolerance.

The vectors are parametrised over the fixture file, one adapter per input shape: a vector
whose shape has no adapter fails, so no vector can go untested. Each adapter gives the
engine's figures and, where the venue publishes one, its closed form
(``engine.margin.venue_formulas``): both must match the venue's own number.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin import venue_formulas as venue
from marginlab.engine.margin.evaluate import evaluate
from tests.engine.helpers import position, scenario

ALL = json.loads((Path(__file__).parents[1] / "fixtures" / "venue_vectors.json").read_text())
VECTORS = {v["id"]: v for v in ALL}
SIDE = {"long": 1, "short": -1}
Figures = dict[str, Any]


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


def _binance_cross(i: dict[str, Any]) -> tuple[Figures, Figures]:
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
        for p in i["positions"]
    ]
    report = evaluate(scenario(i["wallet_balance"], legs))
    target = next(p for p in i["positions"] if p["symbol"] == i["target"])
    oracle = venue.binance_usdm_liquidation_price(
        i["wallet_balance"],
        SIDE[target["side"]],
        target["qty"],
        target["entry_price"],
        target["mmr"],
        target["maint_amount"],
        i["TMM1"],
        i["UPNL1"],
    )
    figures = report.variants["as_entered"].positions[i["target"]]
    return {"liquidation_price": figures.liquidation_price}, {"liquidation_price": oracle}


def _binance_isolated(i: dict[str, Any]) -> tuple[Figures, Figures]:
    wallet = i["isolated_wallet_balance"]
    leg = position(
        "X",
        "XYZ",
        i["side"],
        i["qty"],
        i["entry_price"],
        margin=wallet,
        maintenance_rate=i["mmr"],
        maintenance_amount=i["maint_amount"],
    )
    report = evaluate(scenario(wallet, [leg], rules="generic"))
    oracle = venue.binance_usdm_liquidation_price(
        wallet, SIDE[i["side"]], i["qty"], i["entry_price"], i["mmr"], i["maint_amount"]
    )
    figures = report.variants["isolated"].positions["X"]
    return {"liquidation_price": figures.liquidation_price}, {"liquidation_price": oracle}


def _binance_cross_single(i: dict[str, Any]) -> tuple[Figures, Figures]:
    assert not i["other_positions"]
    leg = position(
        "X", "BTCUSDT", i["side"], i["qty"], i["entry_price"], mode="cross", leverage=i["leverage"]
    )
    report = evaluate(scenario(i["wallet_balance"], [leg]))  # tier 1 from the bundled table
    oracle = venue.binance_usdm_liquidation_price(
        i["wallet_balance"],
        SIDE[i["side"]],
        i["qty"],
        i["entry_price"],
        i["mmr"],
        i["maint_amount"],
    )
    figures = report.variants["cross"].positions["X"]
    return {"liquidation_price": figures.liquidation_price}, {"liquidation_price": oracle}


def _bybit_isolated(i: dict[str, Any]) -> tuple[Figures, Figures]:
    margin = i["qty"] * i["entry_price"] / i["leverage"] + i["extra_margin"]
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
    oracle = venue.bybit_usdt_isolated_liquidation_price(
        SIDE[i["side"]],
        i["qty"],
        i["entry_price"],
        i["leverage"],
        i["mmr"],
        i["mm_deduction"],
        i["extra_margin"],
    )
    engine = {
        "liquidation_price": figures.liquidation_price,
        # Bybit measures MM on entry value: the mark (3 % below entry here) plays no part.
        "maintenance_margin": figures.maintenance_margin,
        "initial_margin": figures.initial_margin,
    }
    return engine, {"liquidation_price": oracle}


def _dydx_leg(i: dict[str, Any]) -> dict[str, Any]:
    return position(
        "X",
        "ETH-USD",
        "short" if i["size"] < 0 else "long",
        abs(i["size"]),
        i["entry_price"],
        margin=i["equity"],
        maintenance_rate=i["mmf"],
    )


def _dydx_isolated(i: dict[str, Any]) -> tuple[Figures, Figures]:
    leg = _dydx_leg(i)
    report = evaluate(scenario(i["equity"], [leg], rules="generic"))
    liq = report.variants["isolated"].positions["X"].liquidation_price
    oracle = venue.dydx_liquidation_price(i["equity"], i["size"], i["entry_price"], i["mmf"])
    engine: Figures = {"liquidation_price": liq}
    if liq is not None:
        # Just short of the trigger the position survives with this equity.
        below = evaluate(scenario(i["equity"], [leg], rules="generic"), {"ETH-USD": liq - 0.01})
        engine["equity_at_liquidation"] = below.variants["isolated"].account.equity
    return engine, {"liquidation_price": oracle}


def _hyperliquid_docs(i: dict[str, Any]) -> tuple[Figures, Figures]:
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
        # The example's own max leverage (50x then), not today's table.
        maintenance_rate=1 / (2 * i["max_leverage"]),
    )
    report = evaluate(scenario(100, [leg], rules="hyperliquid"))
    price = i["mark_price_implied"]
    maintenance = i["szi"] * price / (2 * i["max_leverage"])
    available = i["margin_used"] - maintenance
    oracle = venue.hyperliquid_liquidation_price(
        SIDE[i["side"]], price, i["szi"], available, i["max_leverage"]
    )
    figures = report.variants["isolated"].positions["X"]
    return {"liquidation_price": figures.liquidation_price}, {"liquidation_price": oracle}


def _hyperliquid_real_leg(i: dict[str, Any]) -> dict[str, Any]:
    return position(
        "X",
        i["coin"],
        i["side"],
        i["size"],
        i["entry_price"],
        leverage=i["leverage"],
        margin=i["isolated_margin"],
        maintenance_rate=1 / (2 * i["max_leverage"]),  # 2024's 50x, not today's table
    )


def _hyperliquid_real(i: dict[str, Any]) -> tuple[Figures, Figures]:
    margin = i["isolated_margin"]
    leg = _hyperliquid_real_leg(i)
    report = evaluate(scenario(margin, [leg], rules="hyperliquid"))
    maintenance = i["size"] * i["entry_price"] / (2 * i["max_leverage"])
    oracle = venue.hyperliquid_liquidation_price(
        SIDE[i["side"]], i["entry_price"], i["size"], margin - maintenance, i["max_leverage"]
    )
    figures = report.variants["isolated"].positions["X"]
    return {"liquidation_price": figures.liquidation_price}, {"liquidation_price": oracle}


def _bitmex_cross(i: dict[str, Any]) -> tuple[Figures, Figures]:
    assert not i["other_positions"]
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
    report = evaluate(scenario(i["wallet_balance"], [leg], rules="bybit-linear"))
    x = report.variants["as_entered"].positions["X"]
    maintenance = i["qty_eth"] * i["entry_price"] * i["maint_margin_rate"]
    engine = {
        "liquidation_price": x.liquidation_price,
        "bankruptcy_price": x.bankruptcy_price,
        "initial_margin": x.initial_margin,
        "maintenance_margin": x.maintenance_margin,
        "available_balance_after_open": i["wallet_balance"] - x.initial_margin,
    }
    oracle = {
        "liquidation_price": venue.bitmex_cross_liquidation_price(
            i["wallet_balance"], SIDE[i["side"]], i["qty_eth"], i["entry_price"], maintenance
        ),
        "bankruptcy_price": venue.bitmex_cross_liquidation_price(
            i["wallet_balance"], SIDE[i["side"]], i["qty_eth"], i["entry_price"], 0.0
        ),
    }
    return engine, oracle


def _seed(i: dict[str, Any]) -> tuple[Figures, Figures]:
    """The brief's example (preset "seed example"): BTC through each variant's threshold."""
    seed = load_preset("seed-example.json")
    assert seed.account.wallet_balance == i["account_equity"]
    if "margin" in i["positions"][0]:  # S01: the isolated story
        isolated = evaluate(seed, {"BTCUSDT": 45_000}).variants["isolated"]
        engine = {
            "B_loss": isolated.events[0].lost,
            "account_after_B_liquidation": isolated.account.equity,
            "A_force_closed": isolated.positions["A"].liquidated,
        }
    else:  # S02: the cross story
        cross = evaluate(seed, {"BTCUSDT": 25_000}).variants["cross"]
        engine = {
            "B_loss_can_exceed": cross.events[0].lost,
            "account_can_reach": cross.account.equity,
            "A_force_closed": cross.positions["A"].liquidated,
        }
    return engine, {}


ADAPTERS: dict[frozenset[str], Callable[[dict[str, Any]], tuple[Figures, Figures]]] = {
    frozenset(["TMM1", "UPNL1", "positions", "target", "wallet_balance"]): _binance_cross,
    frozenset(
        ["entry_price", "isolated_wallet_balance", "maint_amount", "mmr", "qty", "side"]
    ): _binance_isolated,
    frozenset(
        [
            "entry_price",
            "isolated_wallet_balance",
            "leverage",
            "maint_amount",
            "mmr",
            "qty",
            "side",
        ]
    ): _binance_isolated,
    frozenset(
        [
            "entry_price",
            "leverage",
            "maint_amount",
            "mmr",
            "notional_at_entry",
            "other_positions",
            "qty",
            "side",
            "wallet_balance",
        ]
    ): _binance_cross_single,
    frozenset(
        ["entry_price", "extra_margin", "leverage", "mm_deduction", "mmr", "qty", "side"]
    ): _bybit_isolated,
    frozenset(["entry_price", "equity", "mmf", "size"]): _dydx_isolated,
    frozenset(
        [
            "entry_price",
            "leverage",
            "margin_used",
            "mark_price_implied",
            "max_leverage",
            "position_value",
            "rawUsd",
            "side",
            "szi",
            "unrealized_pnl",
        ]
    ): _hyperliquid_docs,
    frozenset(
        ["coin", "entry_price", "isolated_margin", "leverage", "max_leverage", "side", "size"]
    ): _hyperliquid_real,
    frozenset(
        [
            "entry_price",
            "initial_margin_rate",
            "leverage",
            "maint_margin_rate",
            "other_positions",
            "qty_eth",
            "side",
            "wallet_balance",
        ]
    ): _bitmex_cross,
    frozenset(["account_equity", "positions", "scenario"]): _seed,
}


@pytest.mark.parametrize("vector", ALL, ids=[v["id"] for v in ALL])
def test_vector(vector: dict[str, Any]) -> None:
    shape = frozenset(vector["inputs"])
    assert shape in ADAPTERS, f"{vector['id']}: no adapter for inputs {sorted(shape)}"
    engine, oracle = ADAPTERS[shape](vector["inputs"])
    tol_key = "rel" if "rel" in vector["tolerance"] else "abs"
    for key, expected in vector["expected"].items():
        if key == "liquidation_condition":
            continue  # prose; tests/engine/test_seed_example.py checks it as numbers
        assert key in engine, f"{vector['id']}: the adapter gives no {key}"
        if isinstance(expected, bool):
            assert engine[key] is expected, (vector["id"], key)
        elif key == "B_loss_can_exceed":
            assert engine[key] > expected, vector["id"]
        elif key == "equity_at_liquidation":
            close(engine[key], vector, key, "equity_abs")
        else:
            close(engine[key], vector, key, tol_key)
        if key in oracle:  # the venue's own closed form agrees with its number
            close(oracle[key], vector, key, tol_key)


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


def test_dydx_isolated_short() -> None:
    vector = VECTORS["V15-dydx-isolated-short"]
    i = vector["inputs"]
    leg = _dydx_leg(i)
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


@pytest.mark.parametrize(
    "vid", ["V18-hyperliquid-real-eth-long-2x", "V19-hyperliquid-real-btc-long-2x"]
)
def test_hyperliquid_real_positions(vid: str) -> None:
    vector = VECTORS[vid]
    i = vector["inputs"]
    margin = i["isolated_margin"]
    leg = _hyperliquid_real_leg(i)
    isolated = evaluate(scenario(margin, [leg], rules="hyperliquid")).variants
    close(isolated["isolated"].positions["X"].liquidation_price, vector, tol_key="rel")
    # freqtrade's same test: cross with wallet = collateral gives the same price ...
    close(isolated["cross"].positions["X"].liquidation_price, vector, tol_key="rel")
    # ... and a wallet twice as large moves it further from entry.
    richer = evaluate(scenario(2 * margin, [leg], rules="hyperliquid")).variants["cross"]
    richer_liq = richer.positions["X"].liquidation_price
    assert richer_liq is not None
    assert richer_liq < vector["expected"]["liquidation_price"]
