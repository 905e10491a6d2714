"""Take the README's screenshots from the real app in an X window: `make screenshots`.

Run under Xvfb (the Makefile starts one): the window is built exactly as `make run` builds it,
a preset is loaded, and each view is grabbed once the figures are on screen.
Usage: python docs/screenshots.py OUT_DIR [PRESET]

Started with LANG=zh_CN.UTF-8 (as `make screenshots` does a second time), the window speaks
the system's language as the app does, and only the main view and the pre-trade check are
taken, as screenshot-zh_CN.png and pretrade-zh_CN.png.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from marginlab.desktop.app import build_window, follow_palette
from marginlab.desktop.i18n import install, system_language
from marginlab.engine.files.presets import preset_list


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    preset = sys.argv[2] if len(sys.argv) > 2 else "seed-example.json"
    app = QApplication.instance() or QApplication(["marginlab"])
    settings = QSettings(str(out / ".screenshot-settings.ini"), QSettings.Format.IniFormat)
    follow_palette(app)  # as the app does: the plots take the palette's colours (not black)
    language = system_language()
    install(app, language)
    suffix = "" if language == "en" else f"-{language}"
    window = build_window(settings, seed_only=True)
    window.resize(1600, 1000)
    window.show()
    window.files.load_preset(preset)

    def shot(name: str) -> None:
        # A layout a turn of the event loop asked for (a split refitted to a scroll bar that
        # went) is done in the next: the grab must not catch it half done.
        app.processEvents()
        window.grab().save(str(out / name))

    def shoot() -> None:
        app.processEvents()
        window.plot.what_if_value.setValue(40_000)
        app.processEvents()
        shot(f"screenshot{suffix}.png")
        if suffix:
            story = preset_list()[0]
            window.files.load_preset(story.file, story.explanation, story.order)
            window.pretrade.recompute()
            app.processEvents()
            shot(f"pretrade{suffix}.png")
            window.controller.undo_stack.setClean()
            window.close()  # as the app closes: runs still under way are stopped first
            (out / ".screenshot-settings.ini").unlink(missing_ok=True)
            app.quit()
            return
        window.views.setCurrentWidget(window.replay)
        window.replay.choose("slow-bleed", "BTCUSDT", 60)
        app.processEvents()
        shot("replay.png")
        window.views.setCurrentWidget(window.risk)
        window.risk.paths.setValue(5000)
        window.risk.done.connect(lambda _risk: finish())
        window.risk.run()

    finished: list[bool] = []

    def finish() -> None:
        # Once: each preset loaded below runs the simulation again, and its "done" could
        # come back here from inside one of the event-loop turns taken below.
        if finished:
            return
        finished.append(True)
        app.processEvents()
        shot("risk.png")
        window.views.setCurrentWidget(window.calculator)
        calc = window.calculator
        calc.symbol.setEditText("BTCUSDT")
        calc.leverage.setText("20")
        calc.tabs.setCurrentIndex(1)
        calc.fills.setPlainText("0.1 @ 50000\n0.1 @ 48000\n0.2 @ 46000")
        app.processEvents()
        shot("calculator.png")
        story = preset_list()[0]  # the brief's story, with its order to check
        window.files.load_preset(story.file, story.explanation, story.order)
        window.pretrade.recompute()
        app.processEvents()
        shot("pretrade.png")
        window.files.load_preset("btc-margined-long.json")
        window.views.setCurrentIndex(0)  # the price move: coin equity in USD beside USDT
        app.processEvents()
        window.plot.what_if_value.setValue(40_000)
        app.processEvents()
        shot("coin-margined.png")
        window.files.load_preset("two-accounts.json")
        window.controller.show_account(1)  # the BTC-margined account, as "Show" picks it
        app.processEvents()
        window.plot.what_if_value.setValue(40_000)
        app.processEvents()
        shot("two-accounts.png")
        window.controller.undo_stack.setClean()
        # As the app closes (File → Quit): the Monte Carlo run each preset loaded above
        # started again is stopped and waited for; quitting under it aborted the script.
        window.close()
        (out / ".screenshot-settings.ini").unlink(missing_ok=True)
        app.quit()

    QTimer.singleShot(500, shoot)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
