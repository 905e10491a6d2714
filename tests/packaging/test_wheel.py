"""The wheel: one top-level package, two entry points, and the data found from it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

ROOT = Path(__file__).parents[2]


def _wheel(tmp_path: Path) -> Path:
    """Build from a clean copy of the tracked files: a stale build/ folder in the checkout
    would otherwise put modules that no longer exist into the wheel."""
    source = tmp_path / "source"
    files = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True
    ).stdout.split(b"\0")
    for name in filter(None, files):
        target = source / os.fsdecode(name)
        if not (ROOT / os.fsdecode(name)).exists():
            continue  # deleted in the working tree, not yet committed
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / os.fsdecode(name), target)
    out = tmp_path / "wheel"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-q",
            "-w",
            str(out),
            str(source),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("marginlab-*.whl"))


def test_the_wheel_installs_one_top_level_package_and_two_entry_points(tmp_path: Path) -> None:
    wheel = zipfile.ZipFile(_wheel(tmp_path))
    names = wheel.namelist()
    top = {name.split("/")[0] for name in names}
    assert {t for t in top if not t.endswith(".dist-info")} == {"marginlab"}
    assert {n.split("/")[1] for n in names if n.startswith("marginlab/")} == {
        "engine",
        "desktop",
        "cli",
        "resources",
    }
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    text = wheel.read(entry_points).decode()
    assert "marginlab-cli = marginlab.cli.launch:main" in text
    assert "marginlab = marginlab.desktop.launch:main" in text


def test_tables_load_from_a_built_wheel(tmp_path: Path) -> None:
    """Build the wheel and read a table and a preset from it, away from the checkout."""
    wheel = _wheel(tmp_path)
    unpacked = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(unpacked)
    probe = (
        "import marginlab.engine as engine, marginlab.resources as data;"
        "from marginlab.engine.files.presets import load_preset;"
        "from marginlab.engine.margin.rules import rule_table;"
        f"assert engine.__file__.startswith({str(unpacked)!r}), engine.__file__;"
        f"assert data.__file__.startswith({str(unpacked)!r}), data.__file__;"
        "print(rule_table('binance-usdm')['as_of'], load_preset('seed-example.json').name)"
    )
    # -S skips site-packages' .pth files, so the editable checkout cannot answer for the wheel.
    path = os.pathsep.join([str(unpacked), sysconfig.get_paths()["purelib"]])
    done = subprocess.run(
        [sys.executable, "-S", "-c", probe],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={"PYTHONPATH": path},
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("2026-07-02 Brief example")
