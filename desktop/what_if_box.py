"""The What-if field: a price (or a % move of every symbol) typed, or stepped with the arrows.

A value the axis cannot take (a price at or below 0, a move of −100 % or less) is refused in
words and the field keeps what was typed, so the trader can correct it; a spin box would
otherwise clamp it to its limit without a word.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from marginlab.desktop.i18n import tr
from marginlab.desktop.spin_boxes import NumberBox
from marginlab.engine.text.numbers import parse_number


class WhatIfBox(NumberBox):
    """``NumberBox`` with the axis's own limits; its refusals go to the plot's readout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("What if"), parent=parent)

    def _say(self, text: str) -> None:
        self.refused.emit(text)  # the readout under the plot says it, beside the figures

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
