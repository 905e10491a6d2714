"""File menu, presets, recent files, exports and the unsaved-changes prompt."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QMimeData, QSettings
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence, QPixmap
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QMessageBox, QWidget

from marginlab.desktop.comparison_panel import comparison_rows
from marginlab.desktop.controller import (
    NEW_SCENARIO,
    ScenarioController,
    largest_position_symbol,
)
from marginlab.desktop.i18n import N_, said, tr
from marginlab.desktop.number_dialog import NumberDialog
from marginlab.engine.files.presets import load_preset, preset_list
from marginlab.engine.files.scenario_io import ScenarioError
from marginlab.engine.files.tier_import import import_tier_table
from marginlab.engine.files.venue_import import (
    VenueFileError,
    currency_of,
    margins_held,
    read_venue_file,
    to_scenario,
)
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.rules import usual_first_rate
from marginlab.engine.text.numbers import at_least
from marginlab.engine.text.sweep_text import sweep_csv

# *.marginlab.json is the type the installed app registers (packaging/linux, the Info.plist):
# a file saved so opens in Margin Lab from the file manager; any .json still opens here.
SCENARIO_SUFFIX = ".marginlab.json"
FILTER = N_("Margin Lab scenario (*.marginlab.json *.json);;All files (*)")
MAX_RECENT = 8
Button = QMessageBox.StandardButton


class FileActions:
    """What the File menu does. It gets what it needs, not the window: the controller, the
    settings store, a parent for its dialogs, a way to grab the plot and a status line."""

    def __init__(
        self,
        controller: ScenarioController,
        settings: QSettings,
        parent: QWidget,
        grab_plot: Callable[[], QPixmap],
        show_status: Callable[[str], None],
        export_plot: Callable[[str], bool] | None = None,
        show_order: Callable[[str], None] | None = None,
    ) -> None:
        self.window = parent
        self.controller = controller
        self.settings = settings
        self._grab_plot = grab_plot
        self._show_status = show_status
        self._export_plot = export_plot
        self._show_order = show_order
        self._import_problems: list[str] = []
        self.recent_menu: QMenu | None = None

    # The dialogs are attributes so tests (and only tests) can answer them.
    def ask_keep_changes(self) -> Button:
        return QMessageBox.question(
            self.window,
            tr("Unsaved changes"),
            (
                tr("Save the changes to “{name}” ({file}) first?")
                if self.controller.path
                else tr("Save the changes to “{name}” (not saved yet) first?")
            ).format(
                name=self.controller.file_scenario.name,
                file=self.controller.path.name if self.controller.path else "",
            ),
            Button.Save | Button.Discard | Button.Cancel,
            Button.Save,
        )

    def ask_restore(self, name: str, when: str) -> bool | None:
        """True: restore it; False: discard it; None: keep it for the next start."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("Restore unsaved work?"),
            tr("Margin Lab closed without saving “{name}” (autosaved {when}). Restore it?").format(
                name=name, when=when
            ),
            Button.NoButton,
            self.window,
        )
        restore = box.addButton(tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(tr("&Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(tr("&Later"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(restore)
        box.exec()
        clicked = box.clickedButton()
        return True if clicked is restore else False if clicked is discard else None

    def ask_open_path(self) -> str:
        return QFileDialog.getOpenFileName(
            self.window, tr("Open scenario"), self._folder(), tr(FILTER)
        )[0]

    def ask_save_path(self, caption: str, suffix: str, file_filter: str = "") -> str:
        stem = self.controller.file_scenario.name or "scenario"
        start = str(Path(self._folder()) / f"{stem}{suffix}")
        return QFileDialog.getSaveFileName(self.window, caption, start, file_filter or tr(FILTER))[
            0
        ]

    def show_error(self, title: str, lines: list[str]) -> None:
        QMessageBox.warning(self.window, title, "\n".join(said(line) for line in lines))

    # --- menu ----------------------------------------------------------------------------------
    def build_menu(self, menu: QMenu) -> None:
        for text, keys, slot in (
            (tr("&New"), QKeySequence.StandardKey.New, self.new),
            (tr("&Open…"), QKeySequence.StandardKey.Open, self.open),
            (tr("&Save"), QKeySequence.StandardKey.Save, self.save),
            (tr("Save &As…"), QKeySequence.StandardKey.SaveAs, self.save_as),
        ):
            action = QAction(text, self.window, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            menu.addAction(action)
        self.recent_menu = menu.addMenu(tr("Open &Recent"))
        self._fill_recent()
        importing = QAction(tr("&Import positions…"), self.window, shortcut=QKeySequence("Ctrl+I"))
        importing.setToolTip(
            tr(
                "A venue's saved positions answer: Binance positionRisk, Bybit v5 position list, "
                "Hyperliquid clearinghouseState"
            )
        )
        importing.triggered.connect(self.import_positions)
        menu.addAction(importing)
        tiers = QAction(tr("Import &tier table…"), self.window)
        tiers.setToolTip(
            tr(
                "A venue's tier answer (Binance leverageBracket, Bybit risk-limit, Hyperliquid "
                "meta, ccxt fetch_leverage_tiers): it prices its symbols from now on"
            )
        )
        tiers.triggered.connect(self.import_tiers)
        menu.addAction(tiers)
        menu.addSeparator()
        for text, typed, slot in (
            (tr("Export comparison as &PNG…"), "Ctrl+Shift+P", self.export_png),
            (tr("Export p&lot alone as PNG…"), "", self.export_plot_png),
            (tr("Export comparison as &CSV…"), "Ctrl+Shift+E", self.export_csv),
            (tr("Export c&urves as CSV…"), "", self.export_curves_csv),
        ):
            action = QAction(text, self.window, shortcut=QKeySequence(typed))
            action.triggered.connect(slot)
            menu.addAction(action)
        menu.addSeparator()
        quit_action = QAction(
            tr("&Quit"), self.window, shortcut=QKeySequence(QKeySequence.StandardKey.Quit)
        )
        quit_action.triggered.connect(self.window.close)
        menu.addAction(quit_action)

    def build_presets_menu(self, menu: QMenu) -> None:
        for preset in preset_list():
            action = QAction(tr(preset.title), self.window)
            action.setStatusTip(tr(preset.explanation))
            action.setToolTip(tr(preset.explanation))
            action.triggered.connect(
                lambda _=False, p=preset: self.load_preset(p.file, tr(p.explanation), p.order)
            )
            menu.addAction(action)
        menu.setToolTipsVisible(True)

    # --- actions -------------------------------------------------------------------------------
    def maybe_keep_changes(self) -> bool:
        """True when it is fine to drop the current scenario (saved, discarded or clean)."""
        if not self.controller.is_dirty():
            return True
        answer = self.ask_keep_changes()
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    def new(self) -> None:
        if self.maybe_keep_changes():
            self.controller.replace(NEW_SCENARIO)
            self._show_status("")  # nothing said about the previous scenario stays

    def load_preset(self, file: str, explanation: str = "", order: str = "") -> None:
        """Load a bundled preset; one that comes with an order to check opens the check."""
        if self.maybe_keep_changes():
            self.controller.replace(preset_scenario(file))
            self._show_status(tr(explanation))
            if order and self._show_order is not None:
                self._show_order(order)

    def open(self) -> None:
        if self.maybe_keep_changes():
            path = self.ask_open_path()
            if path:
                self.open_path(Path(path), ask=False)

    def open_path(self, path: Path, ask: bool = True) -> bool:
        """Open a scenario file; a venue's positions answer (dropped or opened) is imported."""
        if ask and not self.maybe_keep_changes():
            return False
        try:
            note = self.controller.open(path)
        except ScenarioError as error:
            if self._import(path):
                return True
            self.show_error(tr("Cannot open {file}").format(file=path.name), error.problems)
            return False
        self._remember(path)
        if note:
            self._show_status(said(note))
        return True

    # The questions are attributes so tests (and only tests) can answer them.
    def ask_import_path(self) -> str:
        return self._ask_venue_file(tr("Import positions"))

    def ask_tier_path(self) -> str:
        """File → Import tier table…'s question: its own title (it read "Import positions")."""
        return self._ask_venue_file(tr("Import tier table"))

    def _ask_venue_file(self, title: str) -> str:
        return QFileDialog.getOpenFileName(
            self.window, title, self._import_folder(), tr("Venue answer (*.json);;All (*)")
        )[0]

    def _import_folder(self) -> str:
        """Where the last venue answer was imported from: a scenario's folder (a bundled
        preset's, inside the app) is no place to look for one."""
        folder = self.settings.value("files/import_folder", "")
        if isinstance(folder, str) and folder and Path(folder).is_dir():
            return folder
        return self._folder()

    def _remember_import(self, path: Path) -> None:
        self.settings.setValue("files/import_folder", str(path.resolve().parent))

    def ask_number(
        self,
        title: str,
        label: str,
        least: float = 0.0,
        value: float = 0.0,
        decimals: int = 6,
        unit: str = "",
    ) -> float | None:
        """A number from the trader, at least ``least``, ``value`` offered; a refusal names
        the field by ``title`` (``number_dialog``)."""
        dialog = NumberDialog(self.window, title, label, title, least, value, decimals, unit)
        return dialog.value if dialog.exec() == QDialog.DialogCode.Accepted else None

    def import_positions(self) -> None:
        """File → Import positions…: the current scenario stays until the import succeeds."""
        path = self.ask_import_path()
        if not path:
            return
        self._remember_import(Path(path))
        if self.maybe_keep_changes() and not self._import(Path(path)):
            self.show_error(
                tr("Cannot import {file}").format(file=Path(path).name), self._import_problems
            )

    def import_tiers(self) -> None:
        """File → Import tier table…: stored per user, dated; the figures follow at once."""
        path = self.ask_tier_path()
        if not path:
            return
        self._remember_import(Path(path))
        try:
            rules, count, _ = import_tier_table(path)
        except VenueFileError as error:
            self.show_error(tr("Cannot import {file}").format(file=Path(path).name), error.problems)
            return
        self.controller.recompute()
        self._show_status(
            (
                tr("{rules}: {n} symbols priced by {file} from now on")
                if count != 1
                else tr("{rules}: 1 symbol priced by {file} from now on")
            ).format(rules=rules, n=f"{count:,}", file=Path(path).name)
        )

    def _import(self, path: Path) -> bool:
        """Import a venue file; asks for the wallet and for rates the file does not give."""
        self._import_problems = []
        try:
            imported = read_venue_file(str(path))
        except VenueFileError as error:
            self._import_problems = error.problems
            return False
        wallet = None
        if imported.wallet is None:
            # At least what the isolated positions hold (less is refused, naming the file's
            # field); offered: every position's margin, so the cross ones keep theirs too.
            held = margins_held(imported)
            least = at_least(held.isolated, 2)  # to the cent, as the box shows it
            wallet = self.ask_number(
                tr("Wallet balance"),
                tr(
                    "The {venue} file does not state the wallet balance. Wallet balance (at "
                    "least {least}, the margin its isolated positions hold):"
                ).format(venue=imported.venue, least=f"{least:,.2f} {currency_of(imported.rules)}"),
                least=least,
                value=at_least(held.initial, 2),
                decimals=2,
                unit=f" {currency_of(imported.rules)}",
            )
            if wallet is None:
                self._import_problems = [tr("wallet: no wallet balance given")]
                return False
        rates: dict[str, float] = {}
        while True:
            try:
                scenario = to_scenario(imported, wallet, rates, name=f"{path.stem} (imported)")
            except VenueFileError as error:
                missing = _missing_symbols(error.problems)
                if not missing:
                    self._import_problems = error.problems
                    return False
                usual = usual_first_rate(imported.rules)
                for symbol in missing:
                    # No 0 offered: a maintenance rate of 0 never liquidates the position.
                    rate = self.ask_number(
                        tr("Maintenance rate"),
                        tr("No tier table covers {symbol}. MMR in %:").format(symbol=symbol)
                        if usual is None
                        else tr(
                            "No tier table covers {symbol}. MMR in % (most {rules} symbols "
                            "start at {rate} %):"
                        ).format(symbol=symbol, rules=imported.rules, rate=f"{usual * 100:g}"),
                        least=0.001,
                        value=0.001 if usual is None else usual * 100,
                        decimals=3,
                        unit=" %",
                    )
                    if rate is None:
                        self._import_problems = error.problems
                        return False
                    rates[symbol] = rate / 100
                continue
            except ScenarioError as error:
                self._import_problems = error.problems
                return False
            self.controller.replace(scenario)
            self.controller.undo_stack.resetClean()  # imported work is not saved yet
            largest = largest_position_symbol(scenario)
            if largest is not None:
                self.controller.set_axis(largest)
            self._show_status(_imported_text(scenario, path.name, largest))
            return True

    def save(self) -> bool:
        if self.controller.path is None:
            return self.save_as()
        return self._write(self.controller.path)

    def save_as(self) -> bool:
        path = self.ask_save_path(tr("Save scenario as"), SCENARIO_SUFFIX)
        return bool(path) and self._write(Path(path))

    def export_png(self) -> None:
        """The whole comparison (title, cards, plot, loss bars) as a PNG to share."""
        path = self.ask_save_path(tr("Export comparison picture"), ".png", tr("PNG image (*.png)"))
        if path and not self._grab_plot().save(path, "PNG"):
            self.show_error(
                tr("Export failed"), [tr("{file}: could not be written").format(file=path)]
            )
        elif path:
            self._show_status(tr("Picture saved to {file}").format(file=Path(path).name))

    def export_plot_png(self) -> None:
        """The equity plot alone, through pyqtgraph's image exporter (no other widget)."""
        if self._export_plot is None:
            return
        path = self.ask_save_path(tr("Export plot picture"), ".png", tr("PNG image (*.png)"))
        if path and not self._export_plot(path):
            self.show_error(
                tr("Export failed"), [tr("{file}: could not be written").format(file=path)]
            )
        elif path:
            self._show_status(tr("Plot saved to {file}").format(file=Path(path).name))

    def export_csv(self) -> None:
        result = self.controller.result
        path = self.ask_save_path(tr("Export comparison"), ".csv", tr("CSV (*.csv)"))
        if not path or result is None:
            return
        try:
            with open(path, "w", newline="", encoding="utf-8") as stream:
                csv.writer(stream).writerows(comparison_rows(result.report))
        except OSError as error:
            self.show_error(tr("Export failed"), [f"{path}: {error.strerror}"])
        else:
            self._show_status(tr("Comparison saved to {file}").format(file=Path(path).name))

    def export_curves_csv(self) -> None:
        """The plotted curves: each variant's equity along the plot's axis (with any other
        symbols' moves typed), one row a point, each column's unit in its header."""
        result = self.controller.result
        if result is None or result.sweep is None:
            self._show_status(tr("No curves to export: the book holds no position"))
            return
        path = self.ask_save_path(tr("Export curves"), ".csv", tr("CSV (*.csv)"))
        if not path:
            return
        scenario = result.scenario
        text = sweep_csv(result.sweep, scenario.account.currency, scenario.coin_margined)
        try:
            Path(path).write_text(text, encoding="utf-8")
        except OSError as error:
            self.show_error(tr("Export failed"), [f"{path}: {error.strerror}"])
        else:
            self._show_status(
                tr("Curves saved to {file}: {n} points").format(
                    file=Path(path).name, n=f"{len(result.sweep.x):,}"
                )
            )

    def copy_comparison(self) -> None:
        result = self.controller.result
        if result is not None:
            out = io.StringIO()
            csv.writer(out, delimiter="\t", lineterminator="\n").writerows(
                comparison_rows(result.report)
            )
            QGuiApplication.clipboard().setText(out.getvalue())
            rows = len(out.getvalue().splitlines())
            self._show_status(
                tr("Comparison copied: {n} rows, tab-separated, ready to paste").format(n=rows)
            )

    @staticmethod
    def dropped_file(mime: QMimeData) -> Path | None:
        urls = [u for u in mime.urls() if u.isLocalFile()]
        return Path(urls[0].toLocalFile()) if len(urls) == 1 else None

    # --- internals -----------------------------------------------------------------------------
    def _write(self, path: Path) -> bool:
        try:
            self.controller.save(path)
        except OSError as error:
            self.show_error(tr("Save failed"), [f"{path}: {error.strerror or error}"])
            return False
        self._remember(path)
        return True

    def _folder(self) -> str:
        path = self.controller.path
        return str(path.parent) if path else str(Path.home())

    def recent(self) -> list[str]:
        """The recent files, at most MAX_RECENT of them, whatever the settings file holds."""
        value = self.settings.value("files/recent", [])
        items = [value] if isinstance(value, str) else value if isinstance(value, list) else []
        return [str(v) for v in items[:MAX_RECENT]]

    def _remember(self, path: Path) -> None:
        text = str(path.resolve())
        items = [text, *[p for p in self.recent() if p != text]][:MAX_RECENT]
        self.settings.setValue("files/recent", items)
        self.settings.setValue("files/last", text)
        self._fill_recent()

    def _fill_recent(self) -> None:
        if self.recent_menu is None:
            return
        self.recent_menu.clear()
        for text in self.recent():
            action = self.recent_menu.addAction(text)
            action.triggered.connect(lambda _=False, p=text: self.open_path(Path(p)))
        self.recent_menu.setEnabled(bool(self.recent()))


def _imported_text(scenario: Scenario, file: str, largest: str | None) -> str:
    """What the status says of an import: how many positions, and which symbol the plot
    starts on when there is a choice."""
    n = len(scenario.positions)
    if largest is not None and len(scenario.symbols()) > 1:
        return tr(
            "Imported {n} positions from {file}; the plot shows {symbol}, the largest"
        ).format(n=f"{n:,}", file=file, symbol=largest)
    if n == 1:  # it read "Imported 1 positions"
        return tr("Imported 1 position from {file}").format(file=file)
    return tr("Imported {n} positions from {file}").format(n=f"{n:,}", file=file)


def _missing_symbols(problems: list[str]) -> list[str]:
    """The symbols an import asks a rate for ("mmr: no … tier table covers A, B; …")."""
    for problem in problems:
        if problem.startswith("mmr: ") and " covers " in problem:
            listed = problem.split(" covers ", 1)[1].split(";", 1)[0]
            return [s.strip() for s in listed.split(",")]
    return []


def preset_scenario(file: str) -> Scenario:
    """A bundled preset with its name, and its accounts' names, in the window's language (the
    preset's text, not the trader's data, until they rename or save it)."""
    scenario = load_preset(file)
    linked = tuple(a.model_copy(update={"name": tr(a.name)}) for a in scenario.linked_accounts)
    return scenario.model_copy(update={"name": tr(scenario.name), "linked_accounts": linked})
