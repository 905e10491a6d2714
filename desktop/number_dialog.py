"""A question for one number that refuses in words. ``QInputDialog.getDouble`` greyed out its OK
button, without a word, at a wallet below the least it allows, and dropped a keystroke it
could not use ("10k" read 10): the trader was left with a button that did nothing. Here the
text stands as typed, OK is always there, and a refused number is said under the field, naming
it; the dialog stays open to correct it."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.i18n import said, tr
from marginlab.desktop.style import tint
from marginlab.engine.text.numbers import read_number

_LARGEST = 1e15  # as the question Qt asked before: beyond is a typing slip


class NumberDialog(QDialog):
    """Asks for ``field`` (its caption, as the refusals name it), at least ``least``."""

    def __init__(
        self,
        parent: QWidget | None,
        title: str,
        label: str,
        field: str,
        least: float,
        value: float,
        decimals: int,
        unit: str = "",
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(420)  # the question in a few lines, not a narrow column
        self.field, self.least, self.decimals, self.unit = field, least, decimals, unit
        self.value: float | None = None
        layout = QVBoxLayout(self)
        self.question = question = QLabel(label)
        question.setWordWrap(True)
        layout.addWidget(question)
        self.edit = QLineEdit(f"{max(value, least):.{decimals}f}")
        self.edit.setAccessibleName(field)
        self.edit.selectAll()
        question.setBuddy(self.edit)
        layout.addWidget(self.edit)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setAccessibleName(tr("problem"))
        tint(self.problem, "#c0392b")
        layout.addWidget(self.problem)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.edit.textEdited.connect(lambda _: self.problem.clear())

    def refusal(self) -> str | None:
        """Why the text typed is no answer, in the trader's words; None when it is one."""
        problems: list[str] = []
        number = read_number(
            self.field, self.edit.text(), problems, positive=False, largest=_LARGEST
        )
        if number is None:
            return said(problems[0])
        if number < self.least:
            return tr("{field}: at least {least}").format(
                field=self.field, least=f"{self.least:,.{self.decimals}f}{self.unit}"
            )
        self.value = number
        return None

    def accept(self) -> None:
        problem = self.refusal()
        if problem is not None:
            self.problem.setText(problem)
            self.edit.setFocus()
            return  # the text stays as typed, to correct
        super().accept()
