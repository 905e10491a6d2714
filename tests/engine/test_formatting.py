"""Prices as people read them: enough digits for a low-priced coin, two decimals for the rest."""

from __future__ import annotations

import math

import pytest

from marginlab.engine.text.numbers import price_text


@pytest.mark.parametrize(
    ("value", "shown"),
    [
        (45_180.7229, "45,180.72"),  # the brief's B, isolated
        (2_710.84, "2,710.84"),
        (120.5, "120.50"),
        (14.12345, "14.123"),
        (0.5123, "0.51230"),
        (0.081234, "0.081234"),  # was "0.08"
        (0.0000123456, "0.000012346"),  # was "0.00"
        (-0.081234, "-0.081234"),
        (0.0, "0.00"),
        (1e-20, "0.000000000000"),  # at most 12 decimals
        (1e12, "1,000,000,000,000.00"),
    ],
)
def test_price_text(value: float, shown: str) -> None:
    assert price_text(value) == shown


def test_price_text_never_raises_on_odd_floats() -> None:
    assert price_text(math.inf) == "inf"
    assert price_text(math.nan) == "nan"


def test_low_priced_coin_liquidation_reads_with_its_digits() -> None:
    from marginlab.engine.margin.models import Account, Position, Scenario
    from marginlab.engine.margin.report import evaluate
    from marginlab.engine.text.report_text import report_table

    doge = Position(
        id="D",
        symbol="DOGEUSDT",
        side="long",
        quantity=100_000,
        entry_price=0.08123,
        leverage=20,
        margin_mode="isolated",
        maintenance_rate=0.005,
    )
    scenario = Scenario(account=Account(wallet_balance=1_000), positions=(doge,))
    liquidation = evaluate(scenario).variants["isolated"].positions["D"].liquidation_price
    assert liquidation is not None and 0.07 < liquidation < 0.08123
    assert price_text(liquidation) in report_table(evaluate(scenario), scenario)
    assert len(price_text(liquidation).split(".")[1]) == 6
