"""``pyside_scan``: shiboken's question "does this module mention PySide6?", answered from the
files' bytes, gives shiboken's own answer for every module the window imports. Run in a fresh
interpreter: the check is asked once per module, as it is imported."""

from __future__ import annotations

import os

from tests.fresh_interpreter import fresh_json

_COMPARE = """
import json, sys
import PySide6.QtCore
from marginlab.desktop.pyside_scan import spare_source_scan
feature = sys.modules["shibokensupport.feature"]
own = feature._mod_uses_pyside
installed = spare_source_scan()
again = spare_source_scan()
import marginlab.desktop.app, marginlab.desktop.launch
ours = feature._mod_uses_pyside
modules = [m for m in list(sys.modules.values()) if hasattr(m, "__name__")]
print(json.dumps({
    "installed": installed,
    "again": again,
    "wraps": getattr(ours, "__wrapped__", None) is own,
    "differ": [m.__name__ for m in modules if ours(m) != own(m)],
    "mention": sorted(m.__name__ for m in modules if own(m)),
    "modules": len(modules),
    "recorded": {n: feature.pyside_feature_dict.get(n) for n in (
        "pyqtgraph.Qt", "pyqtgraph.graphicsItems.AxisItem"
    )},
}))
"""


def _compare() -> dict[str, object]:
    return fresh_json(_COMPARE, {**os.environ, "QT_QPA_PLATFORM": "offscreen"})


def test_the_quick_check_answers_as_shibokens_own_for_every_module_the_window_imports() -> None:
    found = _compare()
    assert found["installed"] is True
    assert found["again"] is True
    assert found["wraps"] is True
    assert found["differ"] == []
    assert isinstance(found["modules"], int) and found["modules"] > 400
    # Both answers occur, so the comparison can tell them apart.
    mention = found["mention"]
    assert isinstance(mention, list)
    assert "pyqtgraph.Qt" in mention and "marginlab.desktop.app" in mention
    assert "numpy" not in mention and "pyqtgraph.graphicsItems.AxisItem" not in mention
    # What shiboken recorded when pyqtgraph was imported, through the quick check: a module
    # that names PySide6 switches back to no __feature__ (0); one that does not is ignored (-1).
    assert found["recorded"] == {"pyqtgraph.Qt": 0, "pyqtgraph.graphicsItems.AxisItem": -1}
