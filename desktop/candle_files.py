"""The question for a CSV of candles, shared by the Replay and Risk tabs. It starts where the
last one was picked: the Risk tab asks once per symbol, and each question began at the home
folder again, however deep the first file lay."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog, QWidget

_last_folder: list[Path] = []  # the folder of the last file picked, this session


def ask_candles(parent: QWidget, title: str, file_filter: str) -> Path | None:
    """A CSV file the trader picks, or None on Cancel."""
    start = _last_folder[-1] if _last_folder and _last_folder[-1].is_dir() else Path.home()
    file = QFileDialog.getOpenFileName(parent, title, str(start), file_filter)[0]
    if not file:
        return None
    _last_folder[:] = [Path(file).parent]
    return Path(file)
