"""The What-if field: a price (or a % move of every symbol) typed, or stepped with the arrows.

A value the axis cannot take (a price at or below 0, a move of −100 % or less) is refused in
words and the field keeps what was typed, so the trader can correct it; a spin box would
otherwise clamp it to its limit without a word.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from marginlab.desktop.i18n import tr
from marginlab.desktop.spin_boxes import NumberBox
from marginlab.engine.text.numbers import parse_number, price_text


class WhatIfBox(NumberBox):
    """``NumberBox`` with the axis's own limits; its refusals go to the plot's readout."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(tr("What if"), parent=parent)
        # A price axis's mark: "-10%" typed there is the price 10 % below it (it read "'-10%'
        # is not a number", where the Other symbols field takes "ETH -10%").
        self.mark: float | None = None

    def _say(self, text: str) -> None:
        self.refused.emit(text)  # the readout under the plot says it, beside the figures

    def _percent_axis(self) -> bool:
        return self.suffix().strip() == "%"

    def moved_price(self, text: str) -> float | None:
        """The value a % move typed names: on a price axis ``mark · (1 + move)``, on the
        all-symbols axis the move itself ("-10%" as -10); None for any other text."""
        typed = text.strip()
        move = parse_number(typed[:-1]) if typed.endswith("%") else None
        if move is None or move <= -100:
            return None
        if self._percent_axis():
            return move
        return None if self.mark is None else self.mark * (1 + move / 100)

    def _take_as_number(self) -> None:
        value = self.moved_price(self.cleanText())
        if value is None:
            super()._take_as_number()
            return
        typed = self.cleanText().strip()
        self.setValue(value)
        if not self._percent_axis():
            self._note(
                tr("What if: {typed} from the mark taken as {value}").format(
                    typed=typed, value=f"{price_text(self.value())}{self.suffix()}"
                )
            )

    def problem(self, text: str) -> str | None:
        """Why ``text`` is no value for this axis, in the trader's words; None when it is."""
        typed = text.strip()
        if typed.endswith("%") and (self.mark is not None or self._percent_axis()):
            moved = self.moved_price(typed)
            if moved is None:  # no number before the "%", or a fall of 100 % or more
                if parse_number(typed[:-1]) is None:
                    return tr("What if: '{text}' is not a number").format(text=typed)
                return tr("What if: a move must stay above −100 % (a price cannot reach 0)")
            text = repr(moved)  # the value it names, judged as one
        value = parse_number(text)
        percent = self._percent_axis()
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
