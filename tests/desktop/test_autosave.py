"""Autosave after edits, and recovery of what a killed session left behind."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from marginlab.desktop.app import build_window, offer_recovery
from marginlab.desktop.autosave import Autosaver, find_recoveries
from marginlab.desktop.main_window import MainWindow
from marginlab.engine.files.scenario_io import load_scenario


def test_edit_is_autosaved_and_removed_once_saved(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    saver = window.autosaver
    saver._timer.setInterval(50)
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "7")
    qtbot.waitUntil(saver.file.exists, timeout=2000)
    assert load_scenario(saver.file).positions[0].quantity == 7
    window.files.ask_save_path = lambda *a, **k: str(tmp_path / "saved.json")
    assert window.files.save()
    assert not saver.file.exists()


def test_undo_back_to_clean_removes_the_autosave(qtbot, window: MainWindow) -> None:
    saver = window.autosaver
    window.form.size_field.selectAll()
    qtbot.keyClicks(window.form.size_field, "7")
    saver.write_now()
    assert saver.file.exists()
    window.controller.undo_stack.undo()
    assert not saver.file.exists()


def test_scenario_of_a_killed_process_is_offered_and_restored(
    qtbot, settings, tmp_path: Path
) -> None:
    folder = tmp_path / "autosave"
    # A real process writes an autosave, then dies by SIGKILL without cleaning up.
    code = f"""
import os, signal, sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.autosave import Autosaver
from marginlab.engine.files.presets import load_preset
from pathlib import Path
c = ScenarioController(load_preset("seed-example.json"))
s = Autosaver(c, Path({str(folder)!r}))
c.set_account("wallet_balance", "12345")
s.write_now()
os.kill(os.getpid(), signal.SIGKILL)
"""
    done = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == -9, done.stderr
    recoveries = find_recoveries(folder)
    assert len(recoveries) == 1 and recoveries[0].scenario.account.wallet_balance == 12345

    win = build_window(settings, autosave_folder=folder)
    qtbot.addWidget(win)
    asked = []
    win.files.ask_restore = lambda name, when: asked.append(name) or True
    assert offer_recovery(win)
    assert asked == ["Brief example: ETH + BTC longs on 10,000 USDT"]
    assert win.controller.scenario.account.wallet_balance == 12345
    assert win.isWindowModified()  # restored work is still unsaved
    assert find_recoveries(folder) == []  # the orphan is gone; ours holds it now
    assert Autosaver  # the running window's own file exists while the work is unsaved
    assert win.autosaver.file.exists()
    win.controller.undo_stack.setClean()


def test_declined_recovery_is_discarded(qtbot, settings, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    folder.mkdir()
    (folder / "autosave-999999.json").write_text(
        (Path(__file__).parents[2] / "resources/presets/hedged-pair.json").read_text()
    )
    (folder / "autosave-999999.meta").write_text(json.dumps({"original": None}))
    win = build_window(settings, autosave_folder=folder)
    qtbot.addWidget(win)
    win.files.ask_restore = lambda name, when: False
    assert not offer_recovery(win)
    assert "Brief example" in win.windowTitle()
    assert list(folder.iterdir()) == []


def test_a_corrupt_autosave_is_ignored(tmp_path: Path) -> None:
    (tmp_path / "autosave-999998.json").write_text("{ not json")
    assert find_recoveries(tmp_path) == []


def test_unexpected_errors_are_logged_and_shown(window: MainWindow, tmp_path: Path) -> None:
    import sys

    from marginlab.desktop.app import install_error_report

    shown: list[list[str]] = []
    window.files.show_error = lambda title, lines: shown.append(lines)
    original = sys.excepthook
    try:
        install_error_report(window)
        try:
            raise RuntimeError("boom")
        except RuntimeError as error:
            sys.excepthook(type(error), error, error.__traceback__)
    finally:
        sys.excepthook = original
    assert shown and shown[0][0] == "RuntimeError: boom"
    log = Path(shown[0][1].split("Details: ")[1])
    assert "raise RuntimeError" in log.read_text()


# --- issue 13: nothing in the autosave folder can stop the app or lose work -----------------


def _autosave(folder: Path, pid: int, preset: str = "hedged-pair.json") -> Path:
    folder.mkdir(exist_ok=True)
    file = folder / f"autosave-{pid}.json"
    file.write_text((Path(__file__).parents[2] / "resources/presets" / preset).read_text())
    return file


def _start(qtbot, settings, folder: Path, answer: bool | None = True) -> tuple[MainWindow, list]:
    win = build_window(settings, autosave_folder=folder)
    qtbot.addWidget(win)
    asked: list[str] = []
    win.files.ask_restore = lambda name, when: asked.append(name) or answer
    offer_recovery(win)
    win.files.maybe_keep_changes = lambda: True  # closing at teardown must not ask
    return win, asked


def test_an_odd_meta_loses_only_the_original_name(qtbot, settings, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    for pid, meta in ((999_991, "[1, 2]"), (999_992, '{"original": 123}'), (999_993, "{ not")):
        _autosave(folder, pid)
        (folder / f"autosave-{pid}.meta").write_text(meta)
    recoveries = find_recoveries(folder)
    assert len(recoveries) == 3 and all(r.original is None for r in recoveries)
    win, asked = _start(qtbot, settings, folder)
    assert asked == ["Hedged pair: BTC long and short on 5,000 USDT"]  # offered, restored
    assert "2 more unsaved scenarios" in win.statusBar().currentMessage()
    assert len(find_recoveries(folder)) == 2  # kept for the next start, not deleted
    win.controller.undo_stack.setClean()


def test_odd_entries_are_set_aside_and_the_app_starts(qtbot, settings, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    _autosave(folder, 10**20)  # a process id no system has
    os.mkfifo(folder / "autosave-999994.json")  # reading it would wait for good
    (folder / "autosave-999995.json").write_text("{ not json")
    win, asked = _start(qtbot, settings, folder)
    assert asked == []
    quarantine = sorted(p.name.rsplit(".", 1)[0] for p in (folder / "quarantine").iterdir())
    assert quarantine == [
        "autosave-100000000000000000000.json",
        "autosave-999994.json",
        "autosave-999995.json",
    ]
    message = win.statusBar().currentMessage()
    assert "autosave-999994.json: " in message and "set aside in" in message
    assert "Brief example" in win.windowTitle()


def test_two_crashed_instances_each_get_their_work_offered(qtbot, settings, tmp_path: Path) -> None:
    folder = tmp_path / "autosave"
    _autosave(folder, 999_996, "hedged-pair.json")
    _autosave(folder, 999_997, "core-plus-bet.json")
    _first, asked = _start(qtbot, settings, folder, answer=None)  # "Later" for both
    assert len(asked) == 2 and len(find_recoveries(folder)) == 2
    second, asked = _start(qtbot, settings, folder, answer=True)
    assert len(asked) == 1  # the newest restored; the other still waits, not deleted
    assert len(find_recoveries(folder)) == 1
    second.controller.undo_stack.setClean()


def test_an_autosave_folder_that_is_a_file_is_reported_truthfully(
    qtbot, settings, tmp_path: Path
) -> None:
    folder = tmp_path / "autosave"
    folder.write_text("not a folder")
    win, _ = _start(qtbot, settings, folder)
    assert "is not a folder" in win.statusBar().currentMessage()
    win.autosaver.write_now()  # nothing dirty: removes nothing, raises nothing
    win.controller.set_account("wallet_balance", "12345")
    win.autosaver.write_now()
    assert win.autosaver.problem.startswith("Autosave is off:")
    shown: list[list[str]] = []
    win.files.show_error = lambda title, lines: shown.append(lines)
    from marginlab.desktop.app import install_error_report

    original = sys.excepthook
    try:
        install_error_report(win)
        sys.excepthook(RuntimeError, RuntimeError("boom"), None)
    finally:
        sys.excepthook = original
    assert "autosaved" not in shown[0][1]  # no untrue comfort
    win.controller.undo_stack.setClean()


def test_a_last_file_that_never_ends_does_not_stop_the_start(
    qtbot, settings, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    for last in ("/dev/zero", str(fifo)):
        settings.setValue("files/last", last)
        win = build_window(settings, autosave_folder=tmp_path / "autosave")
        qtbot.addWidget(win)
        assert "Brief example" in win.windowTitle()


def test_a_huge_recent_files_list_is_cut(qtbot, settings, tmp_path: Path) -> None:
    settings.setValue("files/recent", [f"/nowhere/{i}.json" for i in range(200_000)])
    win = build_window(settings, autosave_folder=tmp_path / "autosave")
    qtbot.addWidget(win)
    assert len(win.files.recent()) == 8
