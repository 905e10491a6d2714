"""The per-symbol core (issue 16) agrees with the scalar implementation it replaced
(``tests/engine/scalar_reference``) to 1e-9 relative, figure by figure, on the venue vectors'
scenarios, the presets, books of up to 60 positions, and Hypothesis-generated mixed
scenarios with what-if moves."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marginlab.engine.files.presets import load_preset, preset_list
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.report import Report
from tests.engine.scalar_reference.evaluate import evaluate as scalar_evaluate
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


def close(a: object, b: object) -> bool:
    if a is None or b is None:
        return a is b
    assert isinstance(a, float | int) and isinstance(b, float | int)
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-9)


def assert_same(new: Report, old: Report) -> None:
    for name, variant in new.variants.items():
        reference = old.variants[name]
        for pid, figures in variant.positions.items():
            was = reference.positions[pid]
            for field in FIELDS:
                assert close(getattr(figures, field), getattr(was, field)), (name, pid, field)
            assert figures.liquidated == was.liquidated, (name, pid)
        for field in ACCOUNT:
            assert close(getattr(variant.account, field), getattr(reference.account, field)), (
                name,
                field,
            )
        assert set(variant.account.worst_move.liquidated) == set(
            reference.account.worst_move.liquidated
        )
        for symbol, risk in variant.symbol_risks.items():
            was_risk = reference.symbol_risks[symbol]
            assert close(risk.fall.loss, was_risk.fall.loss), (name, symbol, "fall")
            assert close(risk.rise.loss, was_risk.rise.loss), (name, symbol, "rise")
            assert risk.hedged == was_risk.hedged
        assert [e.position_ids for e in variant.events] == [
            e.position_ids for e in reference.events
        ]
        assert [w.code for w in variant.warnings] == [w.code for w in reference.warnings]


@pytest.mark.parametrize("preset", [p.file for p in preset_list()])
def test_presets(preset: str) -> None:
    scenario = load_preset(preset)
    assert_same(evaluate(scenario), scalar_evaluate(scenario))


@pytest.mark.parametrize("n", [1, 5, 20, 60])
def test_books(n: int) -> None:
    scenario = book(n)
    assert_same(evaluate(scenario), scalar_evaluate(scenario))
    at = {s: m * 0.8 for s, m in list(scenario.marks().items())[:3]}
    assert_same(evaluate(scenario, at), scalar_evaluate(scenario, at))


@settings(max_examples=150, deadline=None)
@given(st.data())
def test_mixed_scenarios(data: st.DataObject) -> None:
    scenario: Scenario = data.draw(scenarios(size=6))
    at = data.draw(target_prices(scenario))
    assert_same(evaluate(scenario), scalar_evaluate(scenario))
    assert_same(evaluate(scenario, at), scalar_evaluate(scenario, at))
