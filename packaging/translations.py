"""The translation catalogue: find the strings, keep the .ts current, compile it (issue 20).

    python packaging/translations.py update        # add new strings to the .ts, drop gone ones
    python packaging/translations.py fill F.json   # put translations (source -> text) in
    python packaging/translations.py check         # exit 1 when a string is missing or untranslated
    python packaging/translations.py compile DIR   # pyside6-lrelease: .ts -> DIR/*.qm

The strings are the literals in ``tr("...")`` and ``N_("...")`` calls of the desktop face and in
``say("...")`` calls of the engine (``desktop/i18n.py``, ``engine/text/said.py``). Qt's own
``pyside6-lupdate`` does not know these helpers, so the same job is done here with ``ast``; the
file written is a standard Qt Linguist .ts, which Linguist opens and ``pyside6-lrelease``
compiles.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CATALOGUES = ROOT / "translations"
LANGUAGES = ("zh_CN",)
CONTEXT = "MarginLab"
MARKERS = {"desktop": ("tr", "N_"), "engine": ("say",), "cli": ()}
FIELD = re.compile(r"\{(\w*)[^{}]*\}")
ENGINE_TEMPLATES = "engine_messages.json"
FIELD_NAME = re.compile(r"^[a-z_]+: ")


@dataclass(frozen=True)
class Found:
    source: str
    where: str  # "desktop/main_window.py:120"


def find_strings(root: Path = ROOT) -> list[Found]:
    """Every marked literal, in file order, once each (the first place it appears)."""
    seen: dict[str, Found] = {}
    for folder, names in MARKERS.items():
        for path in sorted((root / folder).rglob("*.py")):
            for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
                if not (isinstance(node, ast.Call) and node.args):
                    continue
                name = getattr(node.func, "id", getattr(node.func, "attr", None))
                first = node.args[0]
                marked = name in names and isinstance(first, ast.Constant)
                text = first.value if marked else None  # type: ignore[attr-defined]
                if isinstance(text, str) and text not in seen:
                    seen[text] = Found(text, f"{path.relative_to(root)}:{node.lineno}")
    presets = root / "resources" / "presets"
    for preset in json.loads((presets / "index.json").read_text("utf-8"))["presets"]:
        document = json.loads((presets / preset["file"]).read_text("utf-8"))
        names = [document["name"], *(a["name"] for a in document.get("linked_accounts", []))]
        # The menu's title and explanation, and the preset's (and its accounts') names.
        for text, where in ((preset["title"], "index.json"), (preset["explanation"], "index.json"),
                            *((name, preset["file"]) for name in names)):  # fmt: skip
            if text not in seen:
                seen[text] = Found(text, f"resources/presets/{where}:1")
    return list(seen.values())


def catalogue_path(language: str) -> Path:
    return CATALOGUES / f"marginlab_{language}.ts"


def read_translations(path: Path) -> dict[str, str | None]:
    """source -> translation (None when unfinished) of a .ts file."""
    if not path.is_file():
        return {}
    out: dict[str, str | None] = {}
    for message in ET.parse(path).getroot().iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        unfinished = translation is None or translation.get("type") == "unfinished"
        text = None if translation is None else translation.text
        out[source] = None if unfinished or not text else text
    return out


def write_catalogue(path: Path, language: str, found: list[Found], known: dict[str, str | None]):
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    for item in found:
        message = ET.SubElement(context, "message")
        file, line = item.where.rsplit(":", 1)
        ET.SubElement(message, "location", filename=f"../{file}", line=line)
        ET.SubElement(message, "source").text = item.source
        translation = ET.SubElement(message, "translation")
        text = known.get(item.source)
        if text:
            translation.text = text
        else:
            translation.set("type", "unfinished")
    ET.indent(root, space=" ")
    body = ET.tostring(root, encoding="unicode")
    path.parent.mkdir(parents=True, exist_ok=True)
    header = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    path.write_text(header + body + "\n", "utf-8")


def problems(language: str, root: Path = ROOT) -> list[str]:
    """What keeps the catalogue from being complete: strings it lacks or leaves untranslated,
    and translations whose {fields} differ from their source's (they would fail to format)."""
    known = read_translations(catalogue_path(language))
    out = []
    for item in find_strings(root):
        if item.source not in known:
            out.append(f"{item.where}: not in the catalogue (run update): {item.source!r}")
        elif known[item.source] is None:
            out.append(f"{item.where}: not translated: {item.source!r}")
        elif sorted(FIELD.findall(item.source)) != sorted(FIELD.findall(known[item.source] or "")):
            out.append(f"{item.where}: the translation's {{fields}} differ: {item.source!r}")
    return out


def lrelease() -> str:
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    return str(beside) if beside.exists() else shutil.which("pyside6-lrelease") or str(beside)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("update")
    fill = commands.add_parser("fill")
    fill.add_argument("file", type=Path)
    fill.add_argument("--language", default=LANGUAGES[0])
    commands.add_parser("check")
    compile_ = commands.add_parser("compile")
    compile_.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    found = find_strings()
    if args.command == "update":
        for language in LANGUAGES:
            path = catalogue_path(language)
            write_catalogue(path, language, found, read_translations(path))
        return 0
    if args.command == "fill":
        path = catalogue_path(args.language)
        known = read_translations(path)
        known.update(json.loads(args.file.read_text("utf-8")))
        write_catalogue(path, args.language, found, known)
        return 0
    if args.command == "check":
        listed = [p for language in LANGUAGES for p in problems(language)]
        print("\n".join(listed) or f"{len(found)} strings, every one translated")
        return 1 if listed else 0
    args.folder.mkdir(parents=True, exist_ok=True)
    # The engine's message templates, for the window to recognise one that reached it as plain
    # text (joined, or passed through an exception): desktop.i18n.said.
    # With values to fill in, or a field's name first ("maintenance_rate: required …"): the
    # window recognises such a message in plain text, or what follows its field's name.
    templates = sorted(
        {
            f.source
            for f in found
            if f.where.startswith("engine/") and ("{" in f.source or FIELD_NAME.match(f.source))
        }
    )
    (args.folder / ENGINE_TEMPLATES).write_text(json.dumps(templates, indent=0), "utf-8")
    for language in LANGUAGES:
        target = args.folder / f"marginlab_{language}.qm"
        subprocess.run(
            [lrelease(), "-silent", str(catalogue_path(language)), "-qm", str(target)], check=True
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
