"""The Linux release artefacts `make package` builds (issue 20): the tarball and the .deb pass
Debian's validators, and the .deb installs, runs from the installed paths (self-test, CLI, a
real X window), and removes without leaving anything behind."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import tarfile
from pathlib import Path

import pytest

from marginlab.engine import __version__
from tests.packaging.conftest import (
    ROOT,
    clean_env,
    debian_turn,
    ensure_debian_packages,
    x_window_opens,
)

DIST = ROOT / "dist"
DEB = DIST / f"marginlab_{__version__}_amd64.deb"
TARBALL = DIST / f"marginlab-{__version__}-linux-x86_64.tar.gz"
SEED = ROOT / "resources" / "presets" / "seed-example.json"
INSTALLED = [
    Path("/opt/marginlab"),
    Path("/usr/bin/marginlab"),
    Path("/usr/bin/marginlab-cli"),
    Path("/usr/share/applications/marginlab.desktop"),
    Path("/usr/share/metainfo/io.marginlab.MarginLab.metainfo.xml"),
    Path("/usr/share/mime/packages/marginlab.xml"),
    Path("/usr/share/icons/hicolor/256x256/apps/marginlab.png"),
    Path("/usr/share/doc/marginlab"),
    Path("/usr/share/man/man1/marginlab.1.gz"),
]


@pytest.fixture(scope="module")
def deb() -> Path:
    if not DEB.exists():
        pytest.fail(f"{DEB.name} is missing: run `make package` first (make test does)")
    return DEB


@pytest.fixture(scope="module")
def unpacked(deb: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    into = tmp_path_factory.mktemp("deb")
    subprocess.run(["dpkg-deb", "-x", str(deb), str(into)], check=True)
    return into


def test_the_tarball_holds_the_app() -> None:
    assert TARBALL.exists(), "run `make package`"
    with tarfile.open(TARBALL) as archive:
        names = set(archive.getnames())
    top = f"marginlab-{__version__}"
    assert {f"{top}/marginlab", f"{top}/marginlab-cli"} <= names


def test_the_deb_declares_what_it_needs(deb: Path) -> None:
    fields = subprocess.run(
        ["dpkg-deb", "-f", str(deb), "Package", "Version", "Architecture", "Depends"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"Version: {__version__}" in fields and "Architecture: amd64" in fields
    for library in ("libc6", "libegl1", "libgl1", "libfontconfig1"):
        assert library in fields


def test_menu_entry_metainfo_and_icons_validate(unpacked: Path) -> None:
    ensure_debian_packages(["desktop-file-utils", "appstream"])
    desktop = unpacked / "usr/share/applications/marginlab.desktop"
    done = subprocess.run(
        ["desktop-file-validate", str(desktop)], capture_output=True, text=True, check=False
    )
    assert done.returncode == 0 and not done.stdout.strip(), done.stdout + done.stderr
    assert "MimeType=application/x-marginlab-scenario;" in desktop.read_text()
    metainfo = unpacked / "usr/share/metainfo/io.marginlab.MarginLab.metainfo.xml"
    done = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(metainfo)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    for size in (16, 22, 24, 32, 48, 64, 128, 256, 512):
        icon = unpacked / f"usr/share/icons/hicolor/{size}x{size}/apps/marginlab.png"
        header = icon.read_bytes()[:24]
        assert header.startswith(b"\x89PNG")
        assert int.from_bytes(header[16:20], "big") == size  # the PNG's own width


def test_lintian_passes(deb: Path) -> None:
    ensure_debian_packages(["lintian"])
    done = subprocess.run(
        ["lintian", "--tag-display-limit", "0", str(deb)],
        capture_output=True,
        text=True,
        check=False,
    )
    problems = [line for line in done.stdout.splitlines() if line.startswith(("E:", "W:"))]
    assert done.returncode == 0 and not problems, "\n".join(problems) + done.stderr


def _dpkg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    with debian_turn():
        return subprocess.run(["dpkg", *args], capture_output=True, text=True, env=env, check=False)


def test_install_run_and_remove_leave_nothing_behind(deb: Path, tmp_path: Path) -> None:
    if os.geteuid() != 0 or shutil.which("dpkg") is None:
        pytest.skip("installing a .deb needs root on Debian (CI runs as root)")
    ensure_debian_packages(["libegl1", "libgl1", "libfontconfig1"])
    _dpkg("--purge", "marginlab")  # a run stopped half-way must not decide this one
    try:
        done = _dpkg("-i", str(deb))
        assert done.returncode == 0, done.stdout + done.stderr
        for path in INSTALLED:
            assert path.exists(), path
        env = {**clean_env(tmp_path), "QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"}
        test = subprocess.run(
            ["marginlab", "--self-test", "--self-test-png", str(tmp_path / "shot.png")],
            capture_output=True,
            text=True,
            timeout=120,
            env=env,
            check=False,
        )
        assert test.returncode == 0 and test.stdout.startswith("self-test passed"), test.stderr
        cli = subprocess.run(
            ["marginlab-cli", "evaluate", str(SEED), "--json"],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
        assert cli.returncode == 0, cli.stderr
        b = json.loads(cli.stdout)["variants"]["cross"]["positions"]["B"]
        assert round(b["liquidation_price"], 2) == 25_401.61
        x_window_opens(Path("/usr/bin/marginlab"), tmp_path)
    finally:
        removed = _dpkg("--purge", "marginlab")
    assert removed.returncode == 0, removed.stdout + removed.stderr
    left = [str(p) for p in INSTALLED if p.exists() or p.is_symlink()]
    assert not left, f"left behind after removal: {left}"
