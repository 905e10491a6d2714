"""Autosave of the unsaved working scenario, and recovery after a crash or a kill.

Each running app writes ``autosave-<pid>.json`` in the per-user state folder a few seconds
after every change (atomically, like a save) and deletes it when the work is saved or
discarded. A file whose process is gone is what a crash left behind: the next start offers it.
"""

from __future__ import annotations

import contextlib
import json
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from shiboken6 import isValid

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.i18n import tr
from marginlab.engine.files.bounded import ReadError, read_bounded
from marginlab.engine.files.scenario_io import (
    MAX_FILE_BYTES,
    ScenarioError,
    parse_scenario,
    save_scenario,
    write_atomic,
)
from marginlab.engine.margin.models import Scenario

DELAY_MS = 3000


def autosave_folder() -> Path:
    from platformdirs import user_state_dir

    return Path(user_state_dir("MarginLab", appauthor=False)) / "autosave"


@dataclass(frozen=True, slots=True)
class Recovery:
    """An autosave left by a process that is no longer running."""

    file: Path
    scenario: Scenario
    original: Path | None
    saved_at: float


@dataclass(frozen=True, slots=True)
class Scan:
    """What the autosave folder holds: work to offer, entries set aside, or why it is unusable."""

    recoveries: list[Recovery]
    set_aside: list[str] = field(default_factory=list)  # one line each, in the user's words
    problem: str | None = None


MAX_PID = 2**31 - 1
MAX_META_BYTES = 64 * 1024


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError, OverflowError):
        return True  # exists (another user's), or cannot tell: leave it alone
    return True


def scan_autosaves(folder: Path | None = None) -> Scan:
    """Every autosave whose process has gone, newest first. An entry that cannot be read (not
    a regular file, not a scenario, an odd name) is moved to ``quarantine/`` beside it and
    named in ``set_aside``; nothing here can stop the app from starting."""
    folder = folder or autosave_folder()
    if not folder.exists():
        return Scan([])
    if not folder.is_dir():
        return Scan(
            [],
            problem=tr("{folder} is not a folder: unsaved work is not autosaved").format(
                folder=folder
            ),
        )
    found: list[Recovery] = []
    aside: list[str] = []
    try:
        entries = sorted(folder.glob("autosave-*.json"))
    except OSError as error:
        return Scan(
            [],
            problem=tr("{folder} cannot be read ({reason})").format(
                folder=folder, reason=error.strerror or error
            ),
        )
    for file in entries:
        pid_text = file.stem.split("-", 1)[1]
        if not (pid_text.isdigit() and 0 < int(pid_text) <= MAX_PID):
            aside.append(_quarantine(folder, file, tr("not a name Margin Lab writes")))
            continue
        if _alive(int(pid_text)):
            continue  # another running window's work
        try:
            scenario = parse_scenario(read_bounded(file, MAX_FILE_BYTES, "autosave"))
        except (ReadError, ScenarioError) as error:
            reason = str(error).splitlines()[0] if str(error) else tr("unreadable")
            aside.append(_quarantine(folder, file, reason))
            continue
        found.append(Recovery(file, scenario, _original(file), _mtime(file)))
    return Scan(sorted(found, key=lambda r: r.saved_at, reverse=True), aside)


def find_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Autosaves whose process has gone, newest first (odd entries are set aside)."""
    return scan_autosaves(folder).recoveries


def _original(file: Path) -> Path | None:
    """The file the work came from, when its metadata says so; an unreadable or odd
    ``.meta`` only loses that name, never the work."""
    try:
        info = json.loads(read_bounded(file.with_suffix(".meta"), MAX_META_BYTES, "autosave"))
    except (ReadError, ValueError):
        return None
    original = info.get("original") if isinstance(info, dict) else None
    return Path(original) if isinstance(original, str) and original else None


def _mtime(file: Path) -> float:
    try:
        return file.stat().st_mtime
    except OSError:
        return 0.0


def _quarantine(folder: Path, file: Path, reason: str) -> str:
    """Move ``file`` (and its companions) to ``quarantine/``; say where, or why not."""
    target = folder / "quarantine"
    try:
        target.mkdir(exist_ok=True)
        for companion in (file, file.with_suffix(".meta"), file.with_name(file.name + ".bak")):
            if companion.exists() or companion.is_symlink():
                os.replace(companion, target / f"{companion.name}.{os.getpid()}")
    except OSError as error:
        return tr("{file}: {reason}; could not be set aside ({error})").format(
            file=file.name, reason=reason, error=error.strerror or error
        )
    return tr("{file}: {reason}; set aside in {folder}").format(
        file=file.name, reason=reason, folder=target
    )


def discard(recovery: Recovery) -> None:
    """Delete an autosave the user chose not to keep."""
    for file in (
        recovery.file,
        recovery.file.with_suffix(".meta"),
        recovery.file.with_name(recovery.file.name + ".bak"),
    ):
        with contextlib.suppress(OSError):
            file.unlink(missing_ok=True)


class Autosaver(QObject):
    """Writes the controller's scenario a few seconds after each change while it is dirty."""

    problemChanged = Signal(str)  # "" when autosaving works (again)

    def __init__(
        self, controller: ScenarioController, folder: Path | None = None, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(controller)
        self._controller = controller
        self._folder = folder
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.write_now)
        self.problem = ""
        controller.scenarioChanged.connect(self._on_changed)
        controller.undo_stack.cleanChanged.connect(self._on_changed)

    @cached_property
    def folder(self) -> Path:
        # Resolved on first use: finding the per-user folder is not worth delaying the window.
        return self._folder or autosave_folder()

    @cached_property
    def file(self) -> Path:
        return self.folder / f"autosave-{os.getpid()}.json"

    def _on_changed(self, *_: object) -> None:
        if not isValid(self._controller.undo_stack):
            return  # the stack announces its own destruction: nothing left to save
        if self._controller.is_dirty():
            self._timer.start()
        else:
            self._timer.stop()
            self.remove()

    def write_now(self) -> None:
        """Write the autosave now (or remove it when nothing is unsaved)."""
        if not self._controller.is_dirty():
            self.remove()
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            save_scenario(self._controller.file_scenario, self.file)
            path = self._controller.path
            meta = {"original": str(path) if path else None, "pid": os.getpid()}
            write_atomic(self.file.with_suffix(".meta"), json.dumps(meta).encode("utf-8"))
        except OSError as error:
            # A full disk or a folder that is a file must not take the session down: say so
            # (truthfully: the work is not autosaved), and retry at the next change.
            self._set_problem(
                tr("Autosave is off: {folder} cannot be written ({reason})").format(
                    folder=self.folder, reason=error.strerror or error
                )
            )
        else:
            self._set_problem("")

    def _set_problem(self, text: str) -> None:
        if text != self.problem:
            self.problem = text
            self.problemChanged.emit(text)

    def remove(self) -> None:
        for file in (
            self.file,
            self.file.with_suffix(".meta"),
            self.file.with_name(self.file.name + ".bak"),
        ):
            with contextlib.suppress(OSError):  # e.g. the folder is a file: nothing to remove
                file.unlink(missing_ok=True)
