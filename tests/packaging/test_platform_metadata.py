"""macOS and Windows metadata in the spec (issue 20), checked here on Linux, where those
branches of ``build.spec`` never run: the Info.plist is a valid plist with the bundle id, the
version, Retina and the scenario document type; the Windows version resource parses in
PyInstaller's VSVersionInfo form; the spec uses both."""

from __future__ import annotations

import ast
import plistlib
import sys
from pathlib import Path
from typing import Any

from marginlab.engine import __version__

ROOT = Path(__file__).parents[2]
sys.path.insert(0, str(ROOT / "packaging"))
from platform_metadata import BUNDLE_ID, info_plist, windows_version_info  # noqa: E402


def test_info_plist_is_a_valid_plist_with_the_document_type() -> None:
    plist = plistlib.loads(plistlib.dumps(info_plist(__version__)))
    assert plist["CFBundleIdentifier"] == BUNDLE_ID
    assert plist["CFBundleShortVersionString"] == __version__
    assert plist["NSHighResolutionCapable"] is True
    exported = plist["UTExportedTypeDeclarations"][0]
    (document,) = plist["CFBundleDocumentTypes"]
    assert document["LSItemContentTypes"] == [exported["UTTypeIdentifier"]]
    extensions = exported["UTTypeTagSpecification"]["public.filename-extension"]
    assert extensions == ["marginlab.json"]


class _Record:
    """Stands in for PyInstaller's version-resource classes: keeps what it was given."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.args, self.kwargs = args, kwargs


def test_windows_version_resource_parses() -> None:
    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")  # fmt: skip
    namespace = {name: type(name, (_Record,), {}) for name in names}
    info = eval(windows_version_info("1.2.3", "marginlab"), namespace)
    fixed = info.kwargs["ffi"].kwargs
    assert fixed["filevers"] == (1, 2, 3, 0) == fixed["prodvers"]
    table = info.kwargs["kids"][0].args[0][0]
    strings = {s.args[0]: s.args[1] for s in table.args[1]}
    assert strings["ProductName"] == "Margin Lab"
    assert strings["FileVersion"] == "1.2.3"
    assert strings["OriginalFilename"] == "marginlab.exe"


def test_the_spec_uses_both_on_their_systems() -> None:
    spec = (ROOT / "build.spec").read_text(encoding="utf-8")
    tree = ast.parse(spec)
    calls = [
        node for node in ast.walk(tree) if isinstance(node, ast.Call) and hasattr(node.func, "id")
    ]
    bundles = [c for c in calls if c.func.id == "BUNDLE"]  # type: ignore[attr-defined]
    assert bundles, "no macOS BUNDLE step"
    keywords = {k.arg for k in bundles[0].keywords}
    assert {"bundle_identifier", "info_plist", "icon"} <= keywords
    exes = [c for c in calls if c.func.id == "EXE"]  # type: ignore[attr-defined]
    assert len(exes) == 4  # one-file and one-folder, GUI and CLI
    for exe in exes:
        assert any(
            isinstance(k.value, ast.Call) and getattr(k.value.func, "id", "") == "version_file"
            for k in exe.keywords
            if k.arg is None
        ), "an EXE without its Windows version resource"
    workflow = (ROOT / ".github" / "workflows" / "desktop-builds.yml").read_text()
    assert "windows-latest" in workflow and "macos-latest" in workflow
