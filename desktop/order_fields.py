"""The widgets an order is typed into, shared by the Calculator and "Before you open" tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from marginlab.desktop.i18n import tr


def text_field(placeholder: str, tip: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setToolTip(tip)
    edit.setAccessibleName(name)
    return edit


def symbol_box(name: str) -> QComboBox:
    """An editable list of the account's symbols (filled by the view), or any typed."""
    box = QComboBox()
    box.setEditable(True)
    box.setAccessibleName(name)
    box.setToolTip(tr("Symbol of the order (the account's symbols, or type another)"))
    return box


def side_box(name: str) -> QComboBox:
    box = QComboBox()
    for side in ("long", "short"):
        box.addItem(tr(side), side)
    box.setAccessibleName(name)
    return box


def refill_symbols(box: QComboBox, symbols: list[str]) -> None:
    """The account's symbols in ``box``, the text typed kept; nothing done when they did not
    change (a result arrives with every keystroke in the window)."""
    if [box.itemText(i) for i in range(box.count())] == symbols:
        return
    typed = box.currentText()
    box.blockSignals(True)
    box.clear()
    box.addItems(symbols)
    box.setEditText(typed or (symbols[0] if symbols else "BTCUSDT"))
    box.blockSignals(False)


def refill_choices(box: QComboBox, choices: list[tuple[str | None, str]]) -> None:
    """(data, text) choices in ``box``, the chosen one kept; nothing done when unchanged."""
    if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == choices:
        return
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for data, text in choices:
        box.addItem(text, data)
    box.setCurrentIndex(max(box.findData(chosen), 0))
    box.blockSignals(False)


def caption_row(grid: QGridLayout, cells: tuple[tuple[str, QWidget], ...]) -> None:
    """Each field under its caption, side by side (the caption's mnemonic focuses it)."""
    for col, (label, widget) in enumerate(cells):
        caption = QLabel(label)
        caption.setBuddy(widget)
        grid.addWidget(caption, 0, col)
        grid.addWidget(widget, 1, col)
