"""What a card's table gives Qt for each cell: its text, figures set right, the ID left, the
tooltip in the trader's words, and nothing for the roles a card does not style."""

from __future__ import annotations

from PySide6.QtCore import Qt

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
