"""Shiboken's check of every imported module, made cheap: the same answers, without ``inspect``.

Once PySide6 is imported, its import hook asks of every module imported after it whether the
module's source mentions "PySide6" (``shibokensupport.feature._mod_uses_pyside``, PYSIDE-2029:
a module that does is switched back to no ``__feature__`` when it calls Qt). It reads each
source through ``inspect.getsource``, and pyqtgraph's 270 modules come after PySide6: about
30 ms of a 0.5 s start-up here (``bench/gui_latency.py``), most of it ``inspect`` and
``linecache`` splitting the files into lines. Reading a ``.py`` file's bytes gives the same
answer (``tests/desktop/test_pyside_scan.py`` compares the two on every module the window
imports); any other module (compiled, zipped, frozen) is left to shiboken's own check.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from types import ModuleType

_FEATURE_MODULE = "shibokensupport.feature"


def spare_source_scan() -> bool:
    """Import PySide6, which installs shiboken's import hook, and put ``mentions_pyside`` in
    place of its check. False (nothing changed) where this PySide6 has no such check."""
    import PySide6.QtCore  # noqa: F401  (here: the modules imported before it skip the hook)

    feature = sys.modules.get(_FEATURE_MODULE)
    own: Callable[[ModuleType], bool] | None = getattr(feature, "_mod_uses_pyside", None)
    if feature is None or own is None:
        return False
    if getattr(own, "__wrapped__", None) is not None:  # in place already
        return True

    def mentions_pyside(module: ModuleType) -> bool:
        """Whether ``module``'s source file mentions "PySide6", as shiboken's check answers."""
        path = getattr(module, "__file__", None)
        if isinstance(path, str) and path.endswith(".py"):
            try:
                with open(path, "rb") as source:
                    return b"PySide6" in source.read()
            except OSError:
                pass
        return own(module)

    mentions_pyside.__wrapped__ = own  # type: ignore[attr-defined]
    setattr(feature, "_mod_uses_pyside", mentions_pyside)  # noqa: B010  (not in its stubs)
    return True
