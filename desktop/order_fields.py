"""The widgets an order is typed into, shared by the Calculator and "Before you open" tabs."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLineEdit


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
    box.setToolTip("Symbol of the order (the account's symbols, or type another)")
    return box


def side_box(name: str) -> QComboBox:
    box = QComboBox()
    box.addItems(["long", "short"])
    box.setAccessibleName(name)
    return box
