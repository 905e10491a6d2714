"""Issue 20: the Simplified Chinese catalogue is complete and its {fields} match the English."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location(
        "translations", ROOT / "packaging/translations.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["translations"] = module
    spec.loader.exec_module(module)
    return module


def test_every_marked_string_has_a_chinese_translation() -> None:
    assert _tool().problems("zh_CN") == []


def test_the_catalogue_holds_the_traders_vocabulary() -> None:
    known = _tool().read_translations(ROOT / "translations/marginlab_zh_CN.ts")
    assert known["isolated"] == "逐仓"
    assert known["cross"] == "全仓"
    assert known["Liquidation price"] == "强平价格"
    assert known["Maintenance"] == "维持保证金"
    assert known["Max loss"] == "最大亏损"


def test_the_check_finds_a_string_missing_from_the_catalogue(tmp_path: Path) -> None:
    """A new ``tr("...")`` in the face without a catalogue entry is reported."""
    tool = _tool()
    for folder in ("desktop", "engine", "cli"):
        (tmp_path / folder).mkdir()
    (tmp_path / "desktop" / "view.py").write_text("tr('A string nobody translated')\n", "utf-8")
    presets = tmp_path / "resources" / "presets"
    presets.mkdir(parents=True)
    (presets / "index.json").write_text('{"presets": []}', "utf-8")
    found = tool.problems("zh_CN", root=tmp_path)
    assert len(found) == 1 and re.search("not in the catalogue", found[0])
