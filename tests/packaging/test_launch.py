"""The `marginlab` launcher: what `make run` and the frozen app start through."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

MARGINLAB = Path(sys.executable).with_name("marginlab")


def _import_order(*args: str) -> list[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [
            sys.executable,
            "-X",
            "importtime",
            "-c",
            "import sys; from marginlab.desktop.launch import main; sys.exit(main(sys.argv[1:]))",
            *args,
        ],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return [
        line.rsplit("|", 1)[1].strip()
        for line in done.stderr.splitlines()
        if line.startswith("import time:") and "|" in line
    ]


def test_the_installed_script_goes_through_the_launcher() -> None:
    if not MARGINLAB.exists():
        pytest.skip("marginlab script not installed in this environment")
    assert "desktop.launch" in MARGINLAB.read_text()


def test_the_engine_is_imported_before_qt() -> None:
    """Modules imported after PySide6 pass through shiboken's import hook; the engine (and
    pydantic, numpy) must come first, or start-up is ~30 ms slower (bench/gui_latency.py)."""
    order = _import_order("--version")
    assert order.index("marginlab.engine.margin.models") < order.index("PySide6")
    assert order.index("numpy") < order.index("PySide6")


def test_the_app_icon_loads(qapp) -> None:
    from marginlab.desktop.app import app_icon

    icon = app_icon()
    assert not icon.isNull()
    assert icon.pixmap(64, 64).width() == 64


def test_the_launcher_spares_the_source_scan_before_pyqtgraph_and_looks_for_no_plugin() -> None:
    """The quick check and the on-demand copies (``qt_mirrors``) are in place before pyqtgraph's
    270 modules are imported, and pydantic's plugin loader (with ``importlib.metadata``) is
    never imported (bench/gui_latency.py)."""
    order = _import_order("--version")
    assert order.index("marginlab.desktop.pyside_scan") < order.index("pyqtgraph")
    assert order.index("marginlab.desktop.qt_mirrors") < order.index("pyqtgraph")
    assert "importlib.metadata" not in order
    assert "pydantic.plugin._loader" not in order
