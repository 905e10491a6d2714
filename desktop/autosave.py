"""Autosave of the unsaved working scenario, and recovery after a crash or a kill.

Each running app writes ``autosave-<pid>.json`` in the per-user state folder a few seconds
after every change (atomically, like a save) and deletes it when the work is saved or
discarded. A file whose process is gone is what a crash left behind: the next start offers it.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from PySide6.QtCore import QObject, QTimer
from shiboken6 import isValid

from marginlab.desktop.controller import ScenarioController
from marginlab.engine.files.scenario_io import ScenarioError, parse_scenario, save_scenario
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


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists (another user's), or cannot tell: leave it alone
    return True


def find_recoveries(folder: Path | None = None) -> list[Recovery]:
    """Autosaves whose process has gone, newest first; unreadable ones are skipped."""
    folder = folder or autosave_folder()
    found = []
    for file in folder.glob("autosave-*.json"):
        try:
            pid = int(file.stem.split("-", 1)[1])
        except ValueError:
            continue
        if _alive(pid):
            continue
        meta = file.with_suffix(".meta")
        try:
            scenario = parse_scenario(file.read_bytes())
            info = json.loads(meta.read_text("utf-8")) if meta.exists() else {}
        except (OSError, ScenarioError, ValueError):
            continue
        original = info.get("original")
        found.append(
            Recovery(file, scenario, Path(original) if original else None, file.stat().st_mtime)
        )
    return sorted(found, key=lambda r: r.saved_at, reverse=True)


def discard(recovery: Recovery) -> None:
    recovery.file.unlink(missing_ok=True)
    recovery.file.with_suffix(".meta").unlink(missing_ok=True)
    recovery.file.with_name(recovery.file.name + ".bak").unlink(missing_ok=True)


class Autosaver(QObject):
    """Writes the controller's scenario a few seconds after each change while it is dirty."""

    def __init__(
        self, controller: ScenarioController, folder: Path | None = None, delay_ms: int = DELAY_MS
    ) -> None:
        super().__init__(controller)
        self._controller = controller
        self._folder = folder
        self._timer = QTimer(self, singleShot=True, interval=delay_ms)
        self._timer.timeout.connect(self.write_now)
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
            save_scenario(self._controller.scenario, self.file)
            path = self._controller.path
            meta = {"original": str(path) if path else None, "pid": os.getpid()}
            self.file.with_suffix(".meta").write_text(json.dumps(meta), "utf-8")
        except OSError:
            pass  # a full disk must not take the session down; the next change retries

    def remove(self) -> None:
        for file in (
            self.file,
            self.file.with_suffix(".meta"),
            self.file.with_name(self.file.name + ".bak"),
        ):
            file.unlink(missing_ok=True)
