"""The main window: assembles the panels, menus and shortcuts; owns no margin logic."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QModelIndex, QObject, QPoint, QSettings, QSize, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeyEvent,
    QKeySequence,
    QPainter,
    QPixmap,
    QShortcut,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QTableView,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from marginlab.desktop.account_panel import AccountPanel
from marginlab.desktop.autosave import Autosaver
from marginlab.desktop.comparison_panel import CARD_ROWS, SHORT_CARD_ROWS, ComparisonPanel
from marginlab.desktop.controller import Result, ScenarioController
from marginlab.desktop.equity_plot import EquityPlot
from marginlab.desktop.fields import EditField
from marginlab.desktop.file_actions import FileActions
from marginlab.desktop.i18n import (
    LANGUAGES,
    SETTING,
    SYSTEM,
    current_language,
    glossary_html,
    said,
    tr,
)
from marginlab.desktop.loss_chart import LossChart
from marginlab.desktop.panes import Panes, TableAndForm
from marginlab.desktop.position_form import PositionForm
from marginlab.desktop.positions_table_model import (
    EDITABLE,
    FIELDS,
    MODE_COLUMN,
    PositionsTableModel,
)
from marginlab.desktop.steady_tabs import SteadyTabs
from marginlab.desktop.style import tint
from marginlab.desktop.symbol_delegate import SymbolDelegate
from marginlab.desktop.text_widths import TextWidths
from marginlab.desktop.wheel_guard import guard_wheels
from marginlab.desktop.wording import trader_words
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.rules import table_info
from marginlab.engine.text.numbers import money_text
from marginlab.engine.text.orders import parse_order

if TYPE_CHECKING:
    from marginlab.desktop.calculator_view import CalculatorView
    from marginlab.desktop.path_runs import PathRuns
    from marginlab.desktop.pretrade_view import PreTradeView
    from marginlab.desktop.replay_view import ReplayView
    from marginlab.desktop.risk_view import RiskView

TITLE_BAR = 40  # px the window manager's frame takes above a window's contents
FIT_ROWS = 200  # rows a column's width is measured over (QHeaderView resizeContentsPrecision)
CELL_PADDING = 8  # px a table cell adds around its text: margins, focus frame, grid line
PROBLEM_LINES = 3  # lines of problems shown under the form; the rest in its tooltip
SHORT_WINDOW = 720  # px of the window's panes under which a card shows fewer rows
MIN_CARD_ROWS = 2  # positions a card shows at least, however short the window
ROOM_FOR_PLOT = 360  # px under which the max-loss chart gives up height to the plots
GLOSSARY_FLOATING_WIDTH = 360  # px of a glossary floating over the left column, at least


def first_size(free: QSize) -> QSize:
    """1600 x 960, or less on a smaller screen: a window larger than the screen's free area
    (a 1366 x 768 laptop) would open with its edges, and figures, out of reach."""
    return QSize(min(1600, free.width()), min(960, free.height() - TITLE_BAR))


class MainWindow(QMainWindow):
    def __init__(
        self,
        controller: ScenarioController,
        settings: QSettings,
        autosave_folder: Path | None = None,
    ) -> None:
        super().__init__()
        self.controller = controller
        controller.setParent(self)  # one lifetime: no signal may reach a deleted window
        self.settings = settings
        self.setAcceptDrops(True)
        self.account = AccountPanel(controller)
        self.model = PositionsTableModel(controller)
        self.table = QTableView()
        self._result_widths = TextWidths()  # the result columns' texts, measured once
        self.table.setModel(self.model)
        self.symbols = SymbolDelegate(controller, self.table)
        self.table.setItemDelegateForColumn(FIELDS.index("symbol"), self.symbols)
        self.table.setAccessibleName("positions")
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        # Column widths from the first rows, not every row of a big book through its delegate
        # (2,000 positions: 0.5 s); an edit widens its column to what was typed.
        self.table.horizontalHeader().setResizeContentsPrecision(FIT_ROWS)
        self.model.modelReset.connect(self.table.resizeColumnsToContents)
        self.model.dataChanged.connect(self._widen_columns)
        self.model.headerDataChanged.connect(self._fit_headers)
        controller.scenarioReplaced.connect(self.table.resizeColumnsToContents)
        controller.scenarioReplaced.connect(self._fit_table_rows)
        controller.scenarioReplaced.connect(self._on_book_replaced)
        self.form = PositionForm(controller)
        self.problems = QLabel()
        self.problems.setTextFormat(Qt.TextFormat.PlainText)
        self.problems.setWordWrap(True)
        tint(self.problems, "#d0342c", bold=True)
        self.problems.setAccessibleName("problems")
        # Its room is kept when empty, and its height never changes: a message appearing
        # must not move the form under the trader's pointer.
        policy = self.problems.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.problems.setSizePolicy(policy)
        self.problems.setFixedHeight(PROBLEM_LINES * self.problems.fontMetrics().lineSpacing() + 4)
        self.problems.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.problems.hide()
        self.comparison = ComparisonPanel()
        self.plot = EquityPlot(controller)
        self._runs: PathRuns | None = None
        self._replay: ReplayView | None = None
        self._risk: RiskView | None = None
        self._calculator: CalculatorView | None = None
        self._pretrade: PreTradeView | None = None
        self._glossary: QDockWidget | None = None
        self._glossary_placed = False
        self._cards_fitted: tuple[int, bool] | None = None  # what the figures' pane fits
        self.losses = LossChart()
        self.files = FileActions(
            controller,
            self.settings,
            self,
            self.comparison_image,
            self._status,
            self.plot.export_image,
            self.show_pretrade,
        )
        self.autosaver = Autosaver(controller, autosave_folder)
        self.autosaver.problemChanged.connect(self._on_autosave_problem)
        self._build_layout()
        self._build_menus()
        self.statusBar().showMessage(
            tr(
                "Edit any figure on the left; everything on the right "
                "follows as you type. F1: glossary."
            )
        )
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _: self.form.set_row(current.row())
        )
        self.model.modelReset.connect(self._select_after_reset)
        controller.resultChanged.connect(self._on_result_changed)
        controller.problemsChanged.connect(self._on_problems_changed)
        self.model.refused.connect(self._say)
        # Ended first, then asked: "Put it back" undoes this edit alone.
        self.model.committed.connect(lambda _row, _field: controller.end_edit())
        self.model.committed.connect(self.confirm_unusual)
        self._asked: set[tuple[str, str, object]] = set()
        for edit, field in ((self.form.leverage, "leverage"), (self.form.rate, "maintenance_rate")):
            edit.editingFinished.connect(
                lambda field=field: self.confirm_unusual(self.form.row, field)
            )
        self.table.installEventFilter(self)  # Space toggles the mode from any cell of a row
        self.account.refused.connect(self._say)
        for typed in self.findChildren(EditField):
            typed.reverted.connect(self._say)
            typed.finished.connect(controller.end_edit)
        guard_wheels(self)  # every choice and spin box of the window, all built by now
        controller.scenarioChanged.connect(self._update_title)
        controller.pathChanged.connect(self._update_title)
        controller.undo_stack.cleanChanged.connect(self._update_title)
        self._update_title()
        self._select_after_reset()
        self.table.resizeColumnsToContents()
        geometry = settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(first_size(self.screen().availableGeometry().size()))

    def _build_layout(self) -> None:
        left = QWidget()
        column = self._left_column = QVBoxLayout(left)
        check = QPushButton(tr("Before you open: isolated or cross?"))
        # Never the widest thing in the column: the cards take the room first (Panes).
        check.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        check.setToolTip(
            tr(
                "The order you are about to place, opened isolated and opened cross in this "
                "account, against the loss you accept (Ctrl+T)"
            )
        )
        check.clicked.connect(self.show_pretrade)
        tint(check, bold=True)
        column.addWidget(check)
        column.addWidget(self.account)
        buttons = QHBoxLayout()
        for text, tip, slot in (
            (tr("&Add"), tr("Add a position (Ctrl+Shift+A)"), self.add_position),
            (
                tr("D&uplicate"),
                tr("Duplicate the selected position (Ctrl+D)"),
                self.duplicate_position,
            ),
            (tr("Re&move"), tr("Remove the selected position (Ctrl+Del)"), self.remove_position),
        ):
            button = QPushButton(text)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            buttons.addWidget(button)
        caption = QLabel(
            tr("Positions (double-click a cell to edit; tick Isolated to toggle the margin mode)")
        )
        caption.setWordWrap(True)
        column.addWidget(caption)
        self.split = TableAndForm(self.table, buttons, self.form)
        column.addWidget(self.split, 1)
        column.addWidget(self.problems)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.comparison)
        self.views = SteadyTabs()
        self.views.setAccessibleName("views")
        self.views.addTab(self.plot, tr("Price &move"))
        # Built on first use: they (and the Monte Carlo code) cost start-up time otherwise.
        self.views.addTab(QWidget(), tr("Re&play a path"))
        self.views.addTab(QWidget(), tr("Ris&k (Monte Carlo)"))
        self.views.addTab(QWidget(), tr("Calculator"))
        self.views.addTab(QWidget(), tr("Before you open"))
        self.views.currentChanged.connect(self._on_view_changed)
        self.views.setTabToolTip(0, tr("Equity against a what-if price move"))
        self.views.setTabToolTip(1, tr("A price path in time: a wick or a sustained crash"))
        self.views.setTabToolTip(2, tr("Odds of liquidation in each mode over many paths"))
        self.views.setTabToolTip(
            3,
            tr(
                "PnL and targets, average entry and DCA ladder, max open, size from your loss, "
                "funding: per mode (Ctrl+K)"
            ),
        )
        self.views.setTabToolTip(
            4, tr("The order you are about to place, isolated vs cross, against your loss (Ctrl+T)")
        )
        QShortcut(QKeySequence("Ctrl+K"), self, lambda: self.views.setCurrentIndex(3))
        QShortcut(QKeySequence("Ctrl+T"), self, self.show_pretrade)
        right.addWidget(self.views)
        right.addWidget(self.losses)
        right.setStretchFactor(1, 1)  # the plot gives and takes height; the figures keep theirs
        self._right = right
        self._right_dragged = False  # the trader moved the figures' or the plot's edge
        right.splitterMoved.connect(self._on_right_moved)
        self.panes = Panes(left, right, self.comparison.unscrolled_width)
        self.setCentralWidget(self.panes)
        self._fitted = False
        self._book_replaced = False  # the cards about to show are another book's

    def event(self, event: QEvent) -> bool:
        # Polished just before its first layout: sizes set later would lay it all out twice.
        if event.type() == QEvent.Type.Polish and not self._fitted:
            self._fitted = True
            self._fit_splits()
        return super().event(event)

    def _on_book_replaced(self) -> None:
        """Another book: once its cards show, the panes fit them (``_on_result_changed``)."""
        self._book_replaced = True

    def _fit_table_rows(self) -> None:
        """A book opened: the table shows its rows, up to a few (``TableAndForm.fit``)."""
        columns = self.table.horizontalHeader().length()
        self.split.fit(
            len(self.controller.scenario.positions), columns > self.table.viewport().width()
        )

    def _left_wanted(self) -> int:
        """Width of the left column that shows every column of the positions table."""
        table = self.table
        margins = self._left_column.contentsMargins()
        return (
            table.verticalHeader().sizeHint().width()
            + table.horizontalHeader().length()
            + table.verticalScrollBar().sizeHint().width()
            + 2 * table.frameWidth()
            + margins.left()
            + margins.right()
        )

    def _fit_splits(self) -> None:
        """First sizes of the panes, from the window's size: the three cards side by side
        without scrolling if the window allows, the left column as wide as the positions table
        wants, the plot the rest."""
        width = self.width()  # no dock yet: the splitter gets the whole width
        height = (
            self.height()
            - self.menuBar().sizeHint().height()
            - self.statusBar().sizeHint().height()
        )
        self.panes.chosen = self._left_wanted()
        left = self.panes.fit(width)
        self._right.setSizes(self._right_sizes(height, width - left))
        # The table its rows, the form the rest; a left column narrower than the table's
        # columns shows them under a scroll bar.
        self.split.fit(len(self.controller.scenario.positions), left < self._left_wanted())

    def _fit_figures(self) -> None:
        """Another book's cards: the figures' pane as tall as they are (up to half the
        height, as at the start), the plot the rest, unless the trader has dragged it. The
        12-position account imported into a window fitted to the brief's two left each card's
        "Max loss if wrong" below the panel's edge."""
        height = sum(self._right.sizes())
        if self._right_dragged or height <= 0:  # dragged, or not laid out yet (``_fit_splits``)
            return
        sizes = self._right_sizes(height, self.comparison.width())
        if sizes != self._right.sizes():
            self._right.setSizes(sizes)

    def _right_sizes(self, height: int, width: int) -> list[int]:
        """The figures, the plots and the max-loss chart in ``height`` px of a ``width`` px
        column: the cards as tall as they are, up to half; the chart at its own height
        unless the plots then get too little; the plots the rest."""
        # A laptop's short window: a big book's cards showed six rows each and hid their own
        # "Max loss if wrong" below them, beside a plot 60 px tall (1280 × 720).
        cap = SHORT_CARD_ROWS if height < SHORT_WINDOW else CARD_ROWS
        self.comparison.set_row_cap(cap)
        # Cards taller than half: a row fewer each (their tables scroll), down to two, before
        # their max loss and warnings are cut at the pane's edge (a third position added to
        # the brief's example at 1366 × 768 cut the warnings in half).
        needed = self.comparison.unscrolled_height(width)
        while needed > height // 2 and cap > MIN_CARD_ROWS:
            cap -= 1
            self.comparison.set_row_cap(cap)
            needed = self.comparison.unscrolled_height(width)
        figures = min(needed, height // 2)
        losses = self.losses.sizeHint().height()
        if height - figures - losses < ROOM_FOR_PLOT:  # a laptop: the plots need it more
            losses = self.losses.minimumSizeHint().height()
        return [figures, max(height - figures - losses, 0), losses]

    def _on_right_moved(self, _position: int, _index: int) -> None:
        self._right_dragged = True

    @property
    def glossary(self) -> QDockWidget:
        """The help dock, built and filled when first asked for (~5 ms of start-up otherwise)."""
        if self._glossary is None:
            self._glossary = QDockWidget(tr("Glossary: isolated vs cross"), self)
            self._glossary.setObjectName("glossary")
            text = QTextBrowser()
            text.setAccessibleName("glossary")
            text.setHtml(glossary_html(current_language()))
            self._glossary.setWidget(text)
            self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self._glossary)
            self._glossary.hide()
            # Closed with its own × button: the menu's tick follows. isHidden, not the signal's
            # argument: a minimised window hides the dock without closing it.
            self._glossary.visibilityChanged.connect(
                lambda _: self.glossary_action.setChecked(not self.glossary.isHidden())
            )
        return self._glossary

    def show_glossary(self, shown: bool) -> None:
        glossary = self.glossary
        if shown and not self._glossary_placed:
            self._glossary_placed = True  # the trader's own docking or floating stays theirs
            self._place_glossary(glossary)
        glossary.setVisible(shown)
        if shown:
            glossary.raise_()
        self.glossary_action.setChecked(shown)

    def _place_glossary(self, glossary: QDockWidget) -> None:
        """Docked at the right where the window has the width for it beside the cards; else
        floating over the left column (the form, not the figures being explained): docked
        at 1366 px, it pushed "All cross" out of view under a scroll bar."""
        docked = glossary.sizeHint().width() + self.style().pixelMetric(
            QStyle.PixelMetric.PM_DockWidgetSeparatorExtent
        )
        if self.panes.cards_fit(self.panes.width() - docked):
            return
        glossary.setFloating(True)
        corner = self.panes.mapToGlobal(QPoint(0, 0))
        width = max(self.panes.sizes()[0], GLOSSARY_FLOATING_WIDTH)
        glossary.setGeometry(corner.x(), corner.y(), width, self.panes.height())

    def toggle_glossary(self) -> None:
        self.show_glossary(self.glossary.isHidden())

    def _build_menus(self) -> None:
        self.files.build_menu(self.menuBar().addMenu(tr("&File")))
        edit = self.menuBar().addMenu(tr("&Edit"))
        undo = self.controller.undo_stack.createUndoAction(self, tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.controller.undo_stack.createRedoAction(self, tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        edit.addActions([undo, redo])
        edit.addSeparator()
        menu_items: tuple[tuple[str, str, Callable[[], object]], ...] = (
            (tr("&Add position"), "Ctrl+Shift+A", self.add_position),
            (tr("&Duplicate position"), "Ctrl+D", self.duplicate_position),
            (tr("&Remove position"), "Ctrl+Del", self.remove_position),
            (tr("&Copy comparison"), "Ctrl+Shift+C", self.files.copy_comparison),
        )
        for text, keys, slot in menu_items:
            action = QAction(text, self, shortcut=QKeySequence(keys))
            action.triggered.connect(slot)
            edit.addAction(action)
        edit.addSeparator()
        for text, tip, slot in (
            (
                tr("Add a &coin-margined account"),
                tr("Link a BTC-margined account to this file: its own BTC wallet and positions"),
                lambda: self.controller.add_account(coin_margined=True),
            ),
            (
                tr("Add a USD&T-margined account"),
                tr("Link a USDT-margined account to this file: its own USDT wallet and positions"),
                lambda: self.controller.add_account(coin_margined=False),
            ),
        ):
            action = QAction(text, self)
            action.setToolTip(tip)
            action.triggered.connect(slot)
            edit.addAction(action)
        self.remove_account_action = QAction(tr("Remove this accou&nt"), self)
        self.remove_account_action.setToolTip(
            tr("Take the account shown out of this file (Undo brings it back)")
        )
        self.remove_account_action.triggered.connect(self.controller.remove_account)
        edit.addAction(self.remove_account_action)
        edit.setToolTipsVisible(True)
        self.controller.accountsChanged.connect(self._enable_account_actions)
        self._enable_account_actions()
        self.files.build_presets_menu(self.menuBar().addMenu(tr("&Presets")))
        help_menu = self.menuBar().addMenu(tr("&Help"))
        self.glossary_action = QAction(tr("&Glossary: isolated vs cross"), self, checkable=True)
        self.glossary_action.setShortcut(QKeySequence.StandardKey.HelpContents)
        self.glossary_action.setToolTip(tr("Show or hide the glossary panel (F1)"))
        self.glossary_action.triggered.connect(self.show_glossary)
        help_menu.addAction(self.glossary_action)
        self._build_language_menu(help_menu.addMenu(tr("&Language")))

    def _enable_account_actions(self) -> None:
        several = len(self.controller.file_scenario.accounts) > 1
        self.remove_account_action.setEnabled(several)

    def _build_language_menu(self, menu: QMenu) -> None:
        """System, or one of the languages, each written in itself; remembered, and used from
        the next start (every text would otherwise need rebuilding in place)."""
        menu.setToolTip(tr("The window's language, from the next start"))
        group = QActionGroup(self)
        chosen = self.settings.value(SETTING, SYSTEM)
        for code, name in ((SYSTEM, tr("System language")), *LANGUAGES.items()):
            action = QAction(name, self, checkable=True)
            action.setChecked(code == chosen or (code == SYSTEM and chosen not in LANGUAGES))
            action.setData(code)
            group.addAction(action)
            menu.addAction(action)
        group.triggered.connect(self._choose_language)
        self.language_actions = group

    def _choose_language(self, action: QAction) -> None:
        code = str(action.data())
        self.settings.setValue(SETTING, code)
        self._status(
            tr("Margin Lab will start in {language} next time").format(
                language=LANGUAGES.get(code, tr("the system language"))
            )
        )

    @property
    def runs(self) -> PathRuns:
        """The owner of Replay and Monte Carlo runs, made on first use (start-up stays lean)."""
        if self._runs is None:
            from marginlab.desktop.path_runs import PathRuns

            self._runs = PathRuns(self.controller, self)
        return self._runs

    @property
    def replay(self) -> ReplayView:
        if self._replay is None:
            from marginlab.desktop.replay_view import ReplayView

            self._replay = ReplayView(self.controller, self.runs)
            self._install_view(1, self._replay)
            if self.controller.result is not None:
                self._replay._on_result_changed(self.controller.result)
        return self._replay

    @property
    def risk(self) -> RiskView:
        if self._risk is None:
            from marginlab.desktop.risk_view import RiskView

            self._risk = RiskView(self.controller, self.runs)
            self._install_view(2, self._risk)
        return self._risk

    @property
    def calculator(self) -> CalculatorView:
        if self._calculator is None:
            from marginlab.desktop.calculator_view import CalculatorView

            self._calculator = CalculatorView(self.controller)
            self._install_view(3, self._calculator)
        return self._calculator

    @property
    def pretrade(self) -> PreTradeView:
        if self._pretrade is None:
            from marginlab.desktop.pretrade_view import PreTradeView

            self._pretrade = PreTradeView(self.controller)
            self._install_view(4, self._pretrade)
        return self._pretrade

    def show_pretrade(self, order: str = "") -> None:
        """The "Before you open" tab, filled with ``order`` when one is given (a preset's)."""
        view = self.pretrade
        self.views.setCurrentWidget(view)
        if order:
            parsed, _ = parse_order(order, self.controller.scenario.marks())
            if parsed is not None:
                view.set_order(
                    parsed.symbol, parsed.side, parsed.quantity, parsed.leverage, parsed.price
                )
        view.size_field.setFocus()

    def _install_view(self, index: int, view: QWidget) -> None:
        guard_wheels(view)  # built after the window: its boxes were not guarded with it
        current = self.views.currentIndex()
        text, tip = self.views.tabText(index), self.views.tabToolTip(index)
        self.views.blockSignals(True)
        old = self.views.widget(index)
        self.views.removeTab(index)
        self.views.insertTab(index, view, text)
        self.views.setTabToolTip(index, tip)
        self.views.setCurrentIndex(current)
        self.views.blockSignals(False)
        if old is not None:
            old.deleteLater()

    def _on_view_changed(self, index: int) -> None:
        views: dict[int, Callable[[], QWidget]] = {
            1: lambda: self.replay,
            2: lambda: self.risk,
            3: lambda: self.calculator,
            4: lambda: self.pretrade,
        }
        view = views.get(index)
        if view is not None:
            self.views.setCurrentWidget(view())

    # --- positions -----------------------------------------------------------------------------
    def selected_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def add_position(self) -> None:
        if self.controller.add_position(self.selected_row()):
            self.table.selectRow(len(self.controller.scenario.positions) - 1)

    def duplicate_position(self) -> None:
        row = self.selected_row()
        if row >= 0 and self.controller.duplicate_position(row):
            self.table.selectRow(row + 1)

    def remove_position(self) -> None:
        row = self.selected_row()
        if row >= 0:
            self.controller.remove_position(row)

    def _widen_columns(self, *args: object) -> None:
        """A longer value ("short", "12,500.5") widens its column; none shrinks while typing.

        Only the selected row is measured, by its text: edits happen there, and measuring every
        cell through the delegate cost 0.65 ms a keystroke."""
        first = args[0] if args else None
        if isinstance(first, QModelIndex) and first.column() >= EDITABLE:  # PnL, ROE: the rows
            last = args[1] if len(args) > 1 and isinstance(args[1], QModelIndex) else first
            header = self.table.horizontalHeader()
            texts_by_column = self.model.result_texts(first.row(), last.row())
            for column, texts in zip(
                range(EDITABLE, self.model.columnCount()), texts_by_column, strict=True
            ):
                # The texts measured by their font, not each cell through its delegate (a
                # book of 500 positions: 80 ms a keystroke), each text once; only ever wider.
                _, widest = self._result_widths.widest(texts, self.table.font())
                if widest + CELL_PADDING > header.sectionSize(column):
                    header.resizeSection(column, widest + CELL_PADDING)
            return
        row = self.selected_row()
        if row < 0:
            return
        metrics, header = self.table.fontMetrics(), self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column == MODE_COLUMN:  # "isolated" or "cross": never wider than at the start
                continue
            text = self.model.data(self.model.index(row, column))
            wanted = metrics.horizontalAdvance(str(text or "")) + CELL_PADDING
            if wanted > header.sectionSize(column):
                # This cell's width, not every row's through its delegate (a big book).
                header.resizeSection(column, wanted)

    def _fit_headers(self, orientation: Qt.Orientation, first: int, last: int) -> None:
        """A header whose text grew ("PnL (USDC)") widens its column, so it is not elided."""
        if orientation != Qt.Orientation.Horizontal:
            return
        header = self.table.horizontalHeader()
        for column in range(first, last + 1):
            wanted = header.sectionSizeHint(column)
            if wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)

    def _select_after_reset(self) -> None:
        rows = self.model.rowCount()
        if rows:
            row = min(max(self.form.row, 0), rows - 1)
            self.table.selectRow(row)
            self.form.set_row(row)
        else:
            self.form.set_row(-1)

    # --- rendering -----------------------------------------------------------------------------
    def _on_result_changed(self, result: Result) -> None:
        self.comparison.show_result(result)
        self.losses.show_result(result)
        # What decides the cards' height: their rows, and their titles (two lines at the
        # what-if, whose prices they name).
        shape = (len(self.controller.scenario.positions), result.cards is None)
        # Cards grown wider (an imported book's "+1198.0 %") take room from the left column,
        # as a narrower window does: the cross card's max loss was a scroll away.
        if self._book_replaced:
            self._book_replaced = False
            self.panes.fit(self.panes.width())
            self._fit_figures()
        else:
            self.panes.give_way()
            if shape != self._cards_fitted:  # a position added or removed, the what-if's cards
                self._fit_figures()
        self._cards_fitted = shape

    def _on_problems_changed(self, problems: dict[str, str]) -> None:
        scenario = self.controller.scenario
        text = "\n".join(
            trader_words(f"{where}: {said(message)}", scenario)
            for where, message in problems.items()
        )
        full = text + (tr("\n(the last valid figures stay on screen)") if text else "")
        lines = full.splitlines()
        if len(lines) > PROBLEM_LINES:
            lines = [*lines[: PROBLEM_LINES - 1], tr("… (every problem in the tooltip)")]
        self.problems.setText("\n".join(lines))
        self.problems.setToolTip(full)
        self.problems.setVisible(bool(problems))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Space in any cell of the positions table toggles that row's margin mode (the
        mode cell handles it itself, as a check box)."""
        if (
            watched is self.table
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Space
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and self.table.state() != QAbstractItemView.State.EditingState
        ):
            index = self.table.currentIndex()
            if index.isValid() and index.column() != MODE_COLUMN:
                mode_cell = self.model.index(index.row(), MODE_COLUMN)
                checked = mode_cell.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                toggled = Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked
                self.model.setData(mode_cell, toggled.value, Qt.ItemDataRole.CheckStateRole)
                return True
        return super().eventFilter(watched, event)

    def comparison_image(self) -> QPixmap:
        """The whole comparison as a picture to share: a title line (scenario, wallet, rule
        set and its date, today's date), then the cards, the current view and the loss bars,
        at twice the screen's resolution."""
        title = image_title(self.controller.scenario, date.today())
        body = self._right.grab()
        scale = 2
        band = self.fontMetrics().height() * 2
        image = QPixmap(body.width() * scale, (body.height() + band) * scale)
        image.setDevicePixelRatio(scale)
        image.fill(self.palette().window().color())
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
            painter.setPen(self.palette().windowText().color())
            painter.drawText(8, int(band * 0.7), title)
            painter.drawPixmap(0, band, body)
        finally:
            painter.end()
        return image

    def confirm_unusual(self, row: int, field: str) -> None:
        """A value far outside the usual, just committed, is asked about: kept (and not asked
        again for that value), or put back (undone) on the trader's word."""
        message = self.controller.unusual(row, field)
        if message is None or not self.controller.last_edit_changed(row, field):
            return
        position = self.controller.scenario.positions[row]
        key = (position.id, field, getattr(position, field))
        if key in self._asked:
            return
        if self.ask_unusual(trader_words(message, self.controller.scenario)):
            self._asked.add(key)  # kept: not asked again for this value
        else:
            self.controller.undo_stack.undo()
            self._say(
                tr("{id}: the leverage is back to what it was before").format(id=position.id)
                if field == "leverage"
                else tr("{id}: the MMR override is back to what it was before").format(
                    id=position.id
                )
            )

    def ask_unusual(self, message: str) -> bool:
        """Keep an unusual value? A dialog of two buttons in words: "Keep it" (Enter, as the
        value was typed on purpose) or "Put it back" (Escape)."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            tr("An unusual value"),
            tr("{message}.\n\nKeep it?").format(message=message),
            parent=self,
        )
        keep = box.addButton(tr("Keep it"), QMessageBox.ButtonRole.AcceptRole)
        back = box.addButton(tr("Put it back"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(keep)
        box.setEscapeButton(back)
        box.exec()
        return box.clickedButton() is keep

    def _status(self, text: str) -> None:
        """The status line says ``text``, or nothing when it is empty."""
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _say(self, text: str) -> None:
        """A one-line note in the status bar: an edit that was not used, and why."""
        self.statusBar().showMessage(trader_words(text, self.controller.scenario), 15_000)

    def _on_autosave_problem(self, text: str) -> None:
        if text:
            self.statusBar().showMessage(text)
        else:
            self.statusBar().clearMessage()

    def _update_title(self, *_: object) -> None:
        self.setWindowTitle(
            tr("Margin Lab — {name}").format(name=self.controller.file_scenario.name) + "[*]"
        )
        self.setWindowModified(self.controller.is_dirty())

    # --- window events -------------------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if self.files.dropped_file(event.mimeData()) is not None:
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        path = self.files.dropped_file(event.mimeData())
        if path is not None:
            event.acceptProposedAction()
            self.files.open_path(path)

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.files.maybe_keep_changes():
            event.ignore()
            return
        self.autosaver.remove()  # saved or knowingly discarded: nothing to recover
        if self._runs is not None:
            self._runs.shutdown()
        self.settings.setValue("window/geometry", self.saveGeometry())
        if self.controller.path is not None:
            self.settings.setValue("files/last", str(Path(self.controller.path)))
        event.accept()


def image_title(scenario: Scenario, today: date) -> str:
    """The comparison picture's title line: the scenario, its wallet in its currency (to
    8 decimals in a coin: a BTC wallet of 0.2 read "0.20"), the rule set and its date, and
    the day the picture was made."""
    account = scenario.account
    as_of = table_info(scenario.rules)["as_of"]
    return (
        tr("{name} · wallet {wallet} · {rules}").format(
            name=scenario.name,
            wallet=money_text(
                account.wallet_balance, account.currency, coin=scenario.coin_margined
            ),
            rules=scenario.rules,
        )
        + (" " + tr("(tiers {date})").format(date=as_of) if as_of else "")
        + f" · {tr('Margin Lab')}, {today.isoformat()}"
    )
