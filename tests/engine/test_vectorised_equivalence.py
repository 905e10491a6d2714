"""The per-symbol core (issue 16) agrees with the scalar implementation it replaced
(``tests/engine/scalar_reference``) to 1e-9 relative, figure by figure, on the venue vectors'
scenarios, the presets, books of up to 60 positions, and Hypothesis-generated mixed
scenarios with what-if moves."""

from __future__ import annotations

import math
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from marginlab.engine.files.presets import load_preset, preset_list
from marginlab.engine.margin import evaluate as evaluate_module
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.report import MAX_PRICE, Report
from marginlab.engine.margin.risk_warnings import RiskWarning, variant_warnings
from tests.engine.scalar_reference.evaluate import evaluate as scalar_evaluate
from tests.engine.scalar_reference.warnings import variant_warnings as reference_warnings
from tests.engine.test_properties import scenarios, target_prices

sys.path.insert(0, str(Path(__file__).parents[2]))
from bench.books import book

FIELDS = (
    "notional",
    "initial_margin",
    "maintenance_margin",
    "maintenance_rate",
    "liquidation_price",
    "liquidation_distance",
    "bankruptcy_price",
    "margin_ratio",
    "max_loss",
    "equity_now",
)
ACCOUNT = (
    "equity_now",
    "equity",
    "initial_margin",
    "maintenance_margin",
    "margin_ratio",
    "max_loss",
)


def close(a: object, b: object, scale: float = 1.0) -> bool:
    """Equal to 1e-9 relative; a loss (a difference of worths) to 1e-9 of the account's
    equity, ``scale``: the old search let 1e-12 of the worth go unsearched."""
    if a is None or b is None:
        return a is b
    assert isinstance(a, float | int) and isinstance(b, float | int)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9 * max(scale, 1.0))


def assert_same(new: Report, old: Report) -> None:
    for name, variant in new.variants.items():
        reference = old.variants[name]
        for pid, figures in variant.positions.items():
            was = reference.positions[pid]
            for field in FIELDS:
                before = getattr(was, field)
                if field in ("liquidation_price", "liquidation_distance") and (
                    was.liquidation_price is not None and was.liquidation_price > MAX_PRICE
                ):
                    before = None  # now "none": no price a scenario may name reaches it
                assert close(getattr(figures, field), before), (name, pid, field)
            assert figures.liquidated == was.liquidated, (name, pid)
        scale = reference.account.equity_now + reference.account.wallet_balance
        for field in ACCOUNT:
            now, was = getattr(variant.account, field), getattr(reference.account, field)
            if field == "max_loss" and now > was:
                # Where a cross pool and isolated pools share symbols, the account's search
                # looks further than the old one (max_loss.lagrangian_starts): it may find a
                # move that loses more, never less; assert_reached checks the move is real.
                continue
            assert close(now, was, scale), (name, field)
        # Where several moves tie for the lowest worth, the two searches may stop at different
        # ones: the figure must agree, and the move found must reach it.
        assert_reached(new, name)
        for symbol, risk in variant.symbol_risks.items():
            was_risk = reference.symbol_risks[symbol]
            assert close(risk.fall.loss, was_risk.fall.loss, scale), (name, symbol, "fall")
            assert close(risk.rise.loss, was_risk.rise.loss, scale), (name, symbol, "rise")
            assert risk.hedged == was_risk.hedged
        assert [e.position_ids for e in variant.events] == [
            e.position_ids for e in reference.events
        ]
        # Which warnings, in which order (their words: ``words_checked``).
        assert [(w.code, w.position_id) for w in variant.warnings] == [
            (w.code, w.position_id) for w in reference.warnings
        ]


def assert_reached(report: Report, name: str) -> None:
    """The worst move is a real move: evaluated there, the account is worth today's equity
    less the max loss (moves to 0 are not a price one can name, and are left out)."""
    account = report.variants[name].account
    prices = account.worst_move.prices
    if not prices or min(prices.values()) <= 0 or report.at:
        return
    scenario = _SCENARIOS[report.scenario_name, id(report)]
    after = evaluate(scenario, prices).variants[name].account
    assert math.isclose(
        after.equity, account.equity_now - account.max_loss, rel_tol=1e-9, abs_tol=1e-6
    ), (name, prices)


_SCENARIOS: dict[tuple[str, int], Scenario] = {}


def words_checked(*args: Any) -> tuple[RiskWarning, ...]:
    """The product's warnings, checked word for word against those the reference writes
    position by position from the same figures."""
    found = variant_warnings(*args)
    expected = reference_warnings(*args)
    assert [(w.code, w.message, w.position_id) for w in found] == [
        (w.code, w.message, w.position_id) for w in expected
    ]
    return found


def evaluated(scenario: Scenario, at: dict[str, float] | None = None) -> Report:
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(evaluate_module, "variant_warnings", words_checked)
        report = evaluate(scenario, at)
    _SCENARIOS[report.scenario_name, id(report)] = scenario
    return report


# The scalar reference prices linear contracts; coin-margined presets are checked against the
# venues' formulas in tests/engine/test_inverse.py.
LINEAR_PRESETS = [p.file for p in preset_list() if not load_preset(p.file).coin_margined]


@pytest.mark.parametrize("preset", LINEAR_PRESETS)
def test_presets(preset: str) -> None:
    scenario = load_preset(preset)
    assert_same(evaluated(scenario), scalar_evaluate(scenario))


@pytest.mark.parametrize("n", [1, 5, 20, 60])
def test_books(n: int) -> None:
    scenario = book(n)
    assert_same(evaluated(scenario), scalar_evaluate(scenario))
    at = {s: m * 0.8 for s, m in list(scenario.marks().items())[:3]}
    assert_same(evaluated(scenario, at), scalar_evaluate(scenario, at))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mixed_scenarios(data: st.DataObject) -> None:
    scenario: Scenario = data.draw(scenarios(size=6))
    # A rate like 1e-151 leaves a hedge's slope at 0 or at 1e-154 depending on the order of
    # a sum: a liquidation price of "none" or of 10^154, both beyond any price one can name.
    # A rate like 6e-8 puts a hedge's liquidation 24 million times past the mark, where the
    # scalar reference, summing the hedge's legs one by one, loses 1e-9 of the price to
    # rounding (72 in 7.2e10; the core, which cancels the legs exactly, gave the price exact
    # arithmetic gives: cash / (Q · rate)). No venue charges below
    # 1e-3, so 1e-6 still spans every rate a book can hold.
    assume(
        all(
            p.maintenance_rate in (None, 0.0) or p.maintenance_rate > 1e-6
            for p in scenario.positions
        )
    )
    at = data.draw(target_prices(scenario))
    assert_same(evaluated(scenario), scalar_evaluate(scenario))
    assert_same(evaluated(scenario, at), scalar_evaluate(scenario, at))


@pytest.mark.parametrize("n", [60, 200])
def test_a_big_books_all_symbols_sweep_is_evaluate_at_its_grid_points(n: int) -> None:
    """Issue 16: the sweep sums a book's one-leg pools as running totals along its grid; at
    every tenth point (thresholds lie between them) each variant's equity is ``evaluate``'s
    after the same move of every symbol."""
    from marginlab.engine.margin.sweep import ALL_SYMBOLS, sweep_for

    scenario = book(n)
    swept = sweep_for(scenario, ALL_SYMBOLS)
    assert swept is not None
    marks = scenario.marks()
    for i in range(0, swept.x.size, 10):
        move = float(swept.x[i]) / 100
        report = evaluate(scenario, {s: m * (1 + move) for s, m in marks.items()})
        for name, variant in report.variants.items():
            expected = variant.account.equity
            assert math.isclose(swept.equity[name][i], expected, rel_tol=1e-9, abs_tol=1e-6)
