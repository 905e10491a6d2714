"""A mouse wheel turned over a choice or a spin box the trader has not clicked into scrolls
the pane under it, and changes nothing. Qt's own boxes take the wheel wherever the pointer
is: scrolling the position's form down flipped its side from long to short on the way, and
the Calculator's and "Before you open"'s pages likewise, with no word of it."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QWidget


class _WheelGuard(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            # Handled here, but not accepted: Qt then offers the wheel to the box's parent,
            # and the first scroll area under it scrolls (QApplication::notify).
            event.ignore()
            return True
        return False


def guard_wheels(root: QWidget) -> None:
    """Every choice and spin box under ``root`` takes the wheel only once clicked into (or
    tabbed to); a wheel no longer gives them the focus either."""
    guard = _WheelGuard(root)
    boxes: list[QWidget] = [*root.findChildren(QComboBox), *root.findChildren(QAbstractSpinBox)]
    for box in boxes:
        box.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        box.installEventFilter(guard)
