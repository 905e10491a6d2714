"""Guards against a Qt binding that corrupts Python's reference to None.

PySide6 6.12.0 on Python 3.11 decrements None's reference count each time a binding returns a
null object (``QTableWidget.item`` of an empty cell, ``QObject.property`` of an unset name); a
long session then aborts with "Fatal Python error: none_dealloc". requirements.lock pins a
release without the bug; this test fails if an upgrade brings it back.
"""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QLineEdit, QTableWidget


def test_null_returns_keep_none_alive(qapp) -> None:
    table, edit = QTableWidget(2, 2), QLineEdit()
    before = sys.getrefcount(None)
    for _ in range(2000):
        table.item(0, 0)
        edit.property("not-set")
        QGuiApplication.focusObject()
    assert sys.getrefcount(None) >= before - 100
