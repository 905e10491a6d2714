"""In a big book, "If SYMBOL is wrong" is searched for many symbols at once (issue 16:
``_Account.search_alone`` for the symbols only isolated positions hold, ``search_shared`` for
those only the cross pool holds). Each symbol's answer is exactly the one its own search,
symbol by symbol, gives: the same loss, the same prices, the same positions closed, in every
variant, and so the same max loss for the account."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bench.books import book_document
from marginlab.engine.margin import max_loss
from marginlab.engine.margin.evaluate import clear_headline_cache, evaluate
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.report import Report


def both_ways(scenario: Scenario, monkeypatch: pytest.MonkeyPatch) -> tuple[Report, Report]:
    clear_headline_cache()
    batched = evaluate(scenario)
    with monkeypatch.context() as one_by_one:
        one_by_one.setattr(max_loss, "_BATCHED", 10**12)
        one_by_one.setattr(max_loss, "_BATCHED_SYMBOLS", 10**12)
        clear_headline_cache()
        alone = evaluate(scenario)
    clear_headline_cache()
    return batched, alone


def assert_same_searches(batched: Report, alone: Report) -> None:
    for name, variant in batched.variants.items():
        other = alone.variants[name]
        assert variant.symbol_risks == other.symbol_risks, name
        assert variant.account.worst_move == other.account.worst_move, name
        assert variant.account.max_loss == other.account.max_loss, name


@pytest.mark.parametrize(("n", "seed"), [(500, 16), (120, 3), (60, 7)])
def test_a_big_books_searches_at_once_are_each_symbols_own(
    n: int, seed: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert_same_searches(*both_ways(Scenario.model_validate(book_document(n, seed)), monkeypatch))


@st.composite
def books(draw: st.DrawFn) -> Scenario:
    """A book over 10–30 symbols: by symbol, isolated only, cross only or both; one position
    or several; on tiers, or on MMR overrides (Bybit's on an entry basis)."""
    document: dict[str, Any] = book_document(draw(st.integers(40, 160)), draw(st.integers(0, 99)))
    rules = draw(st.sampled_from(["binance-usdm", "binance-usdm", "bybit-linear", "generic"]))
    document["rules"] = rules
    symbols = sorted({p["symbol"] for p in document["positions"]})
    kept = set(draw(st.lists(st.sampled_from(symbols), min_size=10, max_size=30, unique=True)))
    modes = {s: draw(st.sampled_from(["isolated", "cross", "both"])) for s in kept}
    positions = []
    for position in document["positions"]:
        symbol = position["symbol"]
        if symbol not in kept:
            continue
        if modes[symbol] != "both":
            position["margin_mode"] = modes[symbol]
        if rules != "binance-usdm":
            position["maintenance_rate"] = draw(st.sampled_from([0.004, 0.01, 0.05]))
        positions.append(position)
    document["positions"] = positions
    return Scenario.model_validate(document)


@settings(max_examples=40, deadline=None)
@given(books())
def test_generated_books_searches_at_once_are_each_symbols_own(scenario: Scenario) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        assert_same_searches(*both_ways(scenario, monkeypatch))
