"""The frozen app: built once by `make package` before these tests run (see Makefile)."""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
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


@contextlib.contextmanager
def debian_turn() -> Iterator[None]:
    """Wait for the other test worker's apt or dpkg to finish: both take the system's one
    package lock and fail at once, not wait, when it is held (``make frozen`` runs two)."""
    import fcntl  # these tests run on Debian only

    with open(Path(tempfile.gettempdir()) / "marginlab-tests-dpkg.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def ensure_debian_packages(packages: list[str]) -> None:
    """Install what is missing (CI runs as root on Debian); skip the test if we cannot."""
    with debian_turn():
        _install_missing(packages)


def _install_missing(packages: list[str]) -> None:
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
    # Xvfb picks a free display and writes its number once it accepts clients: two test
    # workers each start one, and neither waits a fixed time.
    read_end, write_end = os.pipe()
    xvfb = subprocess.Popen(
        ["Xvfb", "-displayfd", str(write_end), "-screen", "0", "1600x1000x24", "-nolisten", "tcp"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        pass_fds=(write_end,),
    )
    os.close(write_end)
    app = None
    try:
        with os.fdopen(read_end) as told:
            number = told.readline().strip()
        assert number.isdigit(), "Xvfb did not start"
        display = f":{number}"
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


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Lintian takes most of this folder's minute on one core: it starts first, so that the
    other test worker (``make frozen`` runs two, ``--dist worksteal``) does the rest meanwhile."""
    items.sort(key=lambda item: item.name != "test_lintian_passes")
