"""Pydantic with its plugins off, and without importing the code that would look for them.

A pydantic plugin installed beside Margin Lab (a telemetry one, say) would see every scenario
the user types or loads; an offline calculator loads none. Pydantic's own switch,
``PYDANTIC_DISABLE_PLUGINS``, makes ``pydantic.plugin._loader.get_plugins`` answer ``()``,
but that module imports ``importlib.metadata`` to find plugins before it reads the switch:
about 17 ms alone here (it brings ``email``, ``zipfile`` and ``csv`` with it), 7-11 ms of the
window's start-up, which needs some of those modules anyway. With
every plugin off, ``switch_off`` puts in its place a module whose ``get_plugins`` gives the
same ``()``. A user who names some plugins to disable (``PYDANTIC_DISABLE_PLUGINS=a,b``) keeps
pydantic's own loader.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable
from types import ModuleType

SWITCH = "PYDANTIC_DISABLE_PLUGINS"
LOADER = "pydantic.plugin._loader"
# The values for which pydantic's ``get_plugins`` returns no plugin (pydantic 2.14).
ALL_OFF = ("__all__", "1", "true")


def switch_off() -> bool:
    """Turn every pydantic plugin off unless the user's environment says otherwise; True if
    pydantic's plugin loader is then left unimported. Call it before any model is built."""
    os.environ.setdefault(SWITCH, "__all__")
    if os.environ[SWITCH] not in ALL_OFF:
        return False
    if LOADER not in sys.modules:
        sys.modules[LOADER] = _no_plugins()
    return getattr(sys.modules.get(LOADER), "__doc__", None) == _NO_PLUGINS_DOC


_NO_PLUGINS_DOC = (
    "pydantic's plugin loader with every plugin off (marginlab.engine.pydantic_plugins)"
)


def _no_plugins() -> ModuleType:
    loader = ModuleType(LOADER, _NO_PLUGINS_DOC)

    def get_plugins() -> Iterable[object]:
        return ()

    loader.get_plugins = get_plugins  # type: ignore[attr-defined]
    return loader
