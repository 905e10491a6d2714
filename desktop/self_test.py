"""``marginlab --self-test``: prove an installed or frozen app works, in one line.

It loads every bundled table and preset, evaluates the brief's example and checks its key
numbers (``resources/selftest.json``, from DESIGN §6), builds the main window offscreen and
renders it to a PNG. Exit 0, or 1 with a one-line reason.
"""

from __future__ import annotations

import json
import os
import tempfile
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from marginlab.engine.files.presets import load_preset, preset_list
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.rules import RULE_SETS, table_info

if TYPE_CHECKING:
    from PySide6.QtCore import QCoreApplication


class SelfTestError(Exception):
    pass


def _check_numbers() -> str:
    spec = json.loads(
        resources.files("marginlab.resources").joinpath("selftest.json").read_text("utf-8")
    )
    report = evaluate(load_preset(spec["preset"]))
    for item in spec["expect"]:
        variant = report.variants[item["variant"]]
        holder = variant.account if item.get("account") else variant.positions[item["position"]]
        value = getattr(holder, item["field"])
        if value is None or abs(value - item["value"]) > item["abs"]:
            where = "account" if item.get("account") else item["position"]
            raise SelfTestError(
                f"{item['variant']} {where} {item['field']} is {value}, expected {item['value']}"
            )
    return (
        f"B liquidates at {report.variants['isolated'].positions['B'].liquidation_price:,.2f}"
        f" isolated / {report.variants['cross'].positions['B'].liquidation_price:,.2f} cross"
    )


def _render(png: Path) -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings
    from PySide6.QtWidgets import QApplication

    from marginlab.desktop.app import build_window, follow_palette

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    follow_palette(app)
    _check_languages(app)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "self-test.ini"), QSettings.Format.IniFormat)
        window = build_window(settings, seed_only=True)
        window.resize(1600, 960)
        window.show()
        app.processEvents()
        image = window.grab()
        plot_only = Path(folder) / "plot.png"  # pyqtgraph's exporter is bundled too
        if not window.plot.export_image(str(plot_only)):
            raise SelfTestError("could not export the plot alone")
        window.controller.undo_stack.setClean()
        window.close()
    if image.width() < 800 or not image.save(str(png), "PNG"):
        raise SelfTestError(f"could not render the window to {png}")


def _check_languages(app: QCoreApplication) -> None:
    """Each bundled catalogue loads and speaks, with Qt's own for its standard buttons; the
    window is then rendered in English, as a self-test's line is read."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from marginlab.desktop.i18n import LANGUAGES, install, tr

    before = set(app.findChildren(QTranslator))
    try:
        for language in LANGUAGES:
            if language == "en":
                continue
            if not install(app, language):
                raise SelfTestError(f"the {language} catalogue is not bundled")
            if tr("isolated") == "isolated":
                raise SelfTestError(f"the {language} catalogue does not translate")
            if QCoreApplication.translate("QPlatformTheme", "Cancel") == "Cancel":
                raise SelfTestError(f"Qt's own {language} translations are not bundled")
            for translator in set(app.findChildren(QTranslator)) - before:
                QCoreApplication.removeTranslator(translator)
    finally:
        install(app, "en")


def run(png: Path | None = None) -> tuple[bool, str]:
    """Run every check; returns (passed, one-line message)."""
    target = png or Path(tempfile.gettempdir()) / "marginlab-self-test.png"
    try:
        for name in RULE_SETS:
            table_info(name)
        presets = preset_list()
        for preset in presets:
            load_preset(preset.file)
        numbers = _check_numbers()
        _render(target)
    except Exception as error:  # the whole point: any failure becomes one readable line
        return False, f"self-test failed: {type(error).__name__}: {error}"
    return True, (
        f"self-test passed: {len(RULE_SETS)} rule sets, {len(presets)} presets, "
        f"{numbers}; window rendered to {target}"
    )
