"""The What-if field: a price (or a % move of every symbol) typed, or stepped with the arrows.

A value the axis cannot take (a price at or below 0, a move of −100 % or less) is refused in
words and the field keeps what was typed, so the trader can correct it; a spin box would
otherwise clamp it to its limit without a word.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QWidget

from marginlab.desktop.i18n import tr
from marginlab.engine.text.numbers import parse_number


class WhatIfBox(QDoubleSpinBox):
    refused = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Leaving the field with a refused text puts the last value back, never a limit.
        self.setCorrectionMode(QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Let anything be typed (a number outside the range, a minus sign, a typo such as
        "55k"), so that Enter can refuse it in words; the spin box itself would drop the
        keystroke without one, and "55k" became 55."""
        result: object = super().validate(text, pos)
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            return (QValidator.State.Intermediate, text, pos)
        if isinstance(result, tuple):
            return (result[0], result[1], result[2])
        return (QValidator.State(state), text, pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            problem = self.problem(self.cleanText())
            if problem:
                self.refused.emit(problem)
                return  # the text stays as typed
        super().keyPressEvent(event)

    def problem(self, text: str) -> str | None:
        """Why ``text`` is no value for this axis, in the trader's words; None when it is."""
        value = parse_number(text)
        percent = self.suffix().strip() == "%"
        if value is None:
            return tr("What if: '{text}' is not a number").format(text=text.strip())
        if percent and value <= -100:
            return tr("What if: a move must stay above −100 % (a price cannot reach 0)")
        if not percent and value <= 0:
            return tr("What if: a price must be above 0")
        if value > self.maximum():
            return tr("What if: at most {value}").format(
                value=f"{self.maximum():,.0f}{self.suffix()}"
            )
        return None
