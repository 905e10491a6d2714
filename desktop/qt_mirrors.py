"""pyqtgraph's copies of PySide6's modules, filled as they are read: the same objects, without
making every Qt class at start-up.

pyqtgraph keeps modules of its own, ``pyqtgraph.Qt.QtCore``, ``QtGui`` and ``QtWidgets``, and
fills them when it is imported with every name of PySide6's (``pyqtgraph/Qt/__init__.py``,
``_copy_attrs``: ``getattr`` of each name ``dir(PySide6.QtCore)`` lists, and so on). PySide6
makes a Qt class, and its enums as Python enums, the first time it is read, so that loop makes
all 721 of them: 88 ms here, most of pyqtgraph's import and a fifth of the window's start-up,
for classes the window never uses (``bench/gui_latency.py``).

While pyqtgraph's ``Qt`` module runs, PySide6's three modules list only the names already made,
so the loop copies those; each of pyqtgraph's copies then reads any other name from PySide6
when it is first asked for (a module ``__getattr__``, PEP 562) and keeps it. Every name reads
the same object as pyqtgraph's own loop gives (``tests/desktop/test_qt_mirrors.py`` checks all
of them). Installed when ``marginlab.desktop`` is imported, so the window, its tests and the
frozen app all load pyqtgraph this way; a pyqtgraph imported earlier is left as it is.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Sequence
from importlib.abc import Loader, MetaPathFinder
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import Any

# pyqtgraph's copy -> the PySide6 module it copies.
MIRRORS = {
    "pyqtgraph.Qt.QtCore": "PySide6.QtCore",
    "pyqtgraph.Qt.QtGui": "PySide6.QtGui",
    "pyqtgraph.Qt.QtWidgets": "PySide6.QtWidgets",
}
_FILLER = "pyqtgraph.Qt"  # the module whose import runs the copying loop


def install() -> None:
    """Put the finder first in ``sys.meta_path`` (once)."""
    if not any(isinstance(finder, _MirrorFinder) for finder in sys.meta_path):
        sys.meta_path.insert(0, _MirrorFinder())


def read_on_demand(mirror: ModuleType, source_name: str) -> None:
    """Give ``mirror`` every name of ``source_name`` it lacks, read when first asked for."""

    def __getattr__(name: str) -> Any:
        value = getattr(importlib.import_module(source_name), name)
        setattr(mirror, name, value)  # kept: the next read is a plain module look-up
        return value

    def __dir__() -> list[str]:
        return sorted(set(mirror.__dict__) | set(dir(importlib.import_module(source_name))))

    mirror.__getattr__ = __getattr__  # type: ignore[method-assign]
    mirror.__dir__ = __dir__  # type: ignore[method-assign]


class _MirrorFinder(MetaPathFinder):
    """Finds nothing itself: wraps the loader another finder gives for pyqtgraph's ``Qt``
    module and for its three copies."""

    def find_spec(
        self,
        fullname: str,
        path: Sequence[str] | None,
        target: ModuleType | None = None,
    ) -> ModuleSpec | None:
        if fullname != _FILLER and fullname not in MIRRORS:
            return None
        if os.environ.get("PYQTGRAPH_QT_LIB", "PySide6") != "PySide6":
            return None  # pyqtgraph told to copy another binding's modules: left as it is
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None and spec.loader is not None:
                spec.loader = _Wrapped(spec.loader, fullname)
                return spec
        return None


class _Wrapped(Loader):
    def __init__(self, loader: Loader, name: str) -> None:
        self._loader = loader
        self._name = name

    def __getattr__(self, name: str) -> Any:  # get_code, get_source, is_package…: the loader's
        if name == "_loader":  # not set yet (a copy being made): no endless look-up
            raise AttributeError(name)
        return getattr(self._loader, name)

    def create_module(self, spec: ModuleSpec) -> ModuleType | None:
        return self._loader.create_module(spec)

    def exec_module(self, module: ModuleType) -> None:
        if self._name in MIRRORS:
            self._loader.exec_module(module)
            read_on_demand(module, MIRRORS[self._name])
            return
        sources = [importlib.import_module(name) for name in MIRRORS.values()]
        own = [source.__dict__.get("__dir__") for source in sources]
        for source in sources:
            source.__dir__ = _made_so_far(source)  # type: ignore[method-assign]
        try:
            self._loader.exec_module(module)
        finally:
            for source, listing in zip(sources, own, strict=True):
                if listing is None:
                    del source.__dir__
                else:
                    source.__dir__ = listing  # type: ignore[method-assign]


def _made_so_far(source: ModuleType) -> Any:
    def __dir__() -> list[str]:
        return list(source.__dict__)

    return __dir__
