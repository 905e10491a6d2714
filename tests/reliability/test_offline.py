"""Offline guarantee: no network connection during a full GUI session or a CLI run.

A Python audit hook sees every socket connect, address lookup and socket creation made from
Python; Qt's own network module (the only C++ route to the network here) must not be loaded.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from marginlab.cli.main import main as cli

SEED = str(Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json")
_EVENTS = {
    "socket.connect",
    "socket.getaddrinfo",
    "socket.gethostbyname",
    "socket.bind",
    "urllib.Request",
    "http.client.connect",
    "socket.sendto",
}
_seen: list[tuple[str, tuple[object, ...]]] = []
_armed = False


def _hook(event: str, args: tuple[object, ...]) -> None:
    if _armed and event in _EVENTS:
        _seen.append((event, args))


sys.addaudithook(_hook)  # audit hooks cannot be removed; _armed scopes it to each test


@pytest.fixture
def network_watch() -> Iterator[list[tuple[str, tuple[object, ...]]]]:
    global _armed
    _seen.clear()
    _armed = True
    try:
        yield _seen
    finally:
        _armed = False


def test_full_gui_session_opens_no_connection(qtbot, network_watch, tmp_path: Path) -> None:
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication, QMessageBox

    from marginlab.desktop.app import build_window, follow_palette, offer_recovery
    from marginlab.desktop.positions_table_model import MODE_COLUMN

    follow_palette(QApplication.instance())
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    win = build_window(settings, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(win)
    win.show()
    offer_recovery(win)
    win.table.selectRow(1)
    qtbot.keyClicks(win.form.size_field, "5")
    win.table.setCurrentIndex(win.model.index(0, MODE_COLUMN))
    qtbot.keyClick(win.table, Qt.Key.Key_Space)
    win.plot.what_if.setValue(30_000)
    win.controller.set_axis("All symbols (%)")
    win.controller.recompute()
    win.files.ask_save_path = lambda caption, suffix, *a: str(tmp_path / f"out{suffix}")
    assert win.files.save()
    win.files.export_png()
    win.files.export_csv()
    win.files.copy_comparison()
    win.files.ask_keep_changes = lambda: QMessageBox.StandardButton.Discard
    for action in win.menuBar().actions():
        if action.text() == "&Presets":
            for preset in action.menu().actions():
                preset.trigger()
    win.autosaver.write_now()
    win.controller.undo_stack.setClean()
    win.close()
    assert network_watch == []
    assert "PySide6.QtNetwork" not in sys.modules


def test_cli_run_opens_no_connection(network_watch, tmp_path: Path, capsys) -> None:
    assert cli(["evaluate", SEED, "--at", "BTCUSDT=30000", "--json"]) == 0
    assert (
        cli(
            [
                "sweep",
                SEED,
                "--symbol",
                "BTCUSDT",
                "--from",
                "1000",
                "--to",
                "90000",
                "--csv",
                str(tmp_path / "s.csv"),
            ]
        )
        == 0
    )
    assert cli(["evaluate", str(tmp_path / "missing.json")]) == 2
    capsys.readouterr()
    assert network_watch == []


def test_the_watch_does_see_a_connection(network_watch) -> None:
    """The guard itself works: a real connect attempt is recorded (to a closed local port)."""
    import socket

    with socket.socket() as s, pytest.raises(OSError):
        s.settimeout(0.5)
        s.connect(("127.0.0.1", 9))
    assert network_watch and network_watch[0][0] == "socket.connect"
