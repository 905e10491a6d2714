"""Text fields that send every keystroke to the controller and show its message inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QLineEdit, QWidget

from marginlab.engine.text.numbers import parse_number

ERROR_STYLE = "QLineEdit { border: 2px solid #d0342c; }"


class EditField(QLineEdit):
    """``path`` is the scenario field it edits, e.g. ``account.wallet_balance``."""

    def __init__(
        self,
        path: str,
        tooltip: str,
        on_edit: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.path = path
        self._tooltip = tooltip
        self.setToolTip(tooltip)
        self.setAccessibleName(path)
        self.textEdited.connect(on_edit)

    def show_value(self, text: str) -> None:
        """Show the scenario's value unless the user is typing here (their text wins)."""
        if self.text() == text:
            return
        if self.hasFocus() and (self.property("invalid") or _same_number(self.text(), text)):
            return  # mid-edit: "1e3" stays "1e3", and a typo stays until the user fixes it
        self.setText(text)

    def show_problem(self, message: str | None) -> None:
        if bool(message) != bool(self.property("invalid")):  # a style sheet is costly to set
            self.setProperty("invalid", bool(message))
            self.setStyleSheet(ERROR_STYLE if message else "")
        self.setToolTip(f"{message}\n\n{self._tooltip}" if message else self._tooltip)


def number_text(value: float | None, digits: int = 10) -> str:
    return "" if value is None else f"{value:.{digits}g}"


def _same_number(typed: str, shown: str) -> bool:
    a, b = parse_number(typed), parse_number(shown)
    return a is not None and a == b
