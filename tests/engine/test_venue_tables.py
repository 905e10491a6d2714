"""The bundled venue tables (issue 14): converted from the venues' own answers, dated, and
covering every USDT perpetual of the snapshots. Expected rows are read off the venues' raw
answers by hand (shared/reference/venue-data), not from the converter."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from marginlab.engine.files import venue_tables
from marginlab.engine.files.presets import load_preset
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.rules import (
    covering_rules,
    rule_table,
    schedule_for,
    stale_table_warning,
)
from tests.engine.helpers import position, scenario

ROOT = Path(__file__).parents[2]
VENUE_DATA = ROOT.parent / "shared" / "reference" / "venue-data"


def test_binance_rows_keep_the_venue_cum() -> None:
    """BTCUSDT bracket 2 of 2026-07-02: notional 300,000-800,000, 0.5 %, cum 300, 100x."""
    assert rule_table("binance-usdm")["as_of"] == "2026-07-02"
    tier = rule_table("binance-usdm")["symbols"]["BTCUSDT"][1]
    assert tier == {
        "floor": 300_000,
        "cap": 800_000,
        "rate": 0.005,
        "amount": 300,
        "max_leverage": 100,
    }


def test_bybit_rows_take_the_floor_from_the_tier_before() -> None:
    """BTCUSDT tier 2 of 2024-12-25: riskLimitValue 2,600,000, MM 0.56 %, deduction 1,200."""
    tiers = rule_table("bybit-linear")["symbols"]["BTCUSDT"]
    assert tiers[0] == {
        "floor": 0,
        "cap": 2_000_000,
        "rate": 0.005,
        "amount": 0,
        "max_leverage": 100,
    }
    assert tiers[1] == {
        "floor": 2_000_000,
        "cap": 2_600_000,
        "rate": 0.0056,
        "amount": 1200,
        "max_leverage": 90,
    }


def test_bitget_amounts_charge_each_portion_at_its_tier() -> None:
    """Bitget's tiered method: 330,000 of BTC = 150,000 × (0.40 % + 0.06 %) + 180,000 ×
    (0.50 % + 0.06 %) with the 2025-04-04 tier bounds."""
    leg = position("X", "BTCUSDT", "long", 3, 110_000, mode="cross")
    s = scenario(100_000, [leg], rules="bitget-usdtm")
    mm = evaluate(s).variants["cross"].positions["X"].maintenance_margin
    assert mm == pytest.approx(150_000 * 0.0046 + 180_000 * 0.0056)


def test_hyperliquid_tiers_follow_the_docs_margin_tables() -> None:
    """ETH (table 55): 25x to 100M, 15x above; ATOM (flat, table 5): 5x."""
    eth = rule_table("hyperliquid")["symbols"]["ETH"]
    assert [(t["floor"], t["max_leverage"]) for t in eth] == [(0, 25), (100_000_000, 15)]
    assert eth[1]["amount"] == pytest.approx(100_000_000 * (1 / 30 - 1 / 50))
    assert rule_table("hyperliquid")["symbols"]["ATOM"][0]["rate"] == pytest.approx(0.1)


@pytest.mark.parametrize(
    ("rules", "file", "wrapped"),
    [
        ("binance-usdm", "binance-usdm-leverage-brackets-2026-07-02.json", False),
        ("bybit-linear", "bybit-linear-leverage-tiers-2024-12-25.json", True),
        ("bitget-usdtm", "bitget-usdtm-leverage-tiers-2025-04-04.json", True),
    ],
)
def test_every_usdt_perpetual_of_the_snapshot_can_be_entered(
    rules: str, file: str, wrapped: bool
) -> None:
    source = VENUE_DATA / file
    if not source.exists():
        pytest.skip("shared/reference/venue-data is not beside this checkout")
    raw = json.loads(source.read_text())
    data = raw["data"] if wrapped else raw
    perpetuals = {
        (rows[0]["info"].get("symbol") if rules == "bybit-linear" else None)
        or k.split("/")[0] + "USDT"
        for k, rows in data.items()
        if k.endswith(":USDT") and rows
    }
    assert perpetuals and perpetuals <= set(rule_table(rules)["symbols"])
    for symbol in sorted(perpetuals)[:: max(1, len(perpetuals) // 40)]:  # enter a sample
        s = scenario(10_000, [position("X", symbol, "long", 1, 1.0)], rules=rules)
        assert evaluate(s).variants["isolated"].positions["X"].maintenance_margin >= 0


def test_the_converter_gives_the_bundled_tables_again() -> None:
    """Re-runnable: the script over the snapshots reproduces resources/rules byte for byte."""
    if not VENUE_DATA.exists():
        pytest.skip("shared/reference/venue-data is not beside this checkout")
    import importlib.util

    spec = importlib.util.spec_from_file_location(
        "convert", ROOT / "packaging" / "convert_venue_tables.py"
    )
    assert spec is not None and spec.loader is not None
    convert = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(convert)
    for rules in convert.TABLES:
        bundled = json.loads((ROOT / "resources" / "rules" / f"{rules}.json").read_text())
        assert convert.convert(VENUE_DATA, rules) == bundled, rules


def test_a_symbol_no_table_covers_says_which_venues_do() -> None:
    assert covering_rules("SOLUSDT") == ["binance-usdm", "bitget-usdtm", "hyperliquid"]
    with pytest.raises(ValueError, match="covered by Binance USDⓈ-M, Bitget USDT-M, Hyperliquid"):
        scenario(10_000, [position("X", "SOLUSDT", "long", 1, 150.0)], rules="bybit-linear")


def test_old_tables_are_flagged() -> None:
    assert stale_table_warning("binance-usdm", date(2026, 11, 28)) is None
    warning = stale_table_warning("bybit-linear", date(2026, 11, 28))
    assert warning is not None and "2024-12-25, 23 months ago" in warning
    assert stale_table_warning("generic", date(2026, 11, 28)) is None


def test_the_brief_example_is_unchanged_by_the_new_tables() -> None:
    report = evaluate(load_preset("seed-example.json"))
    assert round(report.variants["isolated"].positions["B"].liquidation_price, 2) == 45_180.72
    assert round(report.variants["cross"].positions["B"].liquidation_price, 2) == 25_401.61
    assert (
        schedule_for("binance-usdm", load_preset("seed-example.json").positions[0]).rates[0]
        == 0.004
    )


def test_with_amounts_follows_the_recurrence() -> None:
    tiers = venue_tables.with_amounts([(0, 10, 0.01, 50), (10, 20, 0.02, 25), (20, 30, 0.05, 10)])
    assert [t["amount"] for t in tiers] == pytest.approx([0, 10 * 0.01, 0.1 + 20 * 0.03])


@pytest.mark.parametrize("rules", ["binance-usdm", "bybit-linear", "bitget-usdtm", "hyperliquid"])
def test_a_bundled_table_read_symbol_by_symbol_is_the_whole_file(rules: str) -> None:
    """The window reads a bundled table's symbols as unparsed lines (start-up): every name,
    non-ASCII ones (币安人生USDT) included, and every symbol's tiers are the file's own."""
    from importlib import resources

    from marginlab.engine.margin.rules import _read_table

    text = resources.files("marginlab.resources.rules").joinpath(f"{rules}.json").read_text()
    whole = json.loads(text)["symbols"]
    lines = _read_table(text)["symbols"]
    assert list(lines) == list(whole)
    assert {symbol: json.loads(tiers) for symbol, tiers in lines.items()} == whole
