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
