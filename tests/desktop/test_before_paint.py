"""``BeforePaint``: an edit's recompute runs before the paint it caused, once per burst."""

from __future__ import annotations

from PySide6.QtCore import QObject
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QWidget

from marginlab.desktop.before_paint import BeforePaint


class _Logged(QWidget):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def paintEvent(self, event: QPaintEvent) -> None:
        self.log.append("paint")


def _shown(qtbot, qapp, log: list[str]) -> _Logged:
    """A widget on screen, painted once already, that logs its next paints."""
    widget = _Logged(log)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    qapp.processEvents()
    log.clear()
    return widget


def test_a_burst_of_requests_runs_once_before_the_paint(qtbot, qapp) -> None:
    log: list[str] = []
    widget = _shown(qtbot, qapp, log)
    owner = QObject()
    soon = BeforePaint(lambda: log.append("run"), owner)
    widget.update()  # an edit repaints its field first, then asks for the figures
    for _ in range(3):
        soon.request()
    assert soon.pending
    qapp.processEvents()
    assert log == ["run", "paint"]
    assert not soon.pending


def test_a_cancelled_request_does_not_run(qapp) -> None:
    runs: list[int] = []
    owner = QObject()
    soon = BeforePaint(lambda: runs.append(1), owner)
    soon.request()
    soon.cancel()  # the owner ran it itself
    qapp.processEvents()
    assert runs == []


def test_a_callback_asking_again_lets_the_window_paint_first(qtbot, qapp) -> None:
    log: list[str] = []
    widget = _shown(qtbot, qapp, log)
    soon: BeforePaint

    def run() -> None:
        log.append("run")
        widget.update()
        if log.count("run") < 2:
            soon.request()

    owner = QObject()
    soon = BeforePaint(run, owner)
    soon.request()
    for _ in range(5):
        qapp.processEvents()
    assert log[:3] == ["run", "paint", "run"]
