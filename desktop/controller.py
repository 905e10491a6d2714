"""The one owner of the current scenario: applies edits, keeps undo, asks the engine, emits.

Widgets send edits here and render what comes back; they never compute margin. An edit that
fails validation leaves the last valid scenario (and result) in place and reports the engine's
own message for the field.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from marginlab.desktop.before_paint import BeforePaint
from marginlab.desktop.i18n import said, tr
from marginlab.desktop.wording import LABELS
from marginlab.engine.files.scenario_io import format_errors, load_scenario, save_scenario
from marginlab.engine.margin.calculator import break_even_price, exit_at
from marginlab.engine.margin.evaluate import evaluate
from marginlab.engine.margin.fees import MAX_TAKER_RATE, taker_rate
from marginlab.engine.margin.inverse import (
    UsdCurves,
    break_even_inverse,
    exit_at_inverse,
    usd_curves,
)
from marginlab.engine.margin.models import Position, Scenario
from marginlab.engine.margin.report import MoveError, Report
from marginlab.engine.margin.risk_warnings import unusual_entry
from marginlab.engine.margin.rules import SETTLEMENT, listed_symbol
from marginlab.engine.margin.sweep import ALL_SYMBOLS, MAX_MOVE, SweepResult, sweep_for
from marginlab.engine.text.moves import parse_move_text
from marginlab.engine.text.numbers import (
    number_problem,
    number_text,
    parse_number,
    reads_as,
    without_times,
)

__all__ = [
    "ALL_SYMBOLS",
    "MAX_MOVE",
    "NEW_SCENARIO",
    "Result",
    "ScenarioController",
    "SweepResult",
]

NEW_SCENARIO = Scenario.model_validate(
    {"name": "Untitled", "account": {"wallet_balance": 10_000, "currency": "USDT"}}
)


@dataclass(frozen=True, slots=True)
class ClosedAt:
    """A position closed at the what-if price: PnL and ROE before fees, PnL after the taker
    fee to open and to close, and the price at which it breaks even after both."""

    pnl: float
    roe: float | None
    net_pnl: float
    break_even: float | None


@dataclass(frozen=True, slots=True)
class Result:
    """What the widgets draw, from one evaluation of the scenario (two when the cards follow
    the what-if).

    ``report`` holds the figures at today's marks, and the equity and liquidations after the
    straight move to the what-if prices ``at``; ``cards`` is what the cards show: ``report``,
    or the figures with the marks moved to ``at``; ``pnl`` is each position's (PnL, ROE) if
    closed at ``at``."""

    scenario: Scenario
    report: Report
    sweep: SweepResult | None
    at: dict[str, float] = field(default_factory=dict)
    cards: Report | None = None
    pnl: dict[str, ClosedAt] = field(default_factory=dict)
    # Coin-margined: the sweep in USD beside its USDT-margined counterpart (``usd_curves``).
    usd: UsdCurves | None = None

    @property
    def shown(self) -> Report:
        return self.cards or self.report


class _Edit(QUndoCommand):
    """Swap between two immutable files; consecutive edits of one field merge. Undone or
    redone, the edit shows the account it was made in (``before_shown``, ``shown``)."""

    def __init__(
        self,
        owner: ScenarioController,
        before: tuple[Scenario, int],
        after: tuple[Scenario, int],
        label: str,
        merge_key: str | None,
    ) -> None:
        super().__init__(label)
        self.owner, self.merge_key = owner, merge_key
        (self.before, self.before_shown), (self.after, self.shown) = before, after
        self.finished = False  # the field's edit ended: the next one is a step of its own

    def id(self) -> int:
        return 1 if self.merge_key else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if (
            self.finished
            or not isinstance(other, _Edit)
            or other.merge_key != self.merge_key
            or other.before_shown != self.shown
        ):
            return False
        self.after, self.shown = other.after, other.shown
        # Typed back to the value it began with: no step is left to undo (Qt drops it).
        self.setObsolete(self.shown == self.before_shown and self.after == self.before)
        return True

    def redo(self) -> None:
        self.owner._install(self.after, self.shown)

    def undo(self) -> None:
        self.owner._install(self.before, self.before_shown)


class ScenarioController(QObject):
    scenarioChanged = Signal(object)
    resultChanged = Signal(object)
    problemsChanged = Signal(dict)
    pathChanged = Signal(object)
    axisChanged = Signal(str)
    scenarioReplaced = Signal()  # New, Open, a preset, a recovery, another account shown
    accountsChanged = Signal()  # the file's accounts, or which one is shown

    def __init__(self, scenario: Scenario | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        # The file, and which of its accounts (``Scenario.accounts``) the window shows: every
        # view and edit works on that account alone, since accounts never share collateral.
        self._file = scenario or NEW_SCENARIO
        self._shown = 0
        self._scenario = self._file.accounts[0]
        self._result: Result | None = None
        self._problems: dict[str, str] = {}
        self._path: Path | None = None
        self._axis = ALL_SYMBOLS
        self._include: float | None = None  # a what-if value the plot must reach
        self._what_if: float | None = None  # where the what-if line stands on the axis
        self._moves_text = ""  # per-symbol moves as typed ("ETH -10%")
        self._moves: dict[str, float] = {}
        self._cards_at_what_if = False
        # Each position's figures closed at the what-if, with the inputs they came from.
        self._closed: dict[str, tuple[Position, float, float, float, ClosedAt]] = {}
        self._edit_left_step = False  # the edit ``end_edit`` last ended made a step to undo
        self.undo_stack = QUndoStack(self)
        self._soon = BeforePaint(self.recompute, self)
        self._pick_axis()

    # --- state ---------------------------------------------------------------------------------
    @property
    def scenario(self) -> Scenario:
        """The account the window shows (the file's own when it holds one account)."""
        return self._scenario

    @property
    def file_scenario(self) -> Scenario:
        """The whole file: its own account and the accounts linked to it."""
        return self._file

    @property
    def shown_account(self) -> int:
        return self._shown

    def show_account(self, index: int) -> None:
        """Show account ``index`` of the file (not an edit: nothing in the file changes)."""
        if index == self._shown or not 0 <= index < len(self._file.accounts):
            return
        self._switch_to(index)
        self.scenarioChanged.emit(self._scenario)
        self.scenarioReplaced.emit()
        self.schedule()

    def _switch_to(self, index: int) -> None:
        """Another account: its own symbols, so no what-if or axis of the last one stays."""
        self._shown = index
        self._scenario = self._file.accounts[index]
        self._include = None
        self._what_if = None
        self._moves_text, self._moves = "", {}
        if self._problems:
            self._problems = {}
            self.problemsChanged.emit({})
        self._pick_axis()
        self.accountsChanged.emit()

    def add_account(self, coin_margined: bool) -> bool:
        """Link a new account to the file and show it: a BTC-margined one (one BTCUSD contract
        of 100 USD at BTC's mark in the file, else 60,000) or a USDT-margined one (Binance
        USDⓈ-M, one small BTCUSDT long)."""
        marks = {s: m for account in self._file.accounts for s, m in account.marks().items()}
        btc = next((m for s, m in marks.items() if s.upper().startswith("BTCUSD")), 60_000.0)
        position: dict[str, Any] = {
            "id": "P1",
            "side": "long",
            "entry_price": btc,
            "leverage": 10,
            "margin_mode": "cross",
        }
        if coin_margined:
            position.update(
                symbol="BTCUSD",
                quantity=1,
                contract="inverse",
                contract_size=100,
                maintenance_rate=0.005,
            )
            body = {
                "name": tr("BTC-margined"),
                "rules": "generic",
                "account": {"wallet_balance": 0.1, "currency": "BTC"},
            }
        else:
            position.update(symbol="BTCUSDT", quantity=0.01)
            body = {
                "name": tr("USDT-margined"),
                "rules": "binance-usdm",
                "account": {"wallet_balance": 10_000, "currency": "USDT"},
            }
        try:
            account = Scenario.model_validate({**body, "positions": [position]})
            after = self._file.model_copy(
                update={"linked_accounts": (*self._file.linked_accounts, account)}
            )
            Scenario.model_validate(after.model_dump())  # at most MAX_LINKED_ACCOUNTS
        except ValidationError as error:
            return self._refuse("linked_accounts", format_errors(error)[0].partition(": ")[2])
        shown = len(after.accounts) - 1
        self.undo_stack.push(
            _Edit(self, (self._file, self._shown), (after, shown), tr("Add account"), None)
        )
        return True

    def remove_account(self) -> bool:
        """Take the shown account out of the file (the first linked one becomes the file's
        own when that is the one removed); a file keeps at least one account."""
        accounts = self._file.accounts
        if len(accounts) < 2:
            return False
        rest = [a for i, a in enumerate(accounts) if i != self._shown]
        after = rest[0].model_copy(update={"linked_accounts": tuple(rest[1:])})
        shown = max(self._shown - 1, 0)
        self.undo_stack.push(
            _Edit(self, (self._file, self._shown), (after, shown), tr("Remove account"), None)
        )
        return True

    @property
    def result(self) -> Result | None:
        return self._result

    @property
    def problems(self) -> dict[str, str]:
        return dict(self._problems)

    @property
    def path(self) -> Path | None:
        return self._path

    @property
    def axis(self) -> str:
        return self._axis

    def is_dirty(self) -> bool:
        return not self.undo_stack.isClean()

    # --- edits ---------------------------------------------------------------------------------
    def set_account(self, field: str, raw: str) -> bool:
        """Edit ``account.<field>``; ``raw`` is the text as typed."""
        document = self._document()
        value: Any = raw.strip()
        if field != "currency" and not (field == "max_acceptable_loss" and not value):
            value = parse_number(raw)  # an empty max acceptable loss means "no limit"
            if value is None:
                return self._refuse(f"account.{field}", _number_message(raw))
            current = getattr(self._at_edit_start(f"account.{field}").account, field)
            if current is not None and reads_as(raw, number_text(current)):
                value = current  # the value shown, typed again: exactly the same
        settles = SETTLEMENT.get(self._scenario.rules)
        if field == "currency" and settles and value.upper() != settles:
            # Every amount the venue reports is in its settlement currency: "can lose 5,000
            # BTC" on a USDT venue would be a wrong figure, not a label.
            return self._refuse(
                "account.currency",
                tr(
                    "{rules} settles in {currency}; choose the generic rules for another currency"
                ).format(rules=self._scenario.rules, currency=settles),
            )
        empty_limit = field == "max_acceptable_loss" and value == ""
        document["account"][field] = None if empty_limit else value
        return self._apply(document, _edit(field), f"account.{field}")

    def set_taker_fee(self, raw: str) -> bool:
        """Edit the taker fee, typed in percent ("0.05" is 0.05 %); empty means the venue's
        base rate (``fees.BASE_TAKER_RATES``)."""
        document = self._document()
        text = raw.strip().removesuffix("%").strip()
        if text:
            value = parse_number(text)
            if value is None:
                return self._refuse("taker_fee", _number_message(text))
            if not 0 <= value <= MAX_TAKER_RATE * 100:
                return self._refuse(
                    "taker_fee",
                    tr("must be between 0 and {most} %").format(most=f"{MAX_TAKER_RATE * 100:g}"),
                )
            current = self._at_edit_start("taker_fee").taker_fee
            if current is not None and reads_as(text, number_text(current * 100)):
                document["taker_fee"] = current  # the rate shown, typed again: exactly it
            else:
                document["taker_fee"] = value / 100
        else:
            document.pop("taker_fee", None)
        return self._apply(document, tr("Edit taker fee"), "taker_fee")

    def set_meta(self, field: str, value: str) -> bool:
        """Edit the scenario's ``name`` or ``rules``."""
        document = self._document()
        document[field] = value
        if field == "rules" and value in SETTLEMENT:
            document["account"]["currency"] = SETTLEMENT[value]  # shown in its field at once
        return self._apply(document, _edit(field), field if field == "name" else None)

    def set_position(self, row: int, field: str, raw: Any, scale: float = 1.0) -> bool:
        """Edit ``positions[row].<field>``; typed text is parsed as a number where the field is
        one, then multiplied by ``scale`` (0.01 for a field typed in percent)."""
        if not 0 <= row < len(self._scenario.positions):
            return False
        document = self._document()
        value = raw
        if isinstance(raw, str) and field == "leverage":
            raw = without_times(raw)  # "20x", as the venues write a leverage
        if isinstance(raw, str) and field not in _TEXT_FIELDS:
            value = parse_number(raw) if raw.strip() else None
            if value is None and (raw.strip() or field in _REQUIRED):
                return self._refuse(f"positions[{row}].{field}", _number_message(raw))
            current = _field_of(self._at_edit_start(f"positions[{row}].{field}"), row, field)
            if (
                value is not None
                and current is not None
                and reads_as(raw, number_text(current / scale))
            ):
                value = current  # the value shown, typed again or put back: exactly the same
            elif value is not None:
                value *= scale
        elif isinstance(raw, str):
            value = raw.strip()
            if field in ("side", "margin_mode"):
                value = _WORDS.get(value.lower(), value)  # "Buy", "Long", "Cross" are fine
            if field == "symbol" and value:  # "btcusdt" is the book's BTCUSDT, one market
                others = (p.symbol for i, p in enumerate(self._scenario.positions) if i != row)
                value = listed_symbol(self._scenario.rules, value, others)
        if field == "id" and any(
            p.id == value for i, p in enumerate(self._scenario.positions) if i != row
        ):
            # The file's check names the later of two rows, here the one not typed in.
            return self._refuse(f"positions[{row}].id", tr("another position has this ID"))
        edited = _editable(document, row)
        edited[field] = value
        if field == "symbol":
            edited["mark_price"] = self._mark_for(row, str(value))
        if field == "mark_price":  # one mark a symbol: every position of it follows
            for other, position in enumerate(self._scenario.positions):
                if position.symbol == edited["symbol"]:
                    _editable(document, other)["mark_price"] = value
        if field == "maintenance_rate" and value is None:
            edited.pop("maintenance_amount", None)  # no rate, no amount
        return self._apply(document, _edit(field), f"positions[{row}].{field}")

    def _mark_for(self, row: int, symbol: str) -> float | None:
        """The mark of row ``row`` once it holds ``symbol``. A symbol another position holds
        stands where the book has it (``Scenario.marks``: one mark a symbol), and the row takes
        that mark: its own was another market's, and kept, it refused the symbol or, where the
        others' mark was their entry, moved their mark to it (BTCUSDT typed over the brief's
        ETH row put BTC at 3,000 and B past liquidation). Any other symbol keeps the mark the
        row had when this edit began: a symbol typed on the way and left puts it back. The
        symbol the row holds keeps its mark: retyped, it took the others' entry as the mark."""
        positions = self._scenario.positions
        if positions[row].symbol == symbol:  # the one it holds, typed again: nothing moves
            return positions[row].mark_price
        if any(p.symbol == symbol for p in positions):
            return self._scenario.marks()[symbol]
        start = self._at_edit_start(f"positions[{row}].symbol").positions
        return start[row].mark_price if row < len(start) else None

    def set_position_fields(self, row: int, values: dict[str, Any], label: str) -> bool:
        """Several fields of one position at once (e.g. size given as notional)."""
        if not 0 <= row < len(self._scenario.positions):
            return False
        document = self._document()
        _editable(document, row).update(values)
        return self._apply(document, label, f"positions[{row}].size")

    def set_size(self, row: int, kind: str, raw: str) -> bool:
        """Size a position by ``quantity``, by entry ``notional``, or by ``margin`` × leverage."""
        if kind == "quantity":
            return self.set_position(row, "quantity", raw)
        if not 0 <= row < len(self._scenario.positions):
            return False
        value = parse_number(raw)
        if value is None or value <= 0:
            problem = number_problem(raw)
            message = tr("must be a number > 0") if problem is None else _number_message(raw)
            return self._refuse(f"positions[{row}].{kind}", message)
        position = self._scenario.positions[row]
        label = tr("Size by {kind}").format(kind=tr(LABELS.get(kind, kind)))
        began = self._at_edit_start(f"positions[{row}].size")
        start = _field_of(began, row, "entry_notional")
        if start is not None:
            shown = start / (1.0 if kind == "notional" else position.leverage)
            if reads_as(raw, number_text(shown)):  # the size shown again: the same quantity
                quantity = _field_of(began, row, "quantity")
                return self.set_position_fields(row, {"quantity": quantity}, label)
        notional = value if kind == "notional" else value * position.leverage
        return self.set_position_fields(row, {"quantity": notional / position.entry_price}, label)

    def add_position(self, like_row: int = -1) -> bool:
        """A new small long, in the symbol of row ``like_row`` (the selected one) at that
        symbol's mark; BTCUSDT at its mark (or 60,000) when no row is given. In a
        coin-margined book, one contract like the selected row's (or the first row's)."""
        document = self._document()
        taken = {p.id for p in self._scenario.positions}
        new_id = next(f"P{i}" for i in range(1, len(taken) + 2) if f"P{i}" not in taken)
        positions = self._scenario.positions
        symbol = positions[like_row].symbol if 0 <= like_row < len(positions) else "BTCUSDT"
        mark = self._scenario.marks().get(symbol, 60_000.0)
        document["positions"].append(
            {
                "id": new_id,
                "symbol": symbol,
                "side": "long",
                "quantity": 0.01,
                "entry_price": mark,
                "leverage": 10,
                "margin_mode": "isolated",
            }
        )
        if self._scenario.rules == "generic":  # the venues' tables cover BTCUSDT
            document["positions"][-1]["maintenance_rate"] = 0.005
        if self._scenario.coin_margined:  # one settlement coin a book: a contract like its own
            like = positions[like_row] if 0 <= like_row < len(positions) else positions[0]
            document["positions"][-1].update(
                symbol=like.symbol,
                entry_price=self._scenario.marks()[like.symbol],
                contract="inverse",
                contract_size=like.contract_size,
                quantity=1,
            )
        return self._apply(document, tr("Add position"), None)

    def open_order(self, position: dict[str, Any]) -> bool:
        """Add the position a pre-trade check opens, as one undo step."""
        document = self._document()
        document["positions"].append(dict(position))
        return self._apply(document, tr("Open {id}").format(id=position["id"]), None)

    def duplicate_position(self, row: int) -> bool:
        document = self._document()
        copy = dict(_editable(document, row))
        taken = {p.id for p in self._scenario.positions}
        base, n = copy["id"], 2
        while f"{base}-{n}" in taken:
            n += 1
        copy["id"] = f"{base}-{n}"
        document["positions"].insert(row + 1, copy)
        return self._apply(document, tr("Duplicate position"), None)

    def remove_position(self, row: int) -> bool:
        document = self._document()
        del document["positions"][row]
        return self._apply(document, tr("Remove position"), None)

    def set_axis(self, axis: str) -> None:
        """Plot equity against this symbol's price, or ``ALL_SYMBOLS`` for an all-symbols move."""
        if axis != self._axis:
            self._axis = axis
            self._include = None
            self._what_if = None
            self.axisChanged.emit(axis)
            self.schedule()

    def unusual(self, row: int, field: str) -> str | None:
        """Why the value just committed in ``positions[row].<field>`` is far outside the
        usual (an MMR override above 10 %, a leverage above the tier's maximum), or None."""
        positions = self._scenario.positions
        if not 0 <= row < len(positions):
            return None
        return unusual_entry(self._scenario.rules, positions[row], field)

    # --- what-if -------------------------------------------------------------------------------
    @property
    def what_if_value(self) -> float | None:
        return self._what_if

    @property
    def moves_text(self) -> str:
        return self._moves_text

    @property
    def cards_at_what_if(self) -> bool:
        return self._cards_at_what_if

    def set_what_if(self, x: float) -> None:
        """Stand the what-if at ``x`` on the axis (a price, or a % move of every symbol): one
        evaluation, the sweep kept."""
        if x == self._what_if or not _on_axis(x, self._axis):
            return
        self._what_if = x
        if self._result is None or self._soon.pending:
            return  # the coming recompute reads it
        self._publish(self._result.sweep)

    def set_moves(self, text: str) -> list[str]:
        """Per-symbol moves ("BTC -30%, ETH 2800") for the symbols off the axis; the problems
        in words, and the last valid moves kept, when the text is no move."""
        moves, problems = parse_move_text(text, self._scenario.marks(), tr("Other symbols"))
        if problems:
            return problems
        if (text.strip(), moves) != (self._moves_text, self._moves):
            self._moves_text, self._moves = text.strip(), moves
            self._include = None
            self.recompute()
        return []

    def set_cards_at_what_if(self, on: bool) -> None:
        """The cards show the figures at today's marks, or as if the market stood at the
        what-if."""
        if on != self._cards_at_what_if:
            self._cards_at_what_if = on
            if self._result is not None:
                self._publish(self._result.sweep)

    def what_if_prices(self) -> dict[str, float]:
        """Where the what-if puts each symbol it moves: the per-symbol moves, then the line
        (the axis symbol at its price, or every symbol by its % from there)."""
        base = self._base_marks()
        prices = {s: p for s, p in self._moves.items() if s in base and s != self._axis}
        x = self._what_if
        if x is None or not _on_axis(x, self._axis):
            return prices
        if self._axis == ALL_SYMBOLS:
            return {s: m * (1 + x / 100) for s, m in base.items()}
        if self._axis in base:
            prices[self._axis] = x
        return prices

    def _base_marks(self) -> dict[str, float]:
        """Today's marks, with the symbols off the axis at their per-symbol moves."""
        marks = self._scenario.marks()
        return {s: self._moves.get(s, m) if s != self._axis else m for s, m in marks.items()}

    @property
    def what_if_extent(self) -> float | None:
        """A what-if value typed beyond the plot's range, which the sweep now reaches."""
        return self._include

    def show_what_if(self, x: float) -> None:
        """Stand the what-if at ``x`` (typed beyond the plot's range), and sweep again so the
        range holds it: one evaluation, at ``x``."""
        if _on_axis(x, self._axis):
            self._what_if = x
        self._include = x
        self.recompute()

    # --- files ---------------------------------------------------------------------------------
    def replace(self, scenario: Scenario, path: Path | None = None) -> None:
        """Start over from ``scenario`` (New, Open, a preset): a fresh undo history, and no
        what-if left from the last one."""
        self.undo_stack.clear()
        self._include = None
        self._what_if = None
        self._moves_text, self._moves = "", {}
        self._path = path
        self._install(scenario, 0)
        self._pick_axis()
        self.undo_stack.setClean()
        self.pathChanged.emit(path)
        self.scenarioReplaced.emit()

    def restore(self, scenario: Scenario, path: Path | None) -> None:
        """Bring back unsaved work (crash recovery): like ``replace``, but it stays unsaved."""
        self.replace(scenario, path)
        self.undo_stack.resetClean()

    def open(self, path: Path) -> str | None:
        """Load ``path``; raises ``ScenarioError`` and keeps the current scenario on failure.

        A file that names another currency than its venue settles in still opens: its amounts
        are the venue's, so they are shown in the settlement currency, left unsaved, and the
        returned note says so."""
        scenario = load_scenario(path)
        settles = SETTLEMENT.get(scenario.rules)
        named = scenario.account.currency
        if settles is None or named == settles:
            self.replace(scenario, path)
            return None
        account = scenario.account.model_copy(update={"currency": settles})
        self.restore(scenario.model_copy(update={"account": account}), path)
        return tr(
            "{file} names its amounts in {named}, but {rules} settles in {currency}: they "
            "are shown in {currency} (save to keep it so)"
        ).format(file=path.name, named=named, rules=scenario.rules, currency=settles)

    def save(self, path: Path | None = None) -> None:
        target = path or self._path
        if target is None:
            raise ValueError(tr("no file name"))
        save_scenario(self._file, target)
        self._path = target
        self.undo_stack.setClean()
        self.pathChanged.emit(target)

    # --- engine --------------------------------------------------------------------------------
    def schedule(self) -> None:
        """Coalesce a burst of edits into one engine call on the next event-loop turn, before
        the window paints (``BeforePaint``: the first frame after an edit shows its figures)."""
        self._soon.request()

    def recompute(self) -> None:
        self._soon.cancel()
        scenario = self._scenario
        self._moves = {s: p for s, p in self._moves.items() if s in scenario.marks()}
        base = scenario.at_marks({s: p for s, p in self._moves.items() if s != self._axis})
        sweep = sweep_for(base, self._axis, include=self._include)
        if self._what_if is None and sweep is not None:
            # A new axis or scenario: the line starts at home, where the plot puts it. Set here,
            # the widgets are told once; set by the plot, they were told twice (at start-up,
            # about 5 ms of the first window).
            self._what_if = axis_home(scenario.marks(), self._axis)
        self._publish(sweep)

    def _publish(self, sweep: SweepResult | None) -> None:
        """Evaluate once at the what-if prices and tell the widgets."""
        scenario = self._scenario
        at = self.what_if_prices()
        marks = scenario.marks()
        reused = self._same_figures(scenario, at, marks)
        if reused is not None:
            # The what-if stood where the figures already are (the line set at the mark of a
            # new axis): the same report, with the prices named, not a second evaluation.
            report, cards = replace(reused[0], at=dict(at)), reused[1]
        else:
            try:
                report = evaluate(scenario, at)
            except MoveError:  # beyond the largest price a scenario may name
                at = {}
                report = evaluate(scenario)
            cards = evaluate(scenario.at_marks(at)) if self._cards_at_what_if and at else None
        pnl = self._closed_at(scenario, report, at, marks)
        usd = None
        if sweep is not None and scenario.coin_margined:
            last = self._result
            # A drag of the what-if line keeps the sweep: and so its USD curves.
            same = last is not None and last.sweep is sweep and last.scenario is scenario
            usd = last.usd if same and last is not None else usd_curves(scenario, sweep)
        self._result = Result(scenario, report, sweep, at, cards, pnl, usd)
        self.resultChanged.emit(self._result)

    def _closed_at(
        self, scenario: Scenario, report: Report, at: dict[str, float], marks: dict[str, float]
    ) -> dict[str, ClosedAt]:
        """Each position closed at the what-if price (``calculator.exit_at``). A position whose
        inputs are those of the last result (the same validated object, price, margin and fee
        rate) keeps its figures: an edit of one row in a book of 500 changes one of them."""
        rate = taker_rate(scenario)
        last = self._closed
        self._closed = {}
        figures = report.variants["as_entered"].positions
        for p in scenario.positions:
            price = at.get(p.symbol, marks[p.symbol])
            margin = figures[p.id].initial_margin
            kept = last.get(p.id)
            if kept is not None and kept[0] is p and kept[1:4] == (price, margin, rate):
                self._closed[p.id] = kept
                continue
            if p.inverse:  # in the coin (margin.inverse)
                closed = exit_at_inverse(p, price, margin, rate)
                even = break_even_inverse(p, rate)
            else:
                closed = exit_at(p.sign, p.quantity, p.entry_price, price, margin, rate)
                even = break_even_price(p.sign, p.entry_price, rate)
            found = ClosedAt(closed.pnl, closed.roe, closed.net_pnl, even)
            self._closed[p.id] = (p, price, margin, rate, found)
        return {pid: kept[4] for pid, kept in self._closed.items()}

    def _same_figures(
        self, scenario: Scenario, at: dict[str, float], marks: dict[str, float]
    ) -> tuple[Report, Report | None] | None:
        """The last report and cards when ``at`` moves nothing more than the last prices did
        (a price at its mark is no move), for the same scenario and the same cards setting."""
        last = self._result
        if last is None or last.scenario is not scenario:
            return None
        moved = {s: p for s, p in at.items() if p != marks[s]}
        before = {s: p for s, p in last.at.items() if p != marks[s]}
        wants_cards = bool(self._cards_at_what_if and at)
        if moved != before or wants_cards != (last.cards is not None):
            return None
        return last.report, last.cards

    # --- internals -----------------------------------------------------------------------------
    def _document(self) -> dict[str, Any]:
        """The shown account as a document to edit and validate again. Its positions stay the
        validated models (pydantic takes a model instance as it is, ``revalidate_instances``
        "never"), and ``_editable`` makes a row a dict to change: a keystroke in a book of
        thousands validates the position it edits and the account's own rules, not every
        position again."""
        document = self._scenario.model_dump(
            mode="python", exclude_none=True, exclude={"format", "version", "positions"}
        )
        document["positions"] = list(self._scenario.positions)
        return document

    def _apply(self, document: dict[str, Any], label: str, merge_key: str | None) -> bool:
        for position in document.get("positions", []):
            if isinstance(position, dict):
                for key in [k for k, v in position.items() if v is None]:
                    del position[key]
        if document["account"].get("max_acceptable_loss") is None:
            document["account"].pop("max_acceptable_loss", None)
        try:
            after = Scenario.model_validate(document)
        except ValidationError as error:
            problems: dict[str, str] = {}
            for line in format_errors(error):
                where, _, message = line.partition(": ")
                problems.setdefault(where, message)
            self._problems = problems
            self.problemsChanged.emit(self.problems)
            return False
        if after == self._scenario:  # the value it has, typed again: no step to undo
            self.clear_problems()
            return True
        whole = self._file.with_account(self._shown, after)
        before = (self._file, self._shown)
        self.undo_stack.push(_Edit(self, before, (whole, self._shown), label, merge_key))
        return True

    def end_edit(self) -> None:
        """The trader finished editing a field (Enter, Tab, leaving it, a table cell): the
        keystrokes so far are one step to undo, and the next edit of that field another, so
        an undo (or "Put it back") goes back to the value before this edit, not to one typed
        in the field minutes ago."""
        top = self._last_step()
        # A step this edit made is still open; one finished before it began (an earlier edit,
        # or one redone since) is not this edit's.
        self._edit_left_step = top is not None and not top.finished
        if top is not None:
            top.finished = True

    def last_edit_changed(self, row: int, field: str) -> bool:
        """Whether the edit just ended (``end_edit``) left a step that changed
        ``positions[row].<field>``: only then is there something of it to put back (a value
        typed again, or a refused one put back, leaves no step, and an undo would take back an
        earlier one)."""
        top = self._last_step()
        left, self._edit_left_step = self._edit_left_step, False  # asked of one edit, once
        if not left or top is None or top.merge_key != f"positions[{row}].{field}":
            return False
        before = top.before.accounts[top.before_shown].positions
        after = top.after.accounts[top.shown].positions
        if row >= min(len(before), len(after)):
            return False
        return bool(getattr(before[row], field) != getattr(after[row], field))

    def _at_edit_start(self, merge_key: str) -> Scenario:
        """The account as it was when the open edit of ``merge_key`` began (as it is, when
        none is open): what the field showed then, which a refused edit puts back."""
        top = self._last_step()
        if top is not None and not top.finished and top.merge_key == merge_key:
            return top.before.accounts[top.before_shown]
        return self._scenario

    def _last_step(self) -> _Edit | None:
        """The edit an undo would take back next, if that step is an edit of fields."""
        top = self.undo_stack.command(self.undo_stack.index() - 1)
        return top if isinstance(top, _Edit) else None

    def clear_problems(self) -> None:
        """Forget shown problems: the value they were about is no longer on screen."""
        if self._problems:
            self._problems = {}
            self.problemsChanged.emit({})

    def _refuse(self, where: str, message: str) -> bool:
        self._problems = {where: message}
        self.problemsChanged.emit(self.problems)
        return False

    def _install(self, whole: Scenario, shown: int) -> None:
        """``whole`` becomes the file, showing its account ``shown``."""
        accounts_before = [(a.name, a.account.currency) for a in self._file.accounts]
        self._file = whole
        shown = min(shown, len(whole.accounts) - 1)
        if shown != self._shown:
            self._switch_to(shown)  # an undo shows the account its edit was made in
        else:
            self._scenario = whole.accounts[shown]
            if accounts_before != [(a.name, a.account.currency) for a in whole.accounts]:
                self.accountsChanged.emit()
        scenario = self._scenario
        if self._problems:
            self._problems = {}
            self.problemsChanged.emit({})
        if self._axis != ALL_SYMBOLS and self._axis not in scenario.marks():
            self._pick_axis()
        self.scenarioChanged.emit(scenario)
        self.schedule()

    def _pick_axis(self) -> None:
        symbols = self._scenario.symbols()
        axis = symbols[-1] if symbols else ALL_SYMBOLS
        if axis != self._axis:
            self._axis = axis
            self._include = None
            self._what_if = None
            self.axisChanged.emit(axis)


def largest_position_symbol(scenario: Scenario) -> str | None:
    """The symbol whose positions are worth the most at today's marks (``|Q| · mark``
    summed; a coin-margined position's contract value in USD), the first of equals; None in
    an empty book. An import's symbols come in the venue's order, so its last one is no
    better a start for the plot than any other."""
    marks = scenario.marks()
    worth: dict[str, float] = {}
    for p in scenario.positions:
        value = p.usd_value if p.inverse else abs(p.quantity) * marks[p.symbol]
        worth[p.symbol] = worth.get(p.symbol, 0.0) + value
    return max(worth, key=worth.__getitem__) if worth else None


def axis_home(marks: dict[str, float], axis: str) -> float:
    """Where the what-if line starts on ``axis``: no move (0 %) of every symbol, or the axis
    symbol's mark."""
    return 0.0 if axis == ALL_SYMBOLS else marks.get(axis, 0.0)


def _on_axis(x: float, axis: str) -> bool:
    """Whether ``x`` is a place on the axis: a move above −100 %, or a price above 0."""
    return x > -100 if axis == ALL_SYMBOLS else x > 0


_REQUIRED = {"quantity", "entry_price", "leverage"}
# What traders type for a side or a mode, in the model's words.
_WORDS = {
    "long": "long",
    "buy": "long",
    "short": "short",
    "sell": "short",
    "isolated": "isolated",
    "cross": "cross",
    # The same in Chinese, as the window shows them in zh_CN and venues' Chinese pages write.
    "多": "long",
    "做多": "long",
    "买": "long",
    "空": "short",
    "做空": "short",
    "卖": "short",
    "逐仓": "isolated",
    "全仓": "cross",
}
_TEXT_FIELDS = {"id", "symbol", "side", "margin_mode"}


def _number_message(raw: str) -> str:
    """ "must be a number", with the reason when one helps (an ambiguous "1,5")."""
    problem = number_problem(raw)
    if problem is None or problem == "is empty" or problem.endswith("is not a number"):
        return tr("must be a number")
    return tr("must be a number: {problem}").format(problem=said(problem))


def _field_of(scenario: Scenario, row: int, field: str) -> Any:
    """``positions[row].<field>`` of ``scenario``, None where it has no such row."""
    positions = scenario.positions
    return getattr(positions[row], field, None) if 0 <= row < len(positions) else None


def _editable(document: dict[str, Any], row: int) -> dict[str, Any]:
    """Row ``row`` of ``document``'s positions as a dict to change (``_document``)."""
    position = document["positions"][row]
    if isinstance(position, dict):
        return position
    dumped: dict[str, Any] = position.model_dump(mode="python", exclude_none=True)
    document["positions"][row] = dumped
    return dumped


def _edit(field: str) -> str:
    """The undo step's name: "Edit wallet balance" in the window's language."""
    return tr("Edit {field}").format(field=tr(LABELS.get(field, field.replace("_", " "))))
