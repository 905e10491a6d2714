"""Issue 20: with the zh_CN catalogue installed, the main window, the cards, the banner and an
error message read in Chinese, with no English words left (names, symbols, units and the rule
sets' ids are not words of the language and stay as the venues write them)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QGroupBox,
    QLabel,
    QTableView,
    QTableWidget,
    QTabWidget,
    QTreeWidget,
    QWidget,
)

from marginlab.desktop import i18n
from marginlab.desktop.main_window import MainWindow
from tests.desktop.conftest import wait_result

# Not English words: tickers and currencies, venues and their rule sets' ids, keys, units.
NAMES = re.compile(
    r"^(?:[A-Z0-9]+USDT?|USDT?|BTC|ETH|SOL|Binance|Bybit|Bitget|Hyperliquid|binance|usdm|bybit|"
    r"linear|bitget|hyperliquid|generic|Margin|Lab|Ctrl|Shift|Del|PageUp|PageDown|Enter|Up|Down|"
    r"F1|x|GBM|CSV|PNG|ALL|ES95|p5|Σ|cum|deduction|positionRisk|clearinghouseState|v5|"
    r"leverageBracket|risk|limit|meta|ccxt|fetch_leverage_tiers|maintenance_rate|VIP|q|p|MMR|"
    r"SYMBOL|PRICE|PCT|span|style|color|b|br|i)$"
)
WORD = re.compile(r"[A-Za-z_]{2,}[0-9]*")


@pytest.fixture
def chinese(qapp) -> Iterator[None]:
    installed = i18n.current_language()
    before = set(qapp.findChildren(QTranslator))
    assert i18n.install(qapp, "zh_CN"), "run `make translations` first"
    yield
    for translator in set(qapp.findChildren(QTranslator)) - before:
        QCoreApplication.removeTranslator(translator)
        translator.deleteLater()
    i18n.install(qapp, installed)


@pytest.fixture
def zh_window(chinese, window: MainWindow) -> MainWindow:
    """The window built after the catalogue is installed, as at a start in zh_CN."""
    return window


def english_words(texts: list[str]) -> list[str]:
    left = []
    for text in texts:
        for word in WORD.findall(re.sub(r"<[^>]+>", " ", text)):
            if not NAMES.match(word):
                left.append(f"{word!r} in {text[:90]!r}")
    return left


def shown_texts(root: QWidget) -> list[str]:
    """What a trader reads: labels, buttons, group titles, tabs, headers, cells, tooltips."""
    texts: list[str] = []
    for widget in [root, *root.findChildren(QWidget)]:
        texts.append(widget.toolTip())
        if isinstance(widget, QLabel | QAbstractButton | QAbstractSpinBox):
            texts.append(widget.text())  # a spin box's text has its suffix: "30 candles"
        elif isinstance(widget, QGroupBox):
            texts.append(widget.title())
        elif isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                texts += [widget.tabText(i), widget.tabToolTip(i)]
        if isinstance(widget, QTableView) and not isinstance(widget, QTableWidget):
            model = widget.model()
            for column in range(model.columnCount()):
                texts.append(str(model.headerData(column, _horizontal(), 0)))
                texts.append(str(model.headerData(column, _horizontal(), 3) or ""))
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    index = model.index(row, column)
                    if column not in (0, 1):  # the position's name and its symbol: data
                        texts.append(str(model.data(index) or ""))
                    texts.append(str(model.data(index, 3) or ""))
        if isinstance(widget, QTableWidget):
            for column in range(widget.columnCount()):
                header = widget.horizontalHeaderItem(column)
                if header is not None:
                    texts += [header.text(), header.toolTip()]
            for row in range(widget.rowCount()):
                for column in range(widget.columnCount()):
                    item = widget.item(row, column)
                    if item is not None:
                        texts += [item.text(), item.toolTip()]
        if isinstance(widget, QTreeWidget):
            header = widget.headerItem()
            texts += [header.text(c) for c in range(widget.columnCount())]
            for i in range(widget.topLevelItemCount()):
                item = widget.topLevelItem(i)
                texts += [item.text(c) for c in range(1, widget.columnCount())]
                texts += [item.toolTip(c) for c in range(widget.columnCount())]
    return [t for t in texts if t]


def _horizontal():
    from PySide6.QtCore import Qt

    return Qt.Orientation.Horizontal


def test_the_main_window_cards_and_banner_are_in_chinese(zh_window: MainWindow) -> None:
    texts = shown_texts(zh_window)
    texts += [a.text() for a in zh_window.menuBar().actions()]
    for menu_action in zh_window.menuBar().actions():
        menu = menu_action.menu()
        if menu is not None:
            texts += [a.text() for a in menu.actions() if not a.isSeparator()]
    texts.append(zh_window.statusBar().currentMessage())
    assert english_words(texts) == []
    cards = zh_window.comparison.cards
    assert "全部全仓" in cards["cross"].title.text()
    assert "判断错误时的最大亏损" in cards["cross"].account.text()
    banner = zh_window.comparison.summary.model().index(0, 3).data()
    assert "可能亏损" in banner and "USDT" in banner
    assert "逐仓" in zh_window.menuBar().actions()[3].menu().actions()[0].text()


def test_an_error_message_is_in_chinese(zh_window: MainWindow, qtbot) -> None:
    """The size of B typed as 0: the message under the form names the field and the limit in
    Chinese; the last valid figures stay."""
    zh_window.table.selectRow(1)
    assert not zh_window.controller.set_position(1, "quantity", "0")
    text = zh_window.problems.text()
    assert "B 仓位大小" in text and "必须大于 0" in text, text
    assert english_words([text, zh_window.problems.toolTip()]) == []
    assert not zh_window.controller.set_position(1, "quantity", "1,5")
    assert "有歧义" in zh_window.problems.text()
    assert english_words([zh_window.problems.text()]) == []


def test_a_typed_number_reads_the_same_in_both_languages(zh_window: MainWindow) -> None:
    """Numbers are parsed without ambiguity whatever the language: a point for decimals, commas
    only between groups of three."""
    assert zh_window.controller.set_position(1, "quantity", "0.5")
    assert zh_window.controller.scenario.positions[1].quantity == 0.5
    assert zh_window.controller.set_account("wallet_balance", "12,500")
    assert zh_window.controller.scenario.account.wallet_balance == 12_500


def test_a_chinese_side_or_mode_typed_in_the_table_is_understood(zh_window: MainWindow) -> None:
    assert zh_window.controller.set_position(0, "margin_mode", "逐仓")
    assert zh_window.controller.scenario.positions[0].margin_mode == "isolated"
    assert zh_window.controller.set_position(0, "side", "做空")
    assert zh_window.controller.scenario.positions[0].side == "short"


def test_the_glossary_opens_in_chinese(zh_window: MainWindow) -> None:
    zh_window.show_glossary(True)
    page = zh_window.glossary.widget().toPlainText()
    assert "逐仓还是全仓" in page and "强平价格" in page
    assert zh_window.glossary.windowTitle() == "术语表：逐仓与全仓"


def test_the_language_menu_remembers_the_choice(window, settings) -> None:
    """Help → Language: the choice is kept in the settings; the window says when it applies."""
    actions = {a.data(): a for a in window.language_actions.actions()}
    assert set(actions) == {"", "en", "zh_CN"} and actions[""].isChecked()
    actions["zh_CN"].trigger()
    assert settings.value(i18n.SETTING) == "zh_CN"
    assert i18n.chosen_language(settings) == "zh_CN"
    assert "简体中文" in window.statusBar().currentMessage()


def test_a_file_that_will_not_open_is_explained_in_chinese(zh_window: MainWindow, tmp_path) -> None:
    """The engine's file problems reach the dialog as plain text (an exception's list): each is
    recognised by its template and said in Chinese."""
    shown: list[tuple[str, list[str]]] = []
    zh_window.files.show_error = lambda title, lines: shown.append((title, lines))
    broken = tmp_path / "broken.marginlab.json"
    broken.write_text("{not json", "utf-8")
    assert not zh_window.files.open_path(broken, ask=False)
    title, lines = shown[0]
    assert title == "无法打开 broken.marginlab.json"
    message = i18n.said(lines[0])
    assert message.startswith("文件：不是有效的 JSON"), message


def test_plain_engine_text_is_recognised_by_its_template(chinese) -> None:
    assert i18n.said("Max loss 5,000.00 USDT is above your max acceptable loss 2,500.00 USDT") == (
        "最大亏损 5,000.00 USDT 超过了你的最大可接受亏损 2,500.00 USDT"
    )
    assert i18n.said("12,500.00") == "12,500.00"  # a figure is shown as it is
    assert i18n.said("a text no template knows") == "a text no template knows"


def test_rules_refused_are_said_in_chinese(zh_window: MainWindow) -> None:
    box = zh_window.account.rules
    generic = box.findText("generic")
    box.setCurrentIndex(generic)
    box.activated.emit(generic)
    message = zh_window.statusBar().currentMessage()
    assert message.startswith("规则：未采用 generic（") and message.endswith("；仍为 binance-usdm")
    assert english_words([message]) == []


def test_a_files_check_that_names_its_field_first_is_said_in_chinese(zh_window: MainWindow) -> None:
    """The file's checks name their field first ("positions: isolated margins add up to …",
    "maintenance_amount: given without maintenance_rate"); the window names the field in its
    own words and said the rest in English, matching no template whole."""
    controller = zh_window.controller
    controller.set_position(0, "margin", "9000")
    assert zh_window.problems.text().startswith("仓位: 逐仓保证金合计 11,000.00 USDT，超过钱包余额")
    controller.set_position(0, "margin", "3000")
    controller.set_position(0, "maintenance_amount", "5")
    assert "给出了速算额却没有维持保证金率" in zh_window.problems.text()
    assert english_words([zh_window.problems.text()]) == []
    controller.undo_stack.setClean()


def test_a_card_says_none_in_chinese(zh_window: MainWindow, qtbot, tmp_path) -> None:
    """A position no price liquidates: its card cell says so in the window's language (the
    card's model wrote the engine's English "none")."""
    import json

    from bench.books import book_document
    from marginlab.engine.margin.evaluate import evaluate
    from tests.desktop.screen import card_cell

    path = tmp_path / "book.json"
    path.write_text(json.dumps(book_document(12)), encoding="utf-8")
    zh_window.files.open_path(path, ask=False)
    wait_result(qtbot, zh_window)
    report = evaluate(zh_window.controller.scenario)
    rows = [
        (name, row)
        for name, variant in report.variants.items()
        for row, f in enumerate(variant.positions.values())
        if f.liquidation_price is None
    ]
    assert rows
    assert {card_cell(zh_window, name, row, 1) for name, row in rows} == {"无"}
    zh_window.controller.undo_stack.setClean()


def test_the_tabs_built_when_first_opened_are_in_chinese(zh_window: MainWindow) -> None:
    """Replay, Risk, Calculator and Before you open, built when first opened: the Risk tab's
    block length read "30 candles" (a spin box's suffix, which the main window's check did
    not read)."""
    for view in (zh_window.replay, zh_window.risk, zh_window.calculator, zh_window.pretrade):
        zh_window.views.setCurrentWidget(view)
        assert english_words(shown_texts(view)) == []


def test_an_order_past_what_a_file_may_hold_is_refused_in_chinese(
    zh_window: MainWindow, qtbot
) -> None:
    """A size, a price or an MMR past their bounds, under Before you open: pydantic's English
    sentence was shown as it was ("Price: input should be less than or equal to …")."""
    view = zh_window.pretrade
    zh_window.views.setCurrentWidget(view)
    for size, price, mmr in ((1e13, 50_000.0, ""), (0.1, 1e13, ""), (0.1, 50_000.0, "150")):
        view.set_order("BTCUSDT", "long", size, 10, price)
        view.mmr.setText(mmr)
        view.recompute()
        qtbot.waitUntil(lambda: bool(view.problems.text()), timeout=3000)
        text = view.problems.text()
        assert english_words([text]) == [], text
    # A symbol the file format refuses read "合约: letters, digits, _ . : / - only, at most 40"
    # (found by a random walk in this window that read every label it showed).
    view.mmr.setText("")
    view.set_order("x" * 300, "long", 0.1, 10, 50_000.0)
    qtbot.waitUntil(lambda: "40" in view.problems.text(), timeout=3000)
    assert english_words([view.problems.text()]) == [], view.problems.text()
    zh_window.controller.undo_stack.setClean()


def test_an_import_refused_for_a_figure_names_the_venue_field_in_chinese(
    zh_window: MainWindow, tmp_path
) -> None:
    """A Binance row of 10^13 ETH: the refusal names the file's row and field, with the bound
    said in Chinese (it read "positions[0].quantity: must be <= 1e+12")."""
    shown: list[tuple[str, list[str]]] = []
    zh_window.files.show_error = lambda title, lines: shown.append((title, lines))
    row = {"symbol": "ETHUSDT", "positionAmt": "1e13", "entryPrice": "3000", "markPrice": "3000"}
    answer = tmp_path / "answer.json"
    answer.write_text(json.dumps([row]), "utf-8")
    zh_window.files.ask_import_path = lambda: str(answer)
    zh_window.files.ask_number = lambda *args, **kwargs: 10_000.0
    zh_window.files.import_positions()
    assert shown[0][0] == "无法导入 answer.json"
    assert [i18n.said(line) for line in shown[0][1]] == [
        "answer.json 第 1 行，字段 positionAmt：必须小于等于 1e+12"
    ]


def test_a_refusal_translated_with_a_chinese_colon_still_names_the_position(
    zh_window: MainWindow, qtbot
) -> None:
    """A coin-margined mark of 10^-13: the message read "positions[0].mark_price：币本位…",
    the file's path, where the English window says "C mark price: …". Its translation puts a
    full-width colon after the field, which the window did not look for (a random walk that
    read every label found it)."""
    zh_window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, zh_window)
    first = zh_window.controller.scenario.positions[0].id
    assert not zh_window.controller.set_position(0, "mark_price", "1e-13")
    text = zh_window.problems.text()
    assert "positions[" not in text and "mark_price" not in text, text
    assert text.startswith(f"{first} "), text
    zh_window.controller.undo_stack.setClean()


def test_a_check_that_neither_mode_keeps_within_is_said_in_chinese(
    zh_window: MainWindow, qtbot
) -> None:
    """The brief's book and a 1 ETH long: neither mode keeps a wrong ETHUSDT within 2,500, and
    no size would. The reason read "Neither mode keeps a wrong ETHUSDT within … No size would."
    in English: its two messages were joined as plain text, which dropped their ids."""
    zh_window.files.load_preset("seed-example.json")
    wait_result(qtbot, zh_window)
    view = zh_window.pretrade
    zh_window.views.setCurrentWidget(view)
    view.set_order("ETHUSDT", "long", 1.0, 10, 3_000.0)
    qtbot.waitUntil(lambda: "ETHUSDT" in view.reasons.text(), timeout=3000)
    assert english_words([view.reasons.text()]) == [], view.reasons.text()
