"""``marginlab``: start the desktop app (optionally with a scenario file to open)."""

from __future__ import annotations

import argparse
import gc
import sys
import time
import traceback
from collections.abc import Sequence
from datetime import datetime
from importlib import resources
from pathlib import Path
from types import TracebackType

import pyqtgraph as pg
from pyqtgraph.util.garbage_collector import GarbageCollector
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from marginlab.desktop.autosave import discard, scan_autosaves
from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.file_actions import preset_scenario
from marginlab.desktop.i18n import chosen_language, said, tr
from marginlab.desktop.i18n import install as install_language
from marginlab.desktop.main_window import MainWindow
from marginlab.engine import __version__
from marginlab.engine.files.scenario_io import ScenarioError

ORGANISATION = "MarginLab"
APPLICATION = "Margin Lab"


def follow_palette(app: QApplication) -> None:
    """Plots take the system palette's colours, light or dark."""
    palette = app.palette()
    pg.setConfigOptions(
        antialias=True,
        background=palette.color(QPalette.ColorRole.Base),
        foreground=palette.color(QPalette.ColorRole.Text),
    )


def collect_garbage_in_the_window_thread() -> None:
    """Python's collector runs on a timer in the window's thread, not whenever some thread
    allocates (pyqtgraph's ``GarbageCollector``). A Monte Carlo worker that collected a cycle
    holding a Qt object destroyed it in the wrong thread: once in about twenty test runs, the
    worker then waited for a lock the window held while painting, and the window for the
    worker (a test caught it with every thread asleep). Once a process, for every window.

    The pace fits a big book: an edit makes and drops tens of thousands of small objects
    (figures, texts, search states), and the default pace (every 700 new objects) scanned a
    500-position book's pools and caches about 17 ms a keystroke. Cycles are rare here;
    reference counting frees the rest at once."""
    global _COLLECTOR
    if _COLLECTOR is None:
        gc.set_threshold(20_000, 20, 100)
        _COLLECTOR = GarbageCollector(interval=1.0)


_COLLECTOR: GarbageCollector | None = None


def build_window(
    settings: QSettings,
    file: Path | None = None,
    seed_only: bool = False,
    autosave_folder: Path | None = None,
) -> MainWindow:
    """The window with ``file``, else the last file, else the brief's example."""
    collect_garbage_in_the_window_thread()
    controller = ScenarioController(preset_scenario("seed-example.json"))
    window = MainWindow(controller, settings, autosave_folder)
    last = None if seed_only else settings.value("files/last")
    candidate = file or (Path(str(last)) if last else None)
    if candidate is not None:
        try:
            note = controller.open(candidate)
            if note:
                window.statusBar().showMessage(said(note))
        except ScenarioError as error:
            if file is not None:  # asked for by name: say why it did not open
                # Once the window is up, over it: a modal box shown first kept the window
                # from its first layout at its own size, and the cards came up squeezed.
                title = tr("Cannot open {file}").format(file=file.name)
                problems = error.problems
                QTimer.singleShot(0, window, lambda: window.files.show_error(title, problems))
    controller.recompute()
    return window


def offer_recovery(window: MainWindow) -> bool:
    """After a crash or a kill: offer every autosave left behind, newest first; True if one
    was restored. Nothing is deleted unless the user says so: work they put off is offered
    again at the next start, and damaged entries are set aside, with a word on where."""
    scan = scan_autosaves(window.autosaver.folder)
    notes = [*scan.set_aside, *([scan.problem] if scan.problem else [])]
    restored = False
    kept = 0
    for recovery in scan.recoveries:
        when = datetime.fromtimestamp(recovery.saved_at).strftime("%Y-%m-%d %H:%M")
        if restored:
            kept += 1  # one window holds one scenario: the others wait for the next start
            continue
        answer = window.files.ask_restore(recovery.scenario.name, when)
        if answer is None:
            kept += 1
        elif answer:
            window.controller.restore(recovery.scenario, recovery.original)
            window.autosaver.write_now()  # ours now holds it; the orphan can go
            discard(recovery)
            restored = True
        else:
            discard(recovery)
    if kept:
        notes.append(
            tr(
                "{n} more unsaved scenarios left behind by an earlier session will be offered "
                "at the next start"
            ).format(n=kept)
            if kept > 1
            else tr(
                "1 more unsaved scenario left behind by an earlier session will be offered "
                "at the next start"
            )
        )
    if notes:
        window.statusBar().showMessage(" · ".join(notes))
    return restored


def install_error_report(window: MainWindow) -> None:
    """An unexpected error in a handler must not vanish into a terminal nobody sees: log the
    traceback per user, tell the user in one line, keep the app (and the autosave) running."""
    from platformdirs import user_log_dir

    log = Path(user_log_dir("MarginLab", appauthor=False)) / "errors.log"

    def report(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        try:
            log.parent.mkdir(parents=True, exist_ok=True)
            with log.open("a", encoding="utf-8") as stream:
                stream.write(f"--- {datetime.now().isoformat()}\n")
                stream.write("".join(traceback.format_exception(kind, error, tb)))
        except OSError:
            pass
        window.files.show_error(
            tr("Unexpected error"),
            [
                f"{kind.__name__}: {error}",
                (
                    tr("Your work is autosaved. Details: {log}")
                    if not window.autosaver.problem
                    else tr("Details: {log}")
                ).format(log=log),
            ],
        )

    sys.excepthook = report


def app_icon() -> QIcon:
    icon = resources.files("marginlab.resources.icons").joinpath("marginlab.png")
    if isinstance(icon, Path):  # a real file (checkout, wheel, frozen app): decoded when shown
        return QIcon(str(icon))
    pixmap = QPixmap()
    pixmap.loadFromData(icon.read_bytes(), "PNG")
    return QIcon(pixmap)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="marginlab", description="Margin Lab desktop app")
    parser.add_argument("file", nargs="?", type=Path, help="scenario file to open")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the bundled data and numbers, render the window, exit",
    )
    parser.add_argument(
        "--self-test-png",
        type=Path,
        metavar="PNG",
        help="where --self-test writes its screenshot (default: temp folder)",
    )
    parser.add_argument(
        "--exit-after-first-frame", action="store_true", help=argparse.SUPPRESS
    )  # start-up benchmark: print the time, quit
    args = parser.parse_args(argv)
    if args.self_test:
        from marginlab.desktop.self_test import run

        passed, message = run(args.self_test_png)
        print(message, flush=True)
        return 0 if passed else 1
    gc.disable()  # until the window is up: see marginlab.desktop.launch
    try:
        app, window = _first_window(args.file)
        app.processEvents()  # paint the first frame before anything else
    finally:
        gc.freeze()  # start-up's long-lived objects: out of every later collection
        gc.enable()
    if args.exit_after_first_frame:
        print(time.time(), flush=True)
        return 0
    install_error_report(window)
    offer_recovery(window)
    return app.exec()


def _first_window(file: Path | None) -> tuple[QApplication, MainWindow]:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setOrganizationName(ORGANISATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    follow_palette(app)
    app.setWindowIcon(app_icon())
    settings = QSettings()
    install_language(app, chosen_language(settings))
    window = build_window(settings, file)
    window.show()
    return app, window


if __name__ == "__main__":
    sys.exit(main())
