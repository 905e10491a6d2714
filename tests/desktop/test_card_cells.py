"""What a card's table gives Qt for each cell: its text, figures set right, the ID left, the
tooltip in the trader's words, and nothing for the roles a card does not style."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from marginlab.desktop.figures_table import HEADERS

ROLES_NOT_STYLED = (
    Qt.ItemDataRole.FontRole,
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.BackgroundRole,
    Qt.ItemDataRole.ForegroundRole,
    Qt.ItemDataRole.CheckStateRole,
)


def test_every_cell_of_the_brief_cards(window) -> None:
    right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
    for name, card in window.comparison.cards.items():
        model = card.table.model()
        assert model.rowCount() == 2, name  # the brief's ETH and BTC positions
        for row in range(model.rowCount()):
            for column in range(len(HEADERS)):
                index = model.index(row, column)
                text = model.data(index, Qt.ItemDataRole.DisplayRole)
                assert text == model.texts[row][column] and text, (name, row, column)
                alignment = model.data(index, Qt.ItemDataRole.TextAlignmentRole)
                assert alignment == (right if column else None), (name, column)
                tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                assert isinstance(tip, str) and tip, (name, row, column)
                for role in ROLES_NOT_STYLED:
                    assert model.data(index, role) is None, (name, role)
    as_entered = window.comparison.cards["as_entered"].table.model()
    first = as_entered.index(0, 1)
    assert as_entered.data(first, Qt.ItemDataRole.DisplayRole) == "2,710.84"  # the brief: A
    assert as_entered.data(first, int(Qt.ItemDataRole.DisplayRole.value)) == "2,710.84"
    assert as_entered.data(as_entered.index(5, 1), Qt.ItemDataRole.DisplayRole) is None
    assert "Liq. price (USDT)" in as_entered.data(first, Qt.ItemDataRole.ToolTipRole)


def _changes_told(window, edit) -> dict[str, tuple[list[tuple[str, ...]], list, list]]:
    """Each card's texts before ``edit``, after it, and the cell ranges its model told the
    view to repaint."""
    told: dict[str, list[tuple[int, int, int, int]]] = {}
    before = {}
    for name, card in window.comparison.cards.items():
        model = card.table.model()
        before[name] = list(model.texts)
        told[name] = []
        model.dataChanged.connect(
            lambda a, b, *_, name=name: told[name].append(
                (a.row(), a.column(), b.row(), b.column())
            )
        )
    assert edit()
    QApplication.processEvents()  # the new figures are published before the next paint
    return {
        name: (before[name], list(card.table.model().texts), told[name])
        for name, card in window.comparison.cards.items()
    }


def _uncovered(before, after, told) -> list[tuple[int, int]]:
    """The cells whose text changed outside every range the view was told of."""
    return [
        (row, column)
        for row, (old, new) in enumerate(zip(before, after, strict=True))
        for column, (a, b) in enumerate(zip(old, new, strict=True))
        if a != b and not any(r0 <= row <= r1 and c0 <= column <= c1 for r0, c0, r1, c1 in told)
    ]


def test_a_keystroke_repaints_every_changed_figure_and_not_the_ids(window) -> None:
    """A new quantity moves the figures: every changed cell is repainted, the ID column (the
    dearest cell to paint, unchanged) is not."""
    found = _changes_told(window, lambda: window.controller.set_position(1, "quantity", "0.7"))
    moved = 0
    for name, (before, after, told) in found.items():
        assert _uncovered(before, after, told) == [], name
        assert [a[0] for a in after] == [b[0] for b in before], name  # the IDs stay
        if before != after:
            moved += 1
            assert told and all(c0 >= 1 for _, c0, _, _ in told), (name, told)
    assert moved == 3  # the edited position's figures move in every variant


def test_a_new_id_is_repainted(window) -> None:
    found = _changes_told(window, lambda: window.controller.set_position(0, "id", "ETH-main"))
    for name, (before, after, told) in found.items():
        assert any(a[0] != b[0] for a, b in zip(after, before, strict=True)), name
        assert _uncovered(before, after, told) == [], name
        assert any(c0 == 0 for _, c0, _, _ in told), (name, told)
