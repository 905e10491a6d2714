"""A wheel turned over a box the trader has not clicked into changes nothing: scrolling the
position's form down flipped the position from long to short on the way (seen in the real
app at 1280 × 720), and the Calculator's and "Before you open"'s sides likewise."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QWidget

from marginlab.desktop.main_window import MainWindow


def _wheel_down(widget: QWidget) -> bool:
    """One notch of the wheel, down, over ``widget``'s middle; whether it took the wheel
    (not taken, Qt offers it to the pane under it: QApplication::notify)."""
    middle = QPointF(widget.rect().center())
    event = QWheelEvent(
        middle,
        QPointF(widget.mapToGlobal(middle.toPoint())),
        QPoint(0, 0),
        QPoint(0, -120),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)
    return event.isAccepted()


def test_a_wheel_over_the_forms_side_scrolls_past_it_and_leaves_the_position_long(
    qapp, window: MainWindow
) -> None:
    window.table.selectRow(0)
    window.table.setFocus()
    before = window.controller.scenario
    side = window.form.side
    assert not side.hasFocus() and side.currentText() == "Long"
    for box in (side, window.form.mode, window.form.size_kind):
        assert not _wheel_down(box)  # handed on: the form scrolls
    qapp.processEvents()
    assert side.currentText() == "Long" and window.form.mode.currentText() == "Isolated"
    assert window.form.size_kind.currentIndex() == 0
    assert window.controller.scenario is before  # no edit made, nothing to undo
    assert not window.controller.undo_stack.canUndo()


def test_a_box_clicked_into_still_takes_the_wheel(qtbot, qapp, window: MainWindow) -> None:
    """The guard asks for the box's focus, and no more: clicked into (or tabbed to), a
    wheel picks the next choice, as Qt's boxes do."""
    window.table.selectRow(0)
    window.activateWindow()
    side = window.form.side
    side.setFocus()
    qtbot.waitUntil(side.hasFocus)
    assert _wheel_down(side)
    qtbot.waitUntil(lambda: window.controller.scenario.positions[0].side == "short")
    window.controller.undo_stack.setClean()


def test_the_tabs_built_later_are_guarded_too(qapp, window: MainWindow) -> None:
    """The Calculator and "Before you open" are built when first shown, after the window:
    their sides, symbols and the Calculator's pages scroll past a wheel as well."""
    window.table.setFocus()
    for view in (window.calculator, window.pretrade):
        window.views.setCurrentWidget(view)
        qapp.processEvents()
        side = view.side
        assert not side.hasFocus()
        assert not _wheel_down(side)
        assert not _wheel_down(view.symbol)
        qapp.processEvents()
        assert side.currentIndex() == 0, type(view).__name__  # still long
    assert window.views.currentWidget() is window.pretrade
