"""The frozen app: built once by `make package` before these tests run (see Makefile)."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
BUNDLE = ROOT / "dist" / "marginlab"

# What a real X window needs beyond the offscreen set (shared/reference/platform.md).
X_PACKAGES = [
    "xvfb",
    "xauth",
    "xdotool",
    "libxcb-cursor0",
    "libxcb-icccm4",
    "libxcb-keysyms1",
    "libxcb-shape0",
    "libxkbcommon-x11-0",
]


def ensure_debian_packages(packages: list[str]) -> None:
    """Install what is missing (CI runs as root on Debian); skip the test if we cannot."""
    missing = [
        p
        for p in packages
        if subprocess.run(
            ["dpkg-query", "-W", "-f=${Status}", p], capture_output=True, text=True, check=False
        ).stdout
        != "install ok installed"
    ]
    if not missing:
        return
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        pytest.skip(f"needs Debian packages {missing} and cannot install them")
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    subprocess.run(["apt-get", "update", "-qq"], check=True, env=env)
    subprocess.run(
        ["apt-get", "install", "-y", "-qq", "--no-install-recommends", *missing],
        check=True,
        env=env,
    )


@pytest.fixture(scope="session")
def bundle() -> Path:
    if not (BUNDLE / "marginlab").exists():
        pytest.fail("dist/marginlab is missing: run `make package` first (make test does)")
    return BUNDLE


def clean_env(home: Path) -> dict[str, str]:
    """No Python on PATH, no Python variables, a fresh home: what a user's machine has."""
    empty = home / "empty-bin"
    empty.mkdir(exist_ok=True)
    keep = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "QT_")) and k != "PATH"
    }
    return {
        **keep,
        "PATH": str(empty),
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_DATA_HOME": str(home / ".local/share"),
        "XDG_STATE_HOME": str(home / ".local/state"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }


def tree(folder: Path) -> dict[str, tuple[int, float]]:
    return {
        str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime)
        for p in folder.rglob("*")
        if p.is_file()
    }


def x_window_opens(executable: Path, home: Path) -> None:
    """Start Xvfb, run ``executable`` with no Python on PATH, find its window "Margin Lab",
    check that it stays up for two seconds, then close both."""
    ensure_debian_packages(X_PACKAGES)
    display = f":{70 + (os.getpid() + len(str(executable))) % 20}"
    xvfb = subprocess.Popen(
        ["Xvfb", display, "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    app = None
    try:
        time.sleep(1.0)
        env = {**clean_env(home), "DISPLAY": display}
        app = subprocess.Popen(
            [executable], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
        found = ""
        for _ in range(40):  # up to 10 s for the first window
            time.sleep(0.25)
            assert app.poll() is None, app.communicate()[1]
            search = subprocess.run(
                [shutil.which("xdotool") or "xdotool", "search", "--name", "Margin Lab"],
                capture_output=True,
                text=True,
                env={**os.environ, "DISPLAY": display},
                check=False,
            )
            found = search.stdout.strip()
            if found:
                break
        assert found, "no window titled 'Margin Lab' appeared"
        time.sleep(2.0)
        assert app.poll() is None, "the app quit by itself"
    finally:
        if app is not None:
            app.terminate()
            app.wait(timeout=10)
        xvfb.terminate()
        xvfb.wait(timeout=10)
