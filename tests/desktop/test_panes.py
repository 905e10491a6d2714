"""The left column's split between the positions table (with its buttons) and the form."""

from __future__ import annotations

from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QTableView

from marginlab.desktop.panes import TableAndForm


def test_a_refit_for_a_scroll_bar_that_went_leaves_the_buttons_whole(qtbot, qapp) -> None:
    """The table's columns come to fit when the column widens: its scroll bar goes, inside
    the layout that widens it, and the split refits. Refitted at once, inside that layout,
    the buttons stayed where the outer layout put them, half below the table's part (the
    README's two-accounts picture); refitted before the next paint, they sit whole in it."""
    model = QStandardItemModel(2, 6)
    table = QTableView()
    table.setModel(model)
    for column in range(6):
        table.setColumnWidth(column, 100)
    buttons = QHBoxLayout()
    row = [QPushButton(text) for text in ("Add", "Duplicate", "Remove")]
    for button in row:
        buttons.addWidget(button)
    split = TableAndForm(table, buttons, QLabel("form"))
    qtbot.addWidget(split)
    split.resize(400, 500)  # narrower than the columns: a horizontal scroll bar
    split.show()
    qtbot.waitExposed(split)
    split.fit(2, table.horizontalScrollBar().maximum() > 0)
    qapp.processEvents()
    assert table.horizontalScrollBar().maximum() > 0
    split.resize(900, 500)  # the columns fit now: the bar goes, the split refits
    for _ in range(3):
        qapp.processEvents()
    assert table.horizontalScrollBar().maximum() == 0
    top = split.widget(0)
    assert split.sizes()[0] == split.table_height(2, False)
    for button in row:
        assert button.geometry().bottom() < top.height(), (button.geometry(), top.height())
