"""Linux release artefacts from the one-folder app (``dist/marginlab``, built by PyInstaller):

* ``dist/marginlab-VERSION-linux-x86_64.tar.gz``: the folder, to unpack anywhere;
* ``dist/marginlab_VERSION_amd64.deb``: the folder under ``/opt/marginlab``, ``marginlab`` and
  ``marginlab-cli`` on the PATH, a menu entry, the AppStream metainfo, the icon at the
  standard sizes and the scenario file type (``*.marginlab.json``).

Run by ``make package`` after PyInstaller. The icons are scaled from
``resources/icons/marginlab.png`` here, at build time (no generated binaries in the checkout).
Usage: python packaging/build_linux.py [DIST]
"""

from __future__ import annotations

import gzip
import os
import shutil
import subprocess
import sys
import tarfile
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path

ROOT = Path(__file__).parents[1]
HERE = ROOT / "packaging" / "linux"
ICON_SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
# What the bundle needs from the system (README, "The standalone app"; platform.md).
DEPENDS = "libc6 (>= 2.31), libegl1, libgl1, libfontconfig1"
# The window speaks Simplified Chinese too: a CJK font, any of the usual ones, draws it.
RECOMMENDS = "fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"


def version() -> str:
    sys.path.insert(0, str(ROOT))
    from marginlab.engine import __version__

    return __version__


def tarball(dist: Path, ver: str) -> Path:
    out = dist / f"marginlab-{ver}-linux-x86_64.tar.gz"
    # gzip's own default level: level 9 took three times as long for half a percent less.
    with tarfile.open(out, "w:gz", compresslevel=6) as archive:
        archive.add(dist / "marginlab", arcname=f"marginlab-{ver}")
    return out


def icons(into: Path) -> None:
    """The icon at each hicolor size, scaled by Qt (already a dependency of the build)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage

    _app = QGuiApplication.instance() or QGuiApplication([])
    source = QImage(str(ROOT / "resources" / "icons" / "marginlab.png"))
    for size in ICON_SIZES:
        folder = into / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        scaled = source.scaled(
            size,
            size,
            Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation,
        )
        if not scaled.save(str(folder / "marginlab.png"), "PNG"):
            raise SystemExit(f"could not write the {size} px icon")
    del _app


def deb(dist: Path, ver: str) -> Path:
    stage = dist / "deb-root"
    shutil.rmtree(stage, ignore_errors=True)
    opt = stage / "opt" / "marginlab"
    shutil.copytree(dist / "marginlab", opt, symlinks=True)
    bin_dir = stage / "usr" / "bin"
    bin_dir.mkdir(parents=True)
    for name in ("marginlab", "marginlab-cli"):
        (bin_dir / name).symlink_to(f"/opt/marginlab/{name}")
    share = stage / "usr" / "share"
    (share / "applications").mkdir(parents=True)
    shutil.copy(HERE / "marginlab.desktop", share / "applications" / "marginlab.desktop")
    (share / "metainfo").mkdir()
    metainfo = (HERE / "marginlab.metainfo.xml.in").read_text(encoding="utf-8")
    metainfo = metainfo.replace("@VERSION@", ver).replace("@DATE@", date.today().isoformat())
    (share / "metainfo" / "io.marginlab.MarginLab.metainfo.xml").write_text(
        metainfo, encoding="utf-8"
    )
    (share / "mime" / "packages").mkdir(parents=True)
    shutil.copy(HERE / "marginlab-mime.xml", share / "mime" / "packages" / "marginlab.xml")
    icons(share / "icons" / "hicolor")
    doc = share / "doc" / "marginlab"
    doc.mkdir(parents=True)
    shutil.copy(HERE / "copyright", doc / "copyright")
    changelog = (
        f"marginlab ({ver}) unstable; urgency=medium\n\n"
        "  * Release built from the repository (see its README).\n\n"
        f" -- Margin Lab <release@marginlab.invalid>  {_rfc2822()}\n"
    )
    with gzip.GzipFile(doc / "changelog.gz", "wb", mtime=0) as out:  # a native package
        out.write(changelog.encode())
    man = share / "man" / "man1"
    man.mkdir(parents=True)
    for page in sorted((HERE / "man").glob("*.1")):
        with gzip.GzipFile(man / f"{page.name}.gz", "wb", mtime=0) as out:
            out.write(page.read_bytes())
    overrides = share / "lintian" / "overrides"
    overrides.mkdir(parents=True)
    shutil.copy(HERE / "lintian-overrides", overrides / "marginlab")
    control = stage / "DEBIAN"
    control.mkdir()
    size_kb = sum(p.lstat().st_size for p in stage.rglob("*") if p.is_file()) // 1024
    (control / "control").write_text(
        f"Package: marginlab\nVersion: {ver}\nArchitecture: amd64\n"
        "Maintainer: Margin Lab <release@marginlab.invalid>\n"
        f"Installed-Size: {size_kb}\nDepends: {DEPENDS}\nRecommends: {RECOMMENDS}\n"
        "Section: misc\nPriority: optional\n"
        "Homepage: https://marginlab.invalid/\n"
        "Description: isolated vs cross margin, side by side, before you open\n"
        " Margin Lab shows where a derivatives position's margin comes from and where\n"
        " its loss boundary lies, under isolated and under cross margin, with the\n"
        " venues' own tier tables; a calculator and a pre-trade check. Offline.\n",
        encoding="utf-8",
    )
    for path in stage.rglob("*"):  # dpkg wants sane modes whatever the umask was
        if path.is_symlink():
            continue
        library = ".so" in path.name  # libX.so.6: loaded, never run (lintian wants 0644)
        runnable = path.is_dir() or (os.access(path, os.X_OK) and not library)
        path.chmod(0o755 if runnable else 0o644)
    out = dist / f"marginlab_{ver}_amd64.deb"
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zxz", "-z1", "--build", str(stage), str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    shutil.rmtree(stage)
    return out


def _rfc2822() -> str:
    return date.today().strftime("%a, %d %b %Y 00:00:00 +0000")


def main() -> int:
    dist = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "dist"
    if not (dist / "marginlab" / "marginlab").exists():
        print(f"{dist / 'marginlab'} is missing: run PyInstaller first", file=sys.stderr)
        return 1
    ver = version()
    # Both compress the same folder on one core each (zlib lets go of the GIL).
    with ThreadPoolExecutor(max_workers=1) as other_core:
        archive = other_core.submit(tarball, dist, ver)
        package = deb(dist, ver)
        print(archive.result())
    print(package)
    return 0


if __name__ == "__main__":
    sys.exit(main())
