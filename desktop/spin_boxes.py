"""Number boxes that refuse in words. A Qt spin box drops a keystroke it cannot use ("250000"
in a box of at most 200,000 became 25,000; "10k" became 10), and puts its last value back
when the field is left, both without a word. Here every keystroke stands; Enter refuses a
text that is no value for the box, naming the field, and keeps it as typed to correct;
leaving the field puts the last value back and says so (``refused``). A number the box takes
but Qt's own reading does not ("1e3", 15.55 in a box of one decimal) goes in at the box's
precision, and a value rounded on the way is said.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QValidator
from PySide6.QtWidgets import QAbstractSpinBox, QDoubleSpinBox, QMainWindow, QSpinBox

from marginlab.desktop.i18n import said, tr
from marginlab.engine.text.numbers import parse_number, read_number


class _Refusing:
    """What ``WholeBox`` and ``NumberBox`` share; ``name`` is the field's caption."""

    name: str
    refused: Any  # the concrete class's Signal(str)

    def __init__(self, name: str, **options: Any) -> None:
        super().__init__(**options)  # the spin box's own options: minimum=, value=…
        self.name = name
        # A value goes in on Enter or when the field is left, not at each keystroke: "25000"
        # on the way to a refused "250000" went in, and leaving the field kept it.
        self.setKeyboardTracking(False)  # type: ignore[attr-defined]
        self.setCorrectionMode(  # type: ignore[attr-defined]
            QAbstractSpinBox.CorrectionMode.CorrectToPreviousValue
        )

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        """Anything may be typed; Enter judges it (``problem``)."""
        result: object = super().validate(text, pos)  # type: ignore[misc]
        state = result[0] if isinstance(result, tuple) else result
        if state == QValidator.State.Invalid:
            return (QValidator.State.Intermediate, text, pos)
        if isinstance(result, tuple):
            return (result[0], result[1], result[2])
        return (QValidator.State(state), text, pos)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            problem = self.problem(self.cleanText())  # type: ignore[attr-defined]
            if problem:
                self._say(problem)
                return  # the text stays as typed
            self._take_as_number()
        super().keyPressEvent(event)  # type: ignore[misc]

    def focusOutEvent(self, event: QFocusEvent) -> None:
        problem = self.problem(self.cleanText())  # type: ignore[attr-defined]
        if problem:  # the last value comes back (``CorrectToPreviousValue``): say so
            kept = self._shown(self.value())  # type: ignore[attr-defined]
            self._say(tr("{problem}; kept {value}").format(problem=problem, value=kept))
        else:
            self._take_as_number()
        super().focusOutEvent(event)  # type: ignore[misc]

    def _take_as_number(self) -> None:
        """A number the box takes that Qt's own reading does not ("1e3", "1,000", 15.55 in a
        box of one decimal): Qt put its last value back without a word. It goes in here, at
        the box's precision, and a value rounded on the way is said."""
        text = self.cleanText()  # type: ignore[attr-defined]
        state: object = super().validate(self.text(), 0)  # type: ignore[misc, attr-defined]
        if (state[0] if isinstance(state, tuple) else state) == QValidator.State.Acceptable:
            return
        value = parse_number(text)
        if value is None:
            return
        self.setValue(int(value) if isinstance(self, QSpinBox) else value)  # type: ignore[attr-defined]
        taken = self.value()  # type: ignore[attr-defined]
        if taken != value:
            self._note(
                tr("{field}: {typed} taken as {value}").format(
                    field=self.name, typed=text.strip(), value=self._shown(taken)
                )
            )

    def _note(self, text: str) -> None:
        """A word on what was done (not a refusal): the window's status line."""
        window = self.window()  # type: ignore[attr-defined]
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 15_000)

    def problem(self, text: str) -> str | None:
        """Why ``text`` is no value for this box, in the trader's words; None when it is."""
        problems: list[str] = []
        value = read_number(self.name, text, problems, positive=False)
        if value is None:
            return said(problems[0])
        if isinstance(self, QSpinBox) and value != int(value):
            return tr("{field}: a whole number").format(field=self.name)
        least, most = self.minimum(), self.maximum()  # type: ignore[attr-defined]
        if not least <= value <= most:
            return tr("{field}: between {least} and {most}").format(
                field=self.name, least=self._shown(least), most=self._shown(most)
            )
        return None

    def _say(self, text: str) -> None:
        """``refused``, and the window's status line says it (for 15 s, as other refusals)."""
        self.refused.emit(text)
        self._note(text)

    def _shown(self, value: float) -> str:
        """``value`` as the box writes it, with thousands separators, and its unit."""
        decimals = 0 if value == int(value) else self.decimals()  # type: ignore[attr-defined]
        return f"{value:,.{decimals}f}{self.suffix()}"  # type: ignore[attr-defined]


class WholeBox(_Refusing, QSpinBox):
    refused = Signal(str)  # the trader's words: why the text typed is not used


class NumberBox(_Refusing, QDoubleSpinBox):
    refused = Signal(str)  # the trader's words: why the text typed is not used
