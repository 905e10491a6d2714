"""Bundled tables: dated, sourced, continuous (the wheel: tests/packaging/test_wheel.py)."""

from __future__ import annotations

import itertools

import pytest

from marginlab.engine.margin.rules import RULE_SETS, rule_table, table_info


@pytest.mark.parametrize("rules", ["binance-usdm", "bybit-linear", "bitget-usdtm", "hyperliquid"])
def test_tier_tables_follow_the_maintenance_amount_recurrence(rules: str) -> None:
    """cum_n = floor_n·(MMR_n − MMR_{n−1}) + cum_{n−1} (Binance FAQ; Bybit margin parameters):
    MM is continuous across tiers, which the liquidation solver relies on."""
    table = rule_table(rules)
    assert table["as_of"] and table["source"]
    for symbol, tiers in table["symbols"].items():
        assert tiers[0]["floor"] == 0 and tiers[0]["amount"] == 0, symbol
        for before, tier in itertools.pairwise(tiers):
            assert tier["floor"] == before["cap"], symbol
            assert tier["rate"] > before["rate"], symbol
            assert tier["max_leverage"] <= before["max_leverage"], symbol
            expected = tier["floor"] * (tier["rate"] - before["rate"]) + before["amount"]
            assert tier["amount"] == pytest.approx(expected, abs=1e-6), (symbol, tier)


def test_every_rule_set_is_described() -> None:
    for rules in RULE_SETS:
        info = table_info(rules)
        assert info["source"]
    # Hyperliquid's 2025-09-18 meta: BTC at 40x below 150M, 20x above (margin table 56).
    btc = rule_table("hyperliquid")["symbols"]["BTC"]
    assert [(t["floor"], t["max_leverage"], t["rate"]) for t in btc] == [
        (0, 40, 1 / 80),
        (150_000_000, 20, 1 / 40),
    ]
