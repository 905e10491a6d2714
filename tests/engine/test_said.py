"""A warning is its English text and keeps its id and values, however it is passed on: the
desktop translates the id and each value that is a message itself (issue 20)."""

from __future__ import annotations

import copy
import pickle

from marginlab.engine.margin.evaluate import clear_headline_cache, evaluate
from marginlab.engine.text.said import Said
from tests.engine.helpers import past_liquidation_book

PAST = (
    "{id} is already past its liquidation price{where} at mark {mark}: its {pool} pool counts "
    "as liquidated"
)


def _past_liquidation_warning() -> Said:
    clear_headline_cache()  # said afresh, not remembered from another test's book
    book = past_liquidation_book()
    warnings = evaluate(book).variants["as_entered"].warnings
    (found,) = (w.message for w in warnings if w.code == "past_liquidation")
    assert isinstance(found, Said)
    return found


def test_a_past_liquidation_warning_names_its_pool_kind_as_a_message() -> None:
    said = _past_liquidation_warning()
    assert said.template == PAST
    assert said.startswith("X is already past its liquidation price (")
    assert said.endswith("at mark 48,000.00: its isolated pool counts as liquidated")
    kind = said.params["pool"]
    assert isinstance(kind, Said) and kind == kind.template == "isolated"


def test_a_message_copies_and_pickles_with_its_id_and_values() -> None:
    said = _past_liquidation_warning()
    for other in (copy.copy(said), copy.deepcopy(said), pickle.loads(pickle.dumps(said))):
        assert isinstance(other, Said)
        assert other == said and str(other) == str(said)
        assert other.template == said.template and other.params == said.params
