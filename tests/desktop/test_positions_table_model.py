"""The positions item model, tested without any widget."""

from __future__ import annotations

from PySide6.QtCore import Qt

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.positions_table_model import FIELDS, MODE_COLUMN, PositionsTableModel
from marginlab.engine.files.presets import load_preset

DISPLAY, EDIT, CHECK = (
    Qt.ItemDataRole.DisplayRole,
    Qt.ItemDataRole.EditRole,
    Qt.ItemDataRole.CheckStateRole,
)


def make() -> tuple[ScenarioController, PositionsTableModel]:
    controller = ScenarioController(load_preset("seed-example.json"))
    return controller, PositionsTableModel(controller)


def test_rows_and_cells_show_the_scenario(qapp) -> None:
    _, model = make()
    assert model.rowCount() == 2 and model.columnCount() == len(FIELDS)
    qty = FIELDS.index("quantity")
    assert model.data(model.index(1, FIELDS.index("id")), DISPLAY) == "B"
    assert model.data(model.index(1, qty), DISPLAY) == "0.4"
    # Issue 15: a filled-in value is plain (not "(50,000)", read as negative), in grey.
    mark = model.index(1, FIELDS.index("mark_price"))
    assert model.data(mark, DISPLAY) == "50,000"
    assert model.data(mark, Qt.ItemDataRole.ForegroundRole).color().name() == "#808080"
    assert "grey: none typed" in model.data(mark, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(1, MODE_COLUMN), CHECK) == Qt.CheckState.Checked
    assert model.headerData(MODE_COLUMN, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert model.flags(model.index(0, MODE_COLUMN)) & Qt.ItemFlag.ItemIsUserCheckable


def test_edit_goes_through_the_controller(qapp) -> None:
    controller, model = make()
    qty = FIELDS.index("quantity")
    assert model.setData(model.index(1, qty), "0.8", EDIT)
    assert controller.scenario.positions[1].quantity == 0.8
    assert model.data(model.index(1, qty), DISPLAY) == "0.8"
    assert controller.undo_stack.count() == 1


def test_invalid_edit_is_refused_with_the_engines_message(qapp) -> None:
    controller, model = make()
    qty = FIELDS.index("quantity")
    said: list[str] = []
    model.refused.connect(said.append)
    assert not model.setData(model.index(1, qty), "-3", EDIT)
    assert controller.scenario.positions[1].quantity == 0.4
    # Issue 15: the cell shows 0.4 again at once, so the engine's message goes with the
    # refusal (to the status line) instead of staying beside a value no longer shown.
    assert said == ["B Quantity: '-3' was not used (must be > 0)"]
    assert controller.problems == {}
    assert not model.setData(model.index(1, qty), "lots", EDIT)
    assert said[-1] == "B Quantity: 'lots' was not used (must be a number)"


def test_mode_toggle(qapp) -> None:
    controller, model = make()
    assert model.setData(model.index(0, MODE_COLUMN), Qt.CheckState.Unchecked.value, CHECK)
    assert controller.scenario.positions[0].margin_mode == "cross"
    assert model.data(model.index(0, MODE_COLUMN), DISPLAY) == "cross"


def test_rows_follow_add_and_remove(qapp) -> None:
    controller, model = make()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    controller.add_position()
    assert model.rowCount() == 3 and resets
    controller.undo_stack.undo()
    assert model.rowCount() == 2


def test_an_edit_repaints_its_own_row_and_rows_that_take_its_mark(qapp) -> None:
    """Each keystroke told the view that every row changed, so it repainted the whole table
    (a big book's too). Now only the edited row is named; a mark typed on one position
    also names the symbol's other rows that show that mark as theirs (grey)."""
    from marginlab.engine.margin.models import Scenario

    book = load_preset("seed-example.json")
    second_btc = book.positions[1].model_copy(update={"id": "C", "mark_price": None})
    controller = ScenarioController(
        Scenario.model_validate({**book.model_dump(), "positions": [
            *(p.model_dump() for p in book.positions), second_btc.model_dump()
        ]})
    )  # fmt: skip
    model = PositionsTableModel(controller)
    rows: list[tuple[int, int]] = []
    model.dataChanged.connect(lambda a, b, *_: rows.append((a.row(), b.row())))
    assert model.setData(model.index(0, FIELDS.index("quantity")), "11", EDIT)
    assert rows and all(span == (0, 0) for span in rows)
    rows.clear()
    assert model.setData(model.index(1, FIELDS.index("mark_price")), "52000", EDIT)
    assert model.data(model.index(2, FIELDS.index("mark_price")), DISPLAY) == "52,000"
    assert any(first <= 2 <= last for first, last in rows)
    assert all(first >= 1 for first, _ in rows)
