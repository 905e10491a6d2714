"""Issue 20: every user-visible string of the desktop face goes through Qt's translation
functions. A prose literal in ``desktop/`` that is not inside ``tr(...)``/``N_(...)`` fails here
unless it is listed below with the reason it is not shown in the window's language."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKERS = {"tr", "N_", "said"}
# Calls whose text arguments are never shown as words: names, keys, formats, logs, the command
# line's own help (English, like the CLI).
NOT_SHOWN = {
    "setObjectName", "setAccessibleName", "value", "setValue", "getLogger", "warning", "info",
    "debug", "QKeySequence", "add_argument", "ArgumentParser", "findData", "compile",
    "user_state_dir", "user_log_dir", "setStyleSheet", "QSettings", "property", "setProperty",
    "startswith", "endswith",
}  # fmt: skip
# Literals that are words but not the window's: each with why.
NOT_WORDS = {
    ("app.py", "MarginLab"): "the organisation name in the settings path",
    ("app.py", "Margin Lab"): "the application's name, as the system lists it",
    ("i18n.py", "MarginLab"): "the translation context",
    ("i18n.py", "English"): "each language is named in itself",
    ("controller.py", "Untitled"): "a new scenario's name: data the trader renames",
    ("fields.py", "QLineEdit { border: 2px solid #d0342c; }"): "a style sheet",
    ("self_test.py", "*"): "--self-test prints to a terminal, in English like the CLI",
    ("comparison_panel.py", "*"): "comparison_rows: the CSV export's header, a data format",
    ("wording.py", r"must be (>=|<=|>|<) (-?[\d.e+]+)"): "a pattern over the engine's words",
    ("qt_mirrors.py", "*"): "the names of Qt's and pyqtgraph's modules, never shown",
}
_WORD = re.compile(r"[A-Za-z]{2,}")
_TAGS = re.compile(r"<[^>]*>|<\w+[^>]*$|^[^<]*>")


def _prose(text: str) -> bool:
    words = _TAGS.sub(" ", text.replace("&", ""))
    if text.startswith("Ctrl+") or not _WORD.search(words):
        return False
    return " " in words.strip() or bool(re.match(r"^[A-Z][a-z]", words.strip()))


def unwrapped(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text("utf-8"))
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    docstrings = {
        node.body[0].value
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef)
        and node.body
        and isinstance(node.body[0], ast.Expr)
        and isinstance(node.body[0].value, ast.Constant)
    }
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if node in docstrings or not _prose(node.value):
            continue
        if _exempt(node, parents):
            continue
        found.append((node.lineno, node.value))
    return found


def _exempt(node: ast.AST, parents: dict[ast.AST, ast.AST]) -> bool:
    child, parent = node, parents.get(node)
    while parent is not None:
        if isinstance(parent, ast.Call):
            name = getattr(parent.func, "id", getattr(parent.func, "attr", None))
            if name in MARKERS or name in NOT_SHOWN:
                return True
        if isinstance(parent, ast.Compare | ast.Subscript):
            return True  # a key or a value compared: data, not text
        if isinstance(parent, ast.Dict) and child in parent.keys:
            return True
        if isinstance(parent, ast.Assign) and any(
            getattr(t, "id", None) == "__all__" for t in parent.targets
        ):
            return True
        if isinstance(parent, ast.FunctionDef | ast.ClassDef | ast.Module):
            return False
        child, parent = parent, parents.get(parent)
    return False


def test_every_visible_string_of_the_desktop_is_wrapped() -> None:
    offenders = []
    for path in sorted((ROOT / "desktop").glob("*.py")):
        for line, text in unwrapped(path):
            if (path.name, text) in NOT_WORDS or (path.name, "*") in NOT_WORDS:
                continue
            offenders.append(f"desktop/{path.name}:{line}: {text!r}")
    assert offenders == [], "not wrapped in tr()/N_():\n" + "\n".join(offenders)


def test_the_scanner_finds_an_unwrapped_label(tmp_path: Path) -> None:
    """The check itself can fail: a label set without ``tr`` is found, one with it is not."""
    module = tmp_path / "view.py"
    module.write_text(
        "def build(label, tr):\n"
        "    label.setText('Max loss if wrong')\n"
        "    label.setToolTip(tr('Max loss if wrong'))\n"
        "    label.setAccessibleName('max loss')\n",
        "utf-8",
    )
    assert unwrapped(module) == [(2, "Max loss if wrong")]
