"""Text fields that send every keystroke to the controller and show its message inline."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFocusEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from marginlab.desktop.i18n import said, tr
from marginlab.engine.text.numbers import reads_as

ERROR_STYLE = "QLineEdit { border: 2px solid #d0342c; }"
LINE_EDIT_PADDING = 16  # px a line edit adds around its text: frame and margins


class EditField(QLineEdit):
    """``path`` is the scenario field it edits, e.g. ``account.wallet_balance``.

    Every keystroke is sent (the figures follow as you type), but nothing half-typed stays:
    if the text is still refused when the field is left or Enter is pressed, the value it had
    when editing began is put back, visibly, and ``reverted`` says what was not used.
    """

    reverted = Signal(str)
    finished = Signal()  # an edit ended (Enter, Tab, the field left), after any put-back

    def __init__(
        self,
        path: str,
        tooltip: str,
        on_edit: Callable[[str], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._path = path
        self._tooltip = tooltip
        self.setToolTip(tooltip)
        self.setAccessibleName(path)
        self._on_edit = on_edit
        # The red frame of a refused value must not make the field taller: the form below
        # would move under the trader's pointer.
        self.setFixedHeight(self.sizeHint().height())
        self._shown = ""  # the scenario's value, as last shown
        self._committed: str | None = None  # the scenario's value when this edit began
        self._problem = ""
        self._refused = False  # the last text sent was not used (by whatever check)
        self._typed = ""  # the last text typed
        self._sending = False  # the scenario's value that arrives now is this typing's own
        self.textEdited.connect(self._edited)
        self.editingFinished.connect(self._on_editing_finished)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._on_focus_changed)

    @property
    def path(self) -> str:
        return self._path

    @path.setter
    def path(self, path: str) -> None:
        """Another field of the scenario (the form's fields follow the selected row): an edit
        of the previous one ends here, and nothing of it carries over."""
        if path != self._path:
            self._path = path
            self._committed = None

    @property
    def editing(self) -> bool:
        return self._committed is not None

    def _edited(self, text: str) -> None:
        if self._committed is None:  # read before the edit reaches the scenario
            self._committed = self._shown
        self._typed = text  # what a message names, even once the scenario's value replaced it
        self._sending = True
        try:
            self._refused = self._on_edit(text) is False
        finally:
            self._sending = False

    def focusOutEvent(self, event: QFocusEvent) -> None:
        """Leaving the field ends the edit even when Qt does not say so: since Qt 6 it
        emits editingFinished on focus-out only if the text changed since the last time."""
        super().focusOutEvent(event)
        if event.reason() != Qt.FocusReason.PopupFocusReason and self.editing:
            self._on_editing_finished()

    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """The focus went elsewhere while this field's edit is open, and the field heard no
        focus-out of its own (seen when its symbol list had been open): the edit ends here, as
        on leaving the field, instead of staying open with a refused symbol half-typed."""
        if not self.editing or new is None or new is self or self.hasFocus():
            return
        window = new.window()
        if window is not None and window.windowType() == Qt.WindowType.Popup:
            return  # a list or a menu opened over the window: the edit goes on
        self._on_editing_finished()

    def _on_editing_finished(self) -> None:
        editing = self._committed is not None
        self._finish_edit()
        if editing:
            self.finished.emit()

    def _finish_edit(self) -> None:
        committed, self._committed = self._committed, None
        refused, self._refused = self._refused or bool(self.property("invalid")), False
        if not refused or committed is None:
            if committed is not None:
                typed, kept = self.text(), self._shown
                if typed != kept and (typed.strip() == kept.strip() or not reads_as(typed, kept)):
                    self.setText(kept)  # "  7 " was kept as "7", "btc" as the book's BTCUSDT
                self._shown = self.text()  # a field that keeps its own value keeps this one
            return
        typed, problem = self._typed, self._problem
        self.setText(committed)
        name = self.accessibleName()
        shown = f"'{typed}'" if typed.strip() else tr("an empty value")
        if self._on_edit(committed) is False:  # undoes any half-typed value sent on the way
            # The value from before the edit is no longer allowed (another field changed
            # meanwhile: rules that need an MMR): the one the scenario holds stays, shown.
            kept, why = self._shown, self._problem
            self.setText(kept)
            self._on_edit(kept)  # the scenario's own value: nothing changes, the problem goes
            self.reverted.emit(
                tr(
                    "{field}: {typed} was not used; {value} stays ({back} is refused: {why})"
                ).format(
                    field=name,
                    typed=shown,
                    value=kept or tr("empty"),
                    back=committed or tr("empty"),
                    why=said(why),
                )
            )
            return
        back = committed or tr("empty")
        self.reverted.emit(
            tr("{field}: {typed} was not used ({problem}); back to {value}").format(
                field=name, typed=shown, problem=said(problem), value=back
            )
            if problem
            else tr("{field}: {typed} was not used; back to {value}").format(
                field=name, typed=shown, value=back
            )
        )

    def show_value(self, text: str) -> None:
        """Show the scenario's value unless the user is typing here (their text wins)."""
        # A new value that is not what the typing here sent (an undo, another row, a
        # preset) ends the edit: it wins over a half-typed text.
        # The value the keystroke being sent made ("btc" is the book's BTCUSDT, "3e" is 3E)
        # is not from elsewhere: the edit goes on with the text as typed, shown as kept at its
        # end. Rewritten at once, the next keys landed after it ("BTCUSDTusdt"), and the edit
        # began again from the half-typed symbol, which a refusal then put back.
        elsewhere = (
            not self._sending
            and text != self._shown
            and text.strip() != self.text().strip()
            and not reads_as(self.text(), text)
        )
        self._shown = text
        if elsewhere:
            self._committed = None
        if self.text() == text:
            return
        if self.editing and (
            self._sending or self.property("invalid") or reads_as(self.text(), text)
        ):
            return  # mid-edit: "1e3" stays "1e3", and a typo stays until the user fixes it
        self.setText(text)
        if not self.hasFocus():
            # From its start, as a form reads: a name longer than the field showed its end
            # ("example: ETH + BTC longs…" for "Brief example: …").
            self.setCursorPosition(0)

    def show_problem(self, message: str | None) -> None:
        self._problem = message or ""
        if bool(message) != bool(self.property("invalid")):  # a style sheet is costly to set
            self.setProperty("invalid", bool(message))
            self.setStyleSheet(ERROR_STYLE if message else "")
        self.setToolTip(f"{said(message)}\n\n{self._tooltip}" if message else self._tooltip)


def problem_for(edit: EditField, problems: dict[str, str]) -> str | None:
    """The problem to show on ``edit``: its own field's, or, while the user is typing in it,
    a check across fields its value failed ("isolated margins add up to …")."""
    own = problems.get(edit.path)
    if own is None and edit.hasFocus():
        return problems.get("positions")
    return own
