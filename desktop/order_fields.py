"""The widgets an order is typed into, shared by the Calculator and "Before you open" tabs."""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QWidget

from marginlab.desktop.i18n import said, tr
from marginlab.desktop.style import tint
from marginlab.engine.margin.rules import base_asset
from marginlab.engine.text.moves import resolve_symbol
from marginlab.engine.text.numbers import empty_field, price_text
from marginlab.engine.text.orders import order_symbol

PROBLEM_COLOUR = "#c0392b"
SYMBOL_CHARACTERS = 10  # a symbol box shows at least this many characters


def text_field(placeholder: str, tip: str, name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setPlaceholderText(placeholder)
    edit.setToolTip(tip)
    edit.setAccessibleName(name)
    return edit


def symbol_box(name: str) -> QComboBox:
    """An editable list of the account's symbols (filled by the view), or any typed."""
    box = QComboBox()
    box.setEditable(True)
    # "ETHUSDT" whole beside seven other fields on a laptop (it read "THUSDT").
    box.setMinimumContentsLength(SYMBOL_CHARACTERS)
    box.setAccessibleName(name)
    box.setToolTip(tr("Symbol of the order (the account's symbols, or type another)"))
    return box


def side_box(name: str) -> QComboBox:
    box = QComboBox()
    for side in ("long", "short"):
        box.addItem(tr(side), side)
    box.setAccessibleName(name)
    return box


def refill_symbols(box: QComboBox, symbols: list[str], keep_typed: bool = True) -> None:
    """The account's symbols in ``box``, the text typed kept; nothing done when they did not
    change (a result arrives with every keystroke in the window). Without ``keep_typed``
    (another book: New, Open, a preset, another account shown), a symbol the new book does
    not hold gives way to its first: the BTC-margined account shown after the USDT one kept
    "ETHUSDT" in the order and asked for its price in red."""
    if [box.itemText(i) for i in range(box.count())] == symbols:
        return
    typed = box.currentText()
    if not keep_typed and order_symbol(typed, symbols) not in symbols:
        typed = ""
    box.blockSignals(True)
    box.clear()
    box.addItems(symbols)
    box.setEditText(typed or (symbols[0] if symbols else "BTCUSDT"))
    box.blockSignals(False)


def refill_choices(box: QComboBox, choices: list[tuple[str | None, str]]) -> None:
    """(data, text) choices in ``box``, the chosen one kept; nothing done when unchanged."""
    if [(box.itemData(i), box.itemText(i)) for i in range(box.count())] == choices:
        return
    chosen = box.currentData()
    box.blockSignals(True)
    box.clear()
    for data, text in choices:
        box.addItem(text, data)
    box.setCurrentIndex(max(box.findData(chosen), 0))
    box.blockSignals(False)


def caption_row(grid: QGridLayout, cells: tuple[tuple[str, QWidget], ...]) -> list[QLabel]:
    """Each field under its caption, side by side (the caption's mnemonic focuses it); the
    captions, for those that name a unit (``UnitCaptions``). Close under the box's title: at
    1280 × 720 the Calculator's first page showed three of its four fields before a scroll."""
    grid.setContentsMargins(9, 2, 9, 4)
    grid.setVerticalSpacing(2)
    captions = []
    for col, (label, widget) in enumerate(cells):
        caption = QLabel(label)
        caption.setBuddy(widget)
        grid.addWidget(caption, 0, col)
        grid.addWidget(widget, 1, col)
        captions.append(caption)
    return captions


class ProblemLine(QLabel):
    """The line under an order: why its figures are not shown (in red), or, before a page
    has shown any, which fields to fill in (in the text's own colour: a field not typed in
    yet is not a mistake), or a note on what was done."""

    def __init__(self, name: str, keep_room: bool = False) -> None:
        """``keep_room``: one line's room is kept when there is nothing to say, for a line
        with fields under it. It hid when the first field was filled in, and every field
        below moved up under the pointer: a click meant for "Exit price" landed in "Target
        ROE" (the position form's problems keep their room for the same reason)."""
        super().__init__()
        self.setWordWrap(True)
        self.setAccessibleName(name)
        self._plain = QPalette(self.palette())
        self._note = ""
        self._keep_room = keep_room
        if keep_room:
            self.setMinimumHeight(self.fontMetrics().lineSpacing())
        else:
            self.hide()  # an empty line kept a gap between the order and its figures

    def show_problems(self, problems: Sequence[str], figures_shown: bool) -> None:
        """``problems`` (engine messages); with no figures on show yet, a list of fields
        left empty only is a request to fill them in, not an error. With none, the note
        (``show_note``) stays."""
        empty = [empty_field(p) for p in problems]
        if not problems and self._note:
            self._say(self._note, False)
        elif problems and not figures_shown and all(empty):
            fields = ", ".join(name for name in empty if name)
            self._say(tr("To see the figures, fill in: {fields}").format(fields=fields), False)
        else:
            self._say("\n".join(said(p) for p in problems), True)

    def show_note(self, text: str) -> None:
        """A note on what was done (not a problem): it stays through the recompute the deed
        brings, until ``forget_note`` (the trader types again) or a problem."""
        self._note = text
        self._say(text, False)

    def forget_note(self) -> None:
        self._note = ""

    def _say(self, text: str, problem: bool) -> None:
        if problem:
            tint(self, PROBLEM_COLOUR)
        else:
            self.setPalette(self._plain)
        self.setText(text)
        if not self._keep_room:
            self.setVisible(bool(text))


def compact_form(form: QFormLayout) -> QFormLayout:
    """A calculator page's fields closer together (``caption_row``: room on a laptop)."""
    form.setVerticalSpacing(3)
    form.setContentsMargins(6, 4, 6, 4)
    return form


def price_placeholder(mark: float | None, symbol_typed: str) -> str:
    """What an empty price field stands for: the symbol's mark ("mark 50,000.00"); for a
    symbol the account holds no position in, "no mark: type it" (a plain "mark" read as if
    there were one to use); "mark" until a symbol is typed."""
    if mark is not None:
        return tr("mark {price}").format(price=price_text(mark))
    return tr("no mark: type it") if symbol_typed.strip() else tr("mark")


def example_mark(mark: float | None, typed_price: str) -> float:
    """The price the examples sit near: the symbol's mark; for a symbol the account does not
    hold, the order's price typed, if any; else 60,000."""
    if mark is None:
        try:
            mark = float(typed_price.replace(",", ""))
        except ValueError:
            mark = None
    if mark is None or not (0 < mark < math.inf):
        return 60_000.0
    return mark


def example_values(mark: float, long: bool, contracts: bool) -> dict[str, str]:
    """Placeholders near ``mark``: a size worth about 1,000 of notional (100 contracts of a
    coin-margined account), an exit 10 % in the order's favour and the profit it makes (in the
    coin, for contracts), a stop 5 % against it, and a ladder of three fills each 5 % further
    against it; prices to three significant digits."""
    sign = 1 if long else -1
    size = 100.0 if contracts else rounded_to(1_000 / mark, 1)
    fills = "\n".join(
        f"{plain_number(q)} @ {plain_number(rounded_to(mark * (1 - sign * 0.05 * k), 3))}"
        for k, q in enumerate((size, size, 2 * size))
    )
    return {
        "quantity": plain_number(size),
        "exit": plain_number(rounded_to(mark * (1 + sign * 0.10), 3)),
        "stop": plain_number(rounded_to(mark * (1 - sign * 0.05), 3)),
        "pnl": plain_number(
            rounded_to(size * 100 / mark * 0.1 if contracts else size * mark * 0.1, 1)
        ),
        "fills": fills,
    }


def rounded_to(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` significant digits."""
    if value <= 0 or not math.isfinite(value):
        return value
    return round(value, digits - 1 - math.floor(math.log10(value)))


def plain_number(value: float) -> str:
    """A number without an exponent or trailing zeros: 66000, 0.199, 0.02."""
    return f"{value:.12f}".rstrip("0").rstrip(".")


def example_moves(marks: dict[str, float], axis: str) -> str:
    """A what-if example in the book's own symbols off the plot's axis: the first 10 % down,
    the second at a price 5 % up ("ETH -10%, SOL 150" named symbols the book may not hold,
    and typed as shown, was refused). A symbol is shortened to its base where that names it
    alone (``moves.resolve_symbol``). Empty when no other symbol is held."""
    symbols = list(marks)
    parts = []
    for n, symbol in enumerate(s for s in symbols if s != axis):
        if n == 2:
            break
        short = base_asset(symbol)
        name = short if resolve_symbol(short, symbols) == symbol else symbol
        move = "-10%" if n == 0 else plain_number(rounded_to(marks[symbol] * 1.05, 3))
        parts.append(f"{name} {move}")
    return ", ".join(parts)
