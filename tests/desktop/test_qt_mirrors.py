"""``qt_mirrors``: pyqtgraph's copies of PySide6's modules, filled as they are read, give the
same object for every name as pyqtgraph's own copying loop, and the Qt classes the window never
reads are never made. Each case runs in a fresh interpreter: the copies are filled once, when
pyqtgraph is first imported."""

from __future__ import annotations

import os

from tests.fresh_interpreter import fresh_json

SOURCES = ("PySide6.QtCore", "PySide6.QtGui", "PySide6.QtWidgets")

_AFTER_IMPORT = """
import json, sys
{first}
import pyqtgraph
sources = {sources!r}
print(json.dumps({{
    "made": {{n: len(sys.modules[n].__dict__) for n in sources}},
    "listed": {{n: len(dir(sys.modules[n])) for n in sources}},
}}))
"""

_SAME_OBJECTS = """
import json, sys
import marginlab.desktop
import pyqtgraph
from pyqtgraph import Qt
import PySide6.QtOpenGLWidgets, PySide6.QtWidgets
from marginlab.desktop.qt_mirrors import MIRRORS
differ, read, missing = [], 0, []
for mirror_name, source_name in MIRRORS.items():
    mirror, source = sys.modules[mirror_name], sys.modules[source_name]
    names = [n for n in dir(source) if not (n.startswith("__") and n.endswith("__"))]
    missing += [f"{{mirror_name}}.{{n}}" for n in names if n not in dir(mirror)]
    for name in names:
        read += 1
        if getattr(mirror, name) is not getattr(source, name):
            differ.append(f"{{mirror_name}}.{{name}}")
print(json.dumps({{
    "read": read,
    "differ": differ,
    "missing": missing,
    "file_system_model": Qt.QtGui.QFileSystemModel is PySide6.QtWidgets.QFileSystemModel,
    "opengl_widget": Qt.QtWidgets.QOpenGLWidget is PySide6.QtOpenGLWidgets.QOpenGLWidget,
    "version": Qt.QtVersion == PySide6.QtCore.__version__,
}}))
"""


def _fresh(code: str) -> dict[str, object]:
    return fresh_json(code, {**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_every_name_reads_the_object_pyqtgraphs_own_loop_copies() -> None:
    found = _fresh(_SAME_OBJECTS.format())
    assert isinstance(found["read"], int) and found["read"] > 600
    assert found["differ"] == []
    assert found["missing"] == []
    # What pyqtgraph sets itself, after its loop, is as it set it.
    assert found["file_system_model"] is True
    assert found["opengl_widget"] is True
    assert found["version"] is True


def test_the_classes_no_one_reads_are_never_made_and_pyside_lists_them_all_again() -> None:
    ours = _fresh(_AFTER_IMPORT.format(first="import marginlab.desktop", sources=SOURCES))
    # The control: pyqtgraph imported on its own makes every class of the three modules.
    own = _fresh(_AFTER_IMPORT.format(first="", sources=SOURCES))
    made, listed = ours["made"], ours["listed"]
    assert isinstance(made, dict) and isinstance(listed, dict)
    assert own["listed"] == listed  # PySide6's own listing is back once pyqtgraph is in
    own_made = own["made"]
    assert isinstance(own_made, dict)
    for name in SOURCES:
        assert own_made[name] >= listed[name] - 5, name
        assert made[name] < listed[name] / 2, (name, made[name], listed[name])


def test_a_pyqtgraph_told_to_use_another_binding_is_left_as_it_is() -> None:
    code = (
        "import importlib.util, json, os, sys\n"
        "import marginlab.desktop\n"
        "path = importlib.util.find_spec('pyqtgraph').submodule_search_locations\n"
        "finder = next(f for f in sys.meta_path if type(f).__name__ == '_MirrorFinder')\n"
        "found = {}\n"
        "for binding in ('PySide6', 'PyQt6'):\n"
        "    os.environ['PYQTGRAPH_QT_LIB'] = binding\n"
        "    found[binding] = finder.find_spec('pyqtgraph.Qt', path) is not None\n"
        "print(json.dumps(found))"
    )
    assert _fresh(code) == {"PySide6": True, "PyQt6": False}
