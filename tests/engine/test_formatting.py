"""Prices as people read them: enough digits for a low-priced coin, two decimals for the rest."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from marginlab.engine.text.numbers import (
    FLOAT_NOISE,
    at_least,
    at_least_text,
    at_most_text,
    compact_amount_text,
    cut_to_digits,
    number_problem,
    parse_number,
    price_text,
)


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
    from marginlab.engine.margin.evaluate import evaluate
    from marginlab.engine.margin.models import Account, Position, Scenario
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


@pytest.mark.parametrize(
    ("typed", "value"),
    [("12,500.5", 12_500.5), ("1 000", 1000.0), ("1_000", 1000.0), ("1e3", 1000.0), ("-2.5", -2.5)],
)
def test_numbers_as_traders_type_them(typed: str, value: float) -> None:
    assert parse_number(typed) == value
    assert number_problem(typed) is None


@pytest.mark.parametrize("typed", ["1,5", "1,23", "1.234,5", "12,50.0", ",5"])
def test_an_ambiguous_comma_is_refused_not_guessed(typed: str) -> None:
    assert parse_number(typed) is None
    problem = number_problem(typed)
    assert problem is not None and "ambiguous" in problem


@pytest.mark.parametrize("typed", ["", "abc", "nan", "inf", "1e999"])
def test_not_a_number(typed: str) -> None:
    assert parse_number(typed) is None


def _gbm_parameters(rates: dict[str, float]) -> dict[str, object]:
    return {
        "horizon_seconds": 86_400,
        "step_seconds": 60,
        "model": "gbm",
        "volatility_pct": rates,
        "correlation": None,
        "drift_pct": dict.fromkeys(rates, 0.0),
        "paths": 1_000,
        "seed": 0,
    }


def test_a_books_volatilities_are_said_once_when_most_share_one() -> None:
    """Up to 6 symbols each is named; beyond, the rate most share is said once (the Risk tab
    listed 50 symbols' 80 % over six lines), every other rate still named."""
    from marginlab.engine.text.risk_text import parameters_text

    two = parameters_text(_gbm_parameters({"ETHUSDT": 80.0, "BTCUSDT": 80.0}))
    assert "volatility ETHUSDT 80 %, BTCUSDT 80 % a year" in two
    fifty = {f"S{i}USDT": 80.0 for i in range(50)}
    assert "volatility 80 % a year for each of the 50 symbols;" in parameters_text(
        _gbm_parameters(fifty)
    )
    mixed = {**fifty, "S3USDT": 60.0, "S7USDT": 120.0}
    assert (
        "volatility S3USDT 60 %, S7USDT 120 %, 80 % for the other 48 symbols, a year;"
        in parameters_text(_gbm_parameters(mixed))
    )
    # Only one symbol shares the most common rate: it read "for the other 1 symbols".
    spread = {f"S{i}USDT": 10.0 + i for i in range(7)}
    said = parameters_text(_gbm_parameters(spread))
    assert "% for the other symbol, a year;" in said
    assert "other 1 symbols" not in said


def test_a_narrow_cell_shows_cents_below_100() -> None:
    """A card's max loss: whole dollars read a small position's 0.15 as "0"."""
    assert compact_amount_text(3_000) == "3,000"
    assert compact_amount_text(100) == "100"
    assert compact_amount_text(99.5) == "99.50"
    assert compact_amount_text(0.15) == "0.15"
    assert compact_amount_text(0.0) == "0.00"
    assert compact_amount_text(-42) == "-42.00"
    assert compact_amount_text(0.01, coin=True) == "0.0100"


def test_a_large_percentage_groups_its_thousands() -> None:
    """A short's cross liquidation 12 times its mark read "+1198.0 %" beside "3,050.36"."""
    from marginlab.engine.text.numbers import percent_text

    assert percent_text(11.98, signed=True) == "+1,198.0 %"
    assert percent_text(-0.096, signed=True) == "-9.6 %"


def test_a_card_writes_a_far_liquidation_in_whole_percents() -> None:
    """A card's narrow Dist. column: "+1,198.0 %" took a column's width for a decimal that
    says nothing about a move of twelve times the price."""
    from marginlab.engine.text.numbers import compact_distance_text

    assert compact_distance_text(11.98) == "+1,198 %"
    assert compact_distance_text(-0.096) == "-9.6 %"
    assert compact_distance_text(0.999) == "+99.9 %"


def test_odds_no_path_showed_say_the_bound_the_paths_leave_open() -> None:
    """The odds "P(liquidation) 0.00% ± 0.00%" read as certainty: where no path (or every path) had
    a liquidation, the one-sided 95 % Clopper–Pearson bound ``1 − 0.05^(1/n)`` is said, rounded
    away from what the paths showed. Near ``3/n`` (the rule of three)."""
    from marginlab.engine.paths.montecarlo import never_seen_bound
    from marginlab.engine.text.risk_text import odds_text

    assert never_seen_bound(1) == pytest.approx(0.95)
    assert never_seen_bound(2_000) == pytest.approx(1 - 0.05 ** (1 / 2_000), rel=1e-12)
    assert never_seen_bound(100_000) == pytest.approx(3 / 100_000, rel=2e-3)
    assert odds_text(0.0, 0.0, 2_000) == (
        "0.00% (none of 2,000 paths; below 0.15% at 95% confidence)"  # 0.1497 % up
    )
    assert odds_text(1.0, 0.0, 2_000) == (
        "100.00% (every one of 2,000 paths; above 99.85% at 95% confidence)"  # 99.8503 % down
    )
    assert odds_text(0.0, 0.0, 300) == (
        "0.00% (none of 300 paths; below 1.00% at 95% confidence)"  # 0.9936 % up
    )
    assert odds_text(0.026, 0.00356, 2_000) == "2.60% ± 0.36%"
    assert odds_text(0.026, 0.00356, 2_000, width=6) == " 2.60% ± 0.36%"


@pytest.mark.parametrize(
    ("value", "digits", "read"),
    [
        (0.50246956, 6, 0.502469),  # rounded, 0.50247: more than the largest
        (0.0109556, 6, 0.0109556),  # as it reads, though the float is 0.01095559999…
        (0.49999997, 6, 0.499999),
        (1.000940155, 8, 1.0009401),
        (123_456_789.0, 6, 123_456_000.0),
        (2.0, 8, 2.0),
        (0.0, 6, 0.0),
        (1_000 / (50_000 / 7), 8, 0.14),  # 0.13999999999999999: 0.14 in floats
        (0.1399999999, 8, 0.13999999),  # a real hair below 0.14 (7e-11) is less
    ],
)
def test_a_largest_figure_is_cut_not_rounded(value: float, digits: int, read: float) -> None:
    assert cut_to_digits(value, digits) == read


@given(st.floats(1e-12, 1e12), st.sampled_from([6, 8]))
def test_a_cut_figure_is_never_more_and_at_most_one_digit_less(value: float, digits: int) -> None:
    cut = cut_to_digits(value, digits)
    assert cut <= value * (1 + FLOAT_NOISE)  # above it by float noise alone, if at all
    assert float(f"{cut:.{digits}g}") == cut  # it reads as itself, to its digits
    assert value - cut <= 10 ** (math.floor(math.log10(value)) - digits + 2)


@pytest.mark.parametrize(
    ("value", "read"),
    [
        (12.346, "12.34"),
        (1.25, "1.25"),
        (1_000.0, "1,000.00"),
        (1.2999, "1.29"),
        (19.999999999999996, "20.00"),  # 20 in floats: not a hundredth less
        (19.9999999999, "19.99"),  # a real hair below 20 (5e-12) is less than 20
    ],
)
def test_a_highest_leverage_reads_within(value: float, read: str) -> None:
    assert at_most_text(value, 2) == read


@pytest.mark.parametrize(
    ("value", "decimals", "read"),
    [
        (1_095.454, 2, "1,095.46"),  # rounded, 1,095.45 would be less than it is
        (331.9728731, 2, "331.98"),
        (2_638.5482893, 2, "2,638.55"),  # rounding reads up already
        (95.00000000000001, 2, "95.00"),  # float noise above a cent is not a cent more
        (12.5, 2, "12.50"),
        (0.123456781, 8, "0.12345679"),
    ],
)
def test_a_least_figure_reads_at_least(value: float, decimals: int, read: str) -> None:
    assert at_least_text(value, decimals) == read
    assert at_least(value, decimals) == float(read.replace(",", ""))


def test_whole_cents_are_their_own_least() -> None:
    """Amounts of whole cents up to 100,000 (every 37th) are the least of themselves:
    ``ceil(x × 100) / 100`` read 6.6 % of them a cent up (128.05 → 128.06)."""
    assert at_least(128.05, 2) == 128.05
    for cents in range(0, 10_000_000, 37):
        amount = cents / 100
        assert at_least(amount, 2) == amount, amount


@given(st.floats(min_value=1e-6, max_value=1e9))
def test_a_least_figure_is_never_read_below_it(value: float) -> None:
    read = float(at_least_text(value, 2).replace(",", ""))
    assert read >= value * (1 - 1e-12)
    assert read - value < 0.01 + value * 1e-12
