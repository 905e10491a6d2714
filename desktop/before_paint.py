"""Run a callback once, on the event loop's next turn, before it paints.

Widgets ask Qt to repaint with a posted ``UpdateRequest`` (at ``Qt.LowEventPriority``: an event
of normal priority posted after it is delivered first, ``tests/desktop/test_before_paint.py``),
and a zero-interval ``QTimer`` fires after the posted events (an event log of a keystroke
here: the whole window painted, then the timer). An edit that recomputed on such a timer was
painted twice: once with the typed character beside the old figures, and again once the
engine answered. An event posted with ``Qt.HighEventPriority`` is "sent before events with
NormalEventPriority or LowEventPriority" (Qt docs, ``Qt::EventPriority``), so it runs before
that paint, and the first frame after a keystroke shows its figures. Requests made in one turn
of the loop run it once.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_KIND = QEvent.Type(QEvent.registerEventType())
_FIRST = Qt.EventPriority.HighEventPriority.value
_AFTER_PAINT = Qt.EventPriority.LowEventPriority.value - 1  # widgets post theirs at Low


class BeforePaint(QObject):
    """``request()`` runs ``callback`` once on the next turn of the event loop, before its
    paint; ``cancel()`` (the owner ran it itself) drops a request not yet served."""

    def __init__(self, callback: Callable[[], None], parent: QObject) -> None:
        super().__init__(parent)
        self._callback = callback
        self._pending = False
        self._running = False

    @property
    def pending(self) -> bool:
        return self._pending

    def request(self) -> None:
        if not self._pending:
            self._pending = True
            # Asked again by its own callback: after the paint, so that no loop of requests
            # can keep the window from painting.
            priority = _AFTER_PAINT if self._running else _FIRST
            QCoreApplication.postEvent(self, QEvent(_KIND), priority)

    def cancel(self) -> None:
        self._pending = False  # the posted event still arrives, and finds nothing to do

    def event(self, event: QEvent) -> bool:
        if event.type() == _KIND:
            if self._pending:
                self._pending, self._running = False, True
                try:
                    self._callback()
                finally:
                    self._running = False
            return True
        return super().event(event)
