"""An edit reuses what it leaves alone (issue 16): an isolated position's pool, its figures
and its thresholds are kept while nothing that decides them changes. Whatever was kept, the
report after an edit is the report a fresh start gives, figure for figure; and the one-symbol
pools' worth as columns (``slices.AlonePools``) is the worth pool by pool, to the last bit."""

from __future__ import annotations

import gc
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from marginlab.engine.margin.evaluate import clear_headline_cache, evaluate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANTS, build_pools
from marginlab.engine.margin.report import MAX_PRICE, Report
from marginlab.engine.margin.slices import AlonePools, Slice
from marginlab.engine.margin.sweep import ALL_SYMBOLS, SweepResult, sweep_for
from tests.engine.test_properties import scenarios

sys.path.insert(0, str(Path(__file__).parents[2]))
from bench.books import book_document


def fresh(scenario: Scenario) -> Report:
    clear_headline_cache()
    return evaluate(scenario)


def test_an_evaluation_leaves_nothing_to_the_cyclic_collector() -> None:
    """What an evaluation finds (the book's columns, each symbol's isolated pools as rows,
    their arrays) is freed as soon as the caches let go of it: none of it waits in a
    reference cycle for Python's cyclic collector (before round 28, 40 keystrokes in a book
    of 20 positions left it 26,964 objects, the book's columns among them)."""
    scenarios = [Scenario.model_validate(book_document(n)) for n in (5, 60)]
    gc.collect()
    enabled = gc.isenabled()
    gc.disable()
    try:
        for scenario in scenarios:
            fresh(scenario)  # every cache cleared first, then filled again
        clear_headline_cache()
        gc.set_debug(gc.DEBUG_SAVEALL)  # what the collector finds unreachable, kept to name
        gc.collect()
        left = sorted({type(found).__qualname__ for found in gc.garbage})
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if enabled:
            gc.enable()
    assert left == []


def edited(document: dict[str, Any], index: int, **change: Any) -> Scenario:
    positions = [dict(p) for p in document["positions"]]
    positions[index].update(change)
    return Scenario.model_validate({**document, "positions": positions})


@pytest.mark.parametrize(
    "change",
    [
        {"quantity": 3.5},
        {"entry_price": 1.7},
        {"margin": 50.0},
        {"leverage": 7},
        {"maintenance_rate": 0.2},
        {"venue_liquidation_price": 1.2},
        {"side": "long"},
        {"margin_mode": "cross"},
    ],
    ids=lambda change: next(iter(change)),
)
def test_after_an_edit_every_figure_is_the_fresh_one(change: dict[str, Any]) -> None:
    document = book_document(60)
    before = Scenario.model_validate(document)
    evaluate(before)  # the pools, figures and thresholds an edit may reuse
    after = edited(document, 0, **change)
    kept = evaluate(after)
    assert kept == fresh(after)
    assert kept != fresh(before)


def test_an_unchanged_isolated_position_keeps_its_pool_and_an_edited_one_does_not() -> None:
    document = book_document(6)
    before = Scenario.model_validate(document)
    pools_before = {p.name: p for p in build_pools(before, "as_entered")}
    after = edited(document, 0, quantity=document["positions"][0]["quantity"] * 2)
    pools_after = {p.name: p for p in build_pools(after, "as_entered")}
    assert pools_after["isolated P1"] is not pools_before["isolated P1"]
    assert pools_after["isolated P3"] is pools_before["isolated P3"]
    assert pools_after["isolated P5"] is pools_before["isolated P5"]
    assert (
        pools_after["isolated P3"]
        is {p.name: p for p in build_pools(after, "isolated")}["isolated P3"]
    )


@settings(max_examples=60, deadline=None)
@given(scenarios(mode="isolated", size=6), st.lists(st.floats(0.0, 3.0), min_size=1, max_size=40))
def test_one_symbol_pools_as_columns_add_up_as_pool_by_pool(
    scenario: Scenario, factors: list[float]
) -> None:
    marks = scenario.marks()
    for variant in VARIANTS:
        pools = [p for p in build_pools(scenario, variant) if len(p.parts) == 1]
        for symbol, mark in marks.items():
            held = tuple(p for p in pools if symbol in p.parts)
            xs = np.array([mark * f for f in factors] + [0.0, MAX_PRICE])
            columns = np.full(xs.shape, 12.5)
            AlonePools(held).add_worths(columns, xs)
            by_pool = np.full(xs.shape, 12.5)
            for pool in held:
                by_pool += Slice(pool.parts[symbol], pool.cash, pool.cash).worths(xs)
            assert columns.tolist() == by_pool.tolist()


def _same_sweep(kept: SweepResult | None, fresh_one: SweepResult | None) -> None:
    assert kept is not None and fresh_one is not None
    assert (kept.axis, kept.symbol, kept.start_equity) == (
        fresh_one.axis,
        fresh_one.symbol,
        fresh_one.start_equity,
    )
    np.testing.assert_array_equal(kept.x, fresh_one.x)
    assert kept.equity.keys() == fresh_one.equity.keys()
    for variant, curve in kept.equity.items():
        np.testing.assert_array_equal(curve, fresh_one.equity[variant])
    assert kept.thresholds == fresh_one.thresholds


def test_a_sweep_after_other_axes_and_an_edit_is_the_fresh_one() -> None:
    """Each pool remembers how a sweep adds it, by variant and axis (``sweep._plan``): after
    sweeps along other axes, and after an edit that moves a symbol's mark (its pools are
    built again, the others kept), every curve and threshold is the one a fresh start draws."""
    document = book_document(40)
    before = Scenario.model_validate(document)
    symbols = list(before.marks())
    axes = [ALL_SYMBOLS, symbols[0], symbols[1], ALL_SYMBOLS, symbols[0]]
    for axis in axes:
        sweep_for(before, axis)
    mark = before.marks()[symbols[0]]
    moved = [dict(p) for p in document["positions"]]
    for position in moved:
        if position["symbol"] == symbols[0]:
            position["mark_price"] = mark * 0.8
    after = Scenario.model_validate({**document, "positions": moved})
    for scenario in (before, after):
        for axis in axes:
            kept = sweep_for(scenario, axis, include=mark * 0.5 if axis != ALL_SYMBOLS else -40)
            clear_headline_cache()
            _same_sweep(
                kept, sweep_for(scenario, axis, include=mark * 0.5 if axis != ALL_SYMBOLS else -40)
            )
