"""Text fields that send every keystroke to the controller and show its message inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QLineEdit, QWidget

from marginlab.engine.text.numbers import parse_number

ERROR_STYLE = "QLineEdit { border: 2px solid #d0342c; }"


class EditField(QLineEdit):
    """``path`` is the scenario field it edits, e.g. ``account.wallet_balance``.

    Every keystroke is sent (the figures follow as you type), but nothing half-typed stays:
    if the text is still refused when the field is left or Enter is pressed, the value it had
    when editing began is put back, visibly, and ``reverted`` says what was not used.
    """

    reverted = Signal(str)

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
        self._on_edit = on_edit
        self._committed: str | None = None
        self._problem = ""
        self.textEdited.connect(on_edit)
        self.editingFinished.connect(self._on_editing_finished)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self._committed = self.text()  # what the scenario holds before this edit
        super().focusInEvent(event)

    def _on_editing_finished(self) -> None:
        if not self.property("invalid") or self._committed is None:
            self._committed = self.text()
            return
        typed, committed = self.text(), self._committed
        problem = self._problem
        self.setText(committed)
        self._on_edit(committed)  # undoes any half-typed value sent on the way ("1e2")
        name = self.accessibleName()
        shown = f"'{typed}'" if typed.strip() else "an empty value"
        self.reverted.emit(
            f"{name}: {shown} was not used ({problem}); back to {committed or 'empty'}"
        )

    def show_value(self, text: str) -> None:
        """Show the scenario's value unless the user is typing here (their text wins)."""
        if self.text() == text:
            return
        if self.hasFocus() and (self.property("invalid") or _same_number(self.text(), text)):
            return  # mid-edit: "1e3" stays "1e3", and a typo stays until the user fixes it
        self.setText(text)

    def show_problem(self, message: str | None) -> None:
        self._problem = message or ""
        if bool(message) != bool(self.property("invalid")):  # a style sheet is costly to set
            self.setProperty("invalid", bool(message))
            self.setStyleSheet(ERROR_STYLE if message else "")
        self.setToolTip(f"{message}\n\n{self._tooltip}" if message else self._tooltip)


def number_text(value: float | None, digits: int = 10) -> str:
    return "" if value is None else f"{value:.{digits}g}"


def _same_number(typed: str, shown: str) -> bool:
    a, b = parse_number(typed), parse_number(shown)
    return a is not None and a == b


def problem_for(edit: EditField, problems: dict[str, str]) -> str | None:
    """The problem to show on ``edit``: its own field's, or, while the user is typing in it,
    a check across fields its value failed ("isolated margins add up to …")."""
    own = problems.get(edit.path)
    if own is None and edit.hasFocus():
        return problems.get("positions")
    return own
