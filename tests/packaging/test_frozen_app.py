"""The one-folder app as a user gets it: self-test, CLI, a real X window, nothing written
beside it, within the size budget."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from marginlab.engine.files.presets import preset_list
from tests.packaging.conftest import clean_env, tree, x_window_opens

SEED = Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json"


def test_self_test_passes_without_python(bundle: Path, tmp_path: Path) -> None:
    png = tmp_path / "shot.png"
    done = subprocess.run(
        [bundle / "marginlab", "--self-test", "--self-test-png", str(png)],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean_env(tmp_path), "QT_QPA_PLATFORM": "offscreen"},
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    presets = len(preset_list())  # every bundled preset travels with the app
    assert done.stdout.startswith(
        f"self-test passed: 5 rule sets, {presets} presets, B liquidates at "
        "45,180.72 isolated / 25,401.61 cross"
    )
    assert png.read_bytes().startswith(b"\x89PNG") and png.stat().st_size > 20_000


def test_cli_in_the_bundle(bundle: Path, tmp_path: Path) -> None:
    env = clean_env(tmp_path)
    done = subprocess.run(
        [bundle / "marginlab-cli", "evaluate", str(SEED), "--json"],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert round(report["variants"]["cross"]["positions"]["B"]["liquidation_price"], 2) == 25_401.61
    bad = subprocess.run(
        [bundle / "marginlab-cli", "evaluate", str(tmp_path / "none.json")],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        check=False,
    )
    assert bad.returncode == 2 and "cannot be read" in bad.stderr and "Traceback" not in bad.stderr


def test_size_budget(bundle: Path) -> None:
    # PyInstaller links some Qt libraries into place: count each file once, as `du` does.
    size = sum(p.lstat().st_size for p in bundle.rglob("*") if p.is_file() and not p.is_symlink())
    assert size <= 200_000_000, f"one-folder bundle is {size / 1e6:.1f} MB"


def test_real_x_window_for_a_few_seconds(bundle: Path, tmp_path: Path) -> None:
    """Start Xvfb ourselves, run the frozen app with no Python on PATH, find its window."""
    before = tree(bundle)
    x_window_opens(bundle / "marginlab", tmp_path)
    assert tree(bundle) == before, "the app wrote beside itself"
    written = [str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*") if p.is_file()]
    assert all(p.startswith((".config", ".local", ".cache")) for p in written), written


@pytest.mark.parametrize("args", [["--version"], ["--help"]])
def test_gui_arguments(bundle: Path, tmp_path: Path, args: list[str]) -> None:
    done = subprocess.run(
        [bundle / "marginlab", *args],
        capture_output=True,
        text=True,
        timeout=60,
        env=clean_env(tmp_path),
        check=False,
    )
    assert done.returncode == 0
    assert "marginlab" in done.stdout
