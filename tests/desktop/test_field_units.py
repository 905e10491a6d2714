"""Every number typed has its unit in view: the position form's, "Before you open"'s and the
Calculator's captions name what a figure is in (the settlement currency, USD for a
coin-margined contract's prices, the coin for its margins, the symbol's coin for a size), and
follow the account, the symbol and the size's kind. On a laptop the form puts a field under
its caption rather than cutting it at the column's edge."""

from __future__ import annotations

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from marginlab.desktop.main_window import MainWindow
from tests.desktop.conftest import wait_result


def caption(form_field: QWidget) -> str:
    form = form_field.parentWidget().layout()
    assert isinstance(form, QFormLayout)
    label = form.labelForField(form_field)
    assert isinstance(label, QLabel)
    return label.text().replace("&", "")  # the mnemonic's marker is not shown


def test_the_position_forms_captions_name_their_units(qtbot, window: MainWindow) -> None:
    window.table.selectRow(0)  # A: ETHUSDT long on USDT
    form = window.form
    fields = (form.size_field, form.entry, form.mark, form.margin, form.amount)
    assert [caption(f) for f in fields] == [
        "Size (ETH)",
        "Entry price (USDT)",
        "Mark price (USDT)",
        "Isolated margin (USDT)",
        "MM amount override (USDT)",
    ]
    form.size_kind.setCurrentIndex(1)  # by notional at entry: an amount of the currency
    assert caption(form.size_field) == "Size (USDT)"
    form.size_kind.setCurrentIndex(0)
    window.table.selectRow(1)  # B: BTCUSDT
    assert caption(form.size_field) == "Size (BTC)"
    window.controller.undo_stack.setClean()


def test_a_coin_margined_position_is_priced_in_dollars_and_margined_in_coins(
    qtbot, window: MainWindow
) -> None:
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    window.table.selectRow(0)
    form = window.form
    assert caption(form.entry) == "Entry price (USD)"
    assert caption(form.mark) == "Mark price (USD)"
    assert caption(form.margin) == "Isolated margin (BTC)"
    assert caption(form.size_field) == "Size"  # in contracts: "Size as" names them
    assert form.size_kind.currentText().startswith("Contracts (100 USD each)")


def _order_captions(view: QWidget) -> list[str]:
    grid = view.price.parentWidget().layout()
    labels = [grid.itemAtPosition(0, column).widget() for column in range(grid.columnCount())]
    return [label.text().replace("&", "") for label in labels if isinstance(label, QLabel)]


def test_before_you_open_names_the_orders_units(qtbot, qapp, window: MainWindow) -> None:
    view = window.pretrade
    window.views.setCurrentWidget(view)
    view.symbol.setEditText("ETHUSDT")
    view.recompute()
    captions = _order_captions(view)
    assert "Size (ETH)" in captions
    assert "Price (USDT)" in captions
    assert "Max acceptable loss (USDT)" in captions
    view.size_kind.setCurrentIndex(1)  # the margin given: an amount of the currency
    view.recompute()
    assert "Size (USDT)" in _order_captions(view)
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    view.recompute()
    captions = _order_captions(view)
    assert "Price (USD)" in captions and "Max acceptable loss (BTC)" in captions
    assert "Size" in captions  # contracts: the size's kind says so
    window.controller.undo_stack.setClean()


def test_the_calculators_order_price_names_its_unit(qtbot, window: MainWindow) -> None:
    view = window.calculator
    window.views.setCurrentWidget(view)
    view.recompute()
    assert "Price (USDT)" in _order_captions(view)
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    view.recompute()
    assert "Price (USD)" in _order_captions(view)


def test_on_a_laptop_every_form_field_is_whole_beside_or_under_its_caption(
    qtbot, qapp, window: MainWindow
) -> None:
    """1280 × 720 with the 12-position Hyperliquid account: the left column is at its
    narrowest, and the form's fields stood cut at its edge ("Long" read "Lo", a price
    "11000" of 110000)."""
    from tests.desktop.test_main_window import _import_twelve_hyperliquid_positions

    _import_twelve_hyperliquid_positions(qtbot, window)
    window.resize(1280, 660)
    window._fit_splits()
    for _ in range(3):
        qapp.processEvents()
    window.table.selectRow(0)
    qapp.processEvents()
    viewport = window.split.form_area.viewport()
    form = window.form
    assert caption(form.entry) == "Entry price (USDC)"  # the venue's settlement currency
    assert caption(form.size_field) == "Size (BTC)"  # Hyperliquid's "BTC" is the coin
    fields = (form.symbol, form.side, form.mode, form.size_kind, form.size_field, form.entry,
              form.mark, form.margin, form.leverage, form.rate, form.amount)  # fmt: skip
    for field in fields:
        right = field.mapTo(viewport, field.rect().topRight()).x()
        assert right < viewport.width(), field.accessibleName()
        assert field.width() >= field.minimumSizeHint().width(), field.accessibleName()
    window.controller.undo_stack.setClean()


def test_the_tables_header_tips_name_the_units(qtbot, window: MainWindow) -> None:
    """The Entry header's tip said "settlement currency": of a BTC-margined BTCUSD position,
    BTC, where the entry is in dollars."""
    from PySide6.QtCore import Qt

    from marginlab.desktop.positions_table_model import FIELDS

    def tip(field: str) -> str:
        return str(
            window.model.headerData(
                FIELDS.index(field), Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole
            )
        )

    assert tip("entry_price") == "Average entry price, in USDT"
    assert tip("mark_price").startswith("Today's mark price, in USDT;")
    assert "in USDT;" in tip("margin")
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    assert tip("entry_price") == "Average entry price, in USD"
    assert tip("mark_price").startswith("Today's mark price, in USD;")
    assert "in BTC;" in tip("margin")
    assert tip("quantity").startswith("Size in contracts")


def test_a_leverage_typed_as_the_venues_write_it_is_read(qtbot, window: MainWindow) -> None:
    """ "20x" (as the venues write a leverage, and "20×" as the app does) was "'20x' is not a
    number" in the form, the table, the Calculator and Before you open."""
    from marginlab.desktop.positions_table_model import FIELDS

    window.table.selectRow(0)
    assert window.controller.set_position(0, "leverage", "20x")
    assert window.controller.scenario.positions[0].leverage == 20
    column = FIELDS.index("leverage")
    assert window.model.setData(window.model.index(1, column), "5×")
    assert window.controller.scenario.positions[1].leverage == 5
    calc = window.calculator
    window.views.setCurrentWidget(calc)
    calc.leverage.setText("x25")
    calc.quantity.setText("1")
    calc.recompute()
    assert calc.problems.text() == ""
    price = window.controller.scenario.marks()[calc.symbol.currentText()]
    assert f"Initial margin {price / 25:,.2f} USDT" in calc.exit_text.text()  # 1 at 25×
    view = window.pretrade
    window.views.setCurrentWidget(view)
    view.leverage.setText("15x")
    view.size_field.setText("1")
    view.recompute()
    assert "Leverage" not in view.problems.text()
    window.controller.undo_stack.setClean()


def test_a_coin_orders_size_example_stays_whole_beside_its_units(
    qtbot, qapp, window: MainWindow
) -> None:
    """Before you open in the BTC-margined preset at 1366 × 720: the size's unit, "contracts
    (100 USD)", and the caption "Max acceptable loss (BTC)" left the size's example "e.g. …"."""
    window.files.load_preset("btc-margined-long.json")
    wait_result(qtbot, window)
    window.resize(1366, 720)
    window._fit_splits()
    view = window.pretrade
    window.views.setCurrentWidget(view)
    qtbot.waitUntil(view.isVisible)
    view.recompute()
    for _ in range(3):
        qapp.processEvents()
    field = view.size_field
    example = field.placeholderText()
    assert example.startswith("e.g. ")
    assert field.width() >= field.fontMetrics().horizontalAdvance(example) + 16
    window.controller.undo_stack.setClean()
