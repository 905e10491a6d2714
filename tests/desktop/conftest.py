"""Desktop fixtures: a real main window on the brief's example, settings in a temp file."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings
from PySide6.QtWidgets import QMessageBox

from marginlab.desktop.app import build_window, follow_palette
from marginlab.desktop.main_window import MainWindow


@pytest.fixture
def settings(tmp_path: Path) -> QSettings:
    return QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, qapp, settings: QSettings, tmp_path: Path) -> Iterator[MainWindow]:
    follow_palette(qapp)
    win = build_window(settings, autosave_folder=tmp_path / "autosave")
    # No modal prompt may block a test run; tests of the prompt answer it themselves.
    win.files.ask_keep_changes = lambda: QMessageBox.StandardButton.Discard
    win.ask_unusual = lambda message: pytest.fail(f"unexpected question: {message}")
    win.files.show_error = lambda title, lines: pytest.fail(f"{title}: {lines}")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    # Delete now, not at interpreter exit: PySide6 can crash when Qt objects die during
    # finalisation ("none_dealloc").
    win.close()
    win.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    qapp.processEvents()


def wait_result(qtbot, win: MainWindow):
    """Wait for the controller's next result (edits recompute on the next event-loop turn)."""
    with qtbot.waitSignal(win.controller.resultChanged, timeout=2000) as blocker:
        pass
    return blocker.args[0]


def add_cross_position(win: MainWindow, fields: dict) -> None:
    """Add a position as the Add button does (a copy of the first), then give it ``fields``
    (a symbol, a price, a size), cross: one edit, as the form's Symbol field makes it."""
    win.table.selectRow(0)
    win.add_position()
    row = len(win.controller.scenario.positions) - 1
    win.controller.set_position_fields(row, {**fields, "margin_mode": "cross"}, "Symbol")
