"""What macOS and Windows need to know about the app (issue 20), for ``build.spec``: the
Info.plist of the ``.app`` bundle (id, version, Retina, the scenario document type) and the
Windows version resource. Plain data, so the tests check it on Linux, where the spec's macOS
and Windows branches never run (PyInstaller does not cross-compile)."""

from __future__ import annotations

BUNDLE_ID = "io.marginlab.MarginLab"
NAME = "Margin Lab"
SCENARIO_UTI = "io.marginlab.scenario"
SCENARIO_EXTENSIONS = ("marginlab.json",)


def info_plist(version: str) -> dict[str, object]:
    """Info.plist keys (Apple "Information Property List Key Reference"): identity, version,
    high-resolution rendering, and scenario files (``*.marginlab.json``) opening in the app."""
    return {
        "CFBundleName": NAME,
        "CFBundleDisplayName": NAME,
        "CFBundleIdentifier": BUNDLE_ID,
        "CFBundleShortVersionString": version,
        "CFBundleVersion": version,
        "NSHighResolutionCapable": True,
        "LSMinimumSystemVersion": "11.0",
        "NSHumanReadableCopyright": "© 2026 Margin Lab",
        "UTExportedTypeDeclarations": [
            {
                "UTTypeIdentifier": SCENARIO_UTI,
                "UTTypeDescription": "Margin Lab scenario",
                "UTTypeConformsTo": ["public.json"],
                "UTTypeTagSpecification": {"public.filename-extension": list(SCENARIO_EXTENSIONS)},
            }
        ],
        "CFBundleDocumentTypes": [
            {
                "CFBundleTypeName": "Margin Lab scenario",
                "CFBundleTypeRole": "Editor",
                "LSHandlerRank": "Owner",
                "LSItemContentTypes": [SCENARIO_UTI],
            }
        ],
    }


def _version_tuple(version: str) -> tuple[int, int, int, int]:
    parts = [int(p) for p in version.split(".")[:4] if p.isdigit()]
    padded = [*parts, 0, 0, 0, 0][:4]
    return padded[0], padded[1], padded[2], padded[3]


def windows_version_info(version: str, executable: str) -> str:
    """A version resource in PyInstaller's ``VSVersionInfo`` text form (PyInstaller manual,
    "Capturing Windows Version Data"): what Explorer's Properties → Details shows."""
    numbers = _version_tuple(version)
    fields = {
        "CompanyName": NAME,
        "FileDescription": f"{NAME}: isolated vs cross margin",
        "FileVersion": version,
        "InternalName": executable,
        "LegalCopyright": "© 2026 Margin Lab",
        "OriginalFilename": f"{executable}.exe",
        "ProductName": NAME,
        "ProductVersion": version,
    }
    strings = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in fields.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '040904B0',
        [
{strings}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [1033, 1200])])
  ]
)
"""
