"""The Calculator tab's owner: reads what the trader typed, runs the engine's planning functions
on the account as it stands, and answers with figures or with one message per field named in
the trader's words (issue 17). The view only renders what this returns."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.i18n import N_, said, said_error, tr
from marginlab.engine.margin.calculator import (
    Exit,
)
from marginlab.engine.margin.fees import taker_rate
from marginlab.engine.margin.models import Side
from marginlab.engine.margin.planning import (
    MAX_FILLS,
    MODES,
    SIZING_DIGITS,
    LadderStep,
    MaxOpen,
    PlanError,
    Sizing,
    Ticket,
    account_contract_size,
    after_funding,
    book_mmr,
    dca_ladder,
    liquidation_over_time,
    max_open,
    size_for_loss,
    ticket_problems,
)
from marginlab.engine.margin.rules import MAX_LEVERAGE, size_text
from marginlab.engine.text.numbers import left_empty, quoted_in, read_number, without_times
from marginlab.engine.text.orders import order_symbol
from marginlab.engine.text.said import Said

FIELD_LABELS = {
    "symbol": N_("Symbol"),
    "size": N_("Size"),
    "price": N_("Price"),
    "leverage": N_("Leverage"),
    "MMR override": N_("MMR %"),
    "maintenance_rate": N_("MMR %"),  # the file's name for it (``rules.missing_table_problem``)
}
FUNDING_POINTS = 25  # holding times drawn between 0 and the time typed


@dataclass(frozen=True, slots=True)
class Answer:
    """Figures, or the problems that stopped them (``figures`` is None then)."""

    figures: Any = None
    problems: list[str] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class FundingFigures:
    hours: list[float]
    liquidation: dict[str, list[float | None]]
    paid: float
    drained: bool
    intervals: int = 0  # the funding payments within the holding time
    interval_hours: float = 8.0  # each one's length on the venue
    rate: float = 0.0  # per interval, as a fraction


@dataclass(frozen=True, slots=True)
class SizeFigures:
    """The largest sizes per mode, and the stop and loss they answer: a refused stop leaves
    them on show, and they say which stop they are for."""

    stop: float
    accepted: float
    sizes: dict[str, Sizing]


@dataclass(frozen=True, slots=True)
class ExitFigures:
    quantity: float
    margin: float
    fee_rate: float
    exit: Exit | None
    break_even: float | None
    roe_target: float | None
    roe_price: float | None
    pnl_target: float | None
    pnl_price: float | None


class Planner:
    def __init__(self, controller: ScenarioController) -> None:
        self._controller = controller

    @property
    def currency(self) -> str:
        return self._controller.scenario.account.currency

    @property
    def price_currency(self) -> str:
        """What the account's prices are quoted in: USD for coin-margined contracts, else
        the settlement currency (``Report.price_currency``)."""
        return quoted_in(self.currency, self.coin)

    @property
    def coin(self) -> bool:
        """The account is coin-margined: amounts in the coin, sizes in contracts."""
        return self._controller.scenario.coin_margined

    def symbols(self) -> list[str]:
        return self._controller.scenario.symbols()

    def mark(self, symbol: str) -> float | None:
        return self._controller.scenario.marks().get(self.symbol(symbol))

    def symbol(self, typed: str) -> str:
        """The order's symbol as the account holds it, whatever the case typed
        (``orders.order_symbol``: "kpepe" is the book's kPEPE); upper-case when not held."""
        return order_symbol(typed, self._controller.scenario.marks())

    def size_text(self, symbol: str, quantity: float) -> str:
        """A largest size (the most the wallet opens, the most a stop allows) in its unit:
        "690.30034 0G" (``rules.size_text``), or "12 contracts" of a coin-margined account,
        cut so that what it reads is within (max open is a closed form, not found to its
        digits as the size from the loss is: ``planning.as_read``)."""
        return said(
            size_text(self.symbol(symbol), quantity, self.coin, SIZING_DIGITS, at_most=True)
        )

    def book_mmr(self, symbol: str) -> float | None:
        """The MMR an order in ``symbol`` takes with the field left empty, where no table
        covers it: the account's own positions' (``planning.book_mmr``)."""
        return book_mmr(self._controller.scenario, self.symbol(symbol))

    def mmr_placeholder(self, symbol: str) -> str:
        """What the empty MMR field stands for: the tier table, or the book's own rate."""
        rate = self.book_mmr(symbol)
        if rate is None:
            return tr("table")
        return tr("{rate} (the book's)").format(rate=f"{rate * 100:.4g}")

    def positions(self) -> list[tuple[str, str]]:
        """(id, "id · symbol side") of every position, for the funding pick list."""
        return [
            (p.id, f"{p.id} · {p.symbol} {p.side}") for p in self._controller.scenario.positions
        ]

    def fee_rate(self) -> float:
        return taker_rate(self._controller.scenario)

    @property
    def rules(self) -> str:
        return self._controller.scenario.rules

    def default_loss(self) -> float | None:
        return self._controller.scenario.account.max_acceptable_loss

    # --- reading --------------------------------------------------------------------------------
    def ticket(
        self,
        symbol: str,
        side: Side,
        leverage: str,
        price: str,
        mmr: str,
    ) -> tuple[Ticket | None, list[str]]:
        """The order as typed; in a coin-margined account, contracts of the account's size
        (``account_contract_size``)."""
        problems: list[str] = []
        symbol = self.symbol(symbol)
        if not symbol:  # not typed yet: asked for, not a mistake (``ProblemLine``)
            problems.append(left_empty(tr("Symbol")))
        lev = read_field(tr("Leverage"), without_times(leverage), problems)  # "20x" as 20
        if lev is not None and not 1 <= lev <= MAX_LEVERAGE:
            problems.append(tr("Leverage: must be between 1 and 1,000"))
        typed_price = price.strip()
        mark = self.mark(symbol)
        if typed_price:
            at = read_field(tr("Price"), typed_price, problems)
        elif mark is None:  # a symbol the account holds no position in: its price, asked for
            problems.append(left_empty(tr("Price")))
            at = None
        else:
            at = mark
        rate = None
        if mmr.strip():
            rate = read_field(tr("MMR override (%)"), mmr, problems, positive=False)
            if rate is not None:
                rate /= 100
                if not 0 <= rate < 1:
                    problems.append(tr("MMR override (%): must be between 0 and 100"))
        else:
            rate = self.book_mmr(symbol)
        if problems or lev is None or at is None:
            return None, problems
        scenario = self._controller.scenario
        size = account_contract_size(scenario, symbol)
        ticket = Ticket(symbol, side, lev, at, rate, size)
        probe_problem = self._table_problem(ticket)
        return (None, [probe_problem]) if probe_problem else (ticket, [])

    def _table_problem(self, ticket: Ticket) -> str | None:
        problems = ticket_problems(self._controller.scenario, ticket)
        if not problems:
            return None
        return in_field_words(problems[0])

    # --- figures --------------------------------------------------------------------------------
    def exit_and_targets(
        self, ticket: Ticket, quantity: str, exit_price: str, roe: str, pnl: str
    ) -> Answer:
        """PnL and ROE at the exit typed (before and after fees), break-even, and the exit
        prices for the ROE and the PnL typed (``calculator``)."""
        problems: list[str] = []
        qty = read_field(tr("Quantity"), quantity, problems)
        out = read_field(tr("Exit price"), exit_price, problems) if exit_price.strip() else None
        goal_roe = _percent(tr("Target ROE (%)"), roe, problems) if roe.strip() else None
        goal_pnl = (
            read_field(tr("Target PnL"), pnl, problems, positive=False) if pnl.strip() else None
        )
        if problems or qty is None:
            return Answer(problems=problems)
        rate = self.fee_rate()
        margin = ticket.margin(qty)
        closed = None if out is None else ticket.exit(qty, out, margin, rate)
        for_roe = None if goal_roe is None else ticket.price_for_roe(goal_roe)
        for_pnl = None if goal_pnl is None else ticket.price_for_pnl(qty, goal_pnl)
        return Answer(
            figures=ExitFigures(
                quantity=qty,
                margin=margin,
                fee_rate=rate,
                exit=closed,
                break_even=ticket.break_even(rate),
                roe_target=goal_roe,
                roe_price=for_roe,
                pnl_target=goal_pnl,
                pnl_price=for_pnl,
            )
        )

    def ladder(self, ticket: Ticket, fills_text: str, add_to: str | None = None) -> Answer:
        """The ladder of a new position, or of fills added to ``add_to`` (its id)."""
        problems: list[str] = []
        fills = parse_fills(fills_text, problems)
        if problems:
            return Answer(problems=problems)
        return _plan(lambda: dca_ladder(self._controller.scenario, ticket, fills, add_to))

    def max_open(self, ticket: Ticket, margin: str, step: str) -> Answer:
        problems: list[str] = []
        set_margin = read_field(tr("Isolated margin"), margin, problems) if margin.strip() else None
        size_step = (
            read_field(tr("Quantity step"), step, problems, positive=False) if step.strip() else 0
        )
        if problems:
            return Answer(problems=problems)
        scenario = self._controller.scenario
        return _plan(
            lambda: {m: max_open(scenario, ticket, m, set_margin, size_step or 0.0) for m in MODES}
        )

    def size(self, ticket: Ticket, stop: str, loss: str) -> Answer:
        problems: list[str] = []
        stop_price = read_field(tr("Stop price"), stop, problems)
        accepted = read_field(tr("Loss you accept"), loss, problems) if loss.strip() else None
        if accepted is None and not loss.strip():
            accepted = self.default_loss()
            if accepted is None:
                problems.append(
                    tr("Loss you accept: type it (the account sets no max acceptable loss)")
                )
        if problems or stop_price is None or accepted is None:
            return Answer(problems=problems)
        scenario = self._controller.scenario
        return _plan(
            lambda: SizeFigures(
                stop_price,
                accepted,
                {m: size_for_loss(scenario, ticket, m, stop_price, accepted) for m in MODES},
            )
        )

    def funding(self, position_id: str, rate: str, hours: str) -> Answer:
        problems: list[str] = []
        per_interval = _percent(tr("Funding rate (%)"), rate, problems)
        hold = read_field(tr("Holding time (hours)"), hours, problems, positive=False)
        scenario = self._controller.scenario
        if position_id not in {p.id for p in scenario.positions}:
            problems.append(tr("Position: add a position to the account first"))
        if problems or per_interval is None or hold is None:
            return Answer(problems=problems)
        grid = [hold * i / (FUNDING_POINTS - 1) for i in range(FUNDING_POINTS)]

        def run() -> FundingFigures:
            funded = after_funding(scenario, per_interval, hold)
            curves = liquidation_over_time(scenario, position_id, per_interval, grid)
            liquidation: dict[str, list[float | None]] = {
                mode: line for mode, line in curves.items()
            }
            return FundingFigures(
                grid,
                liquidation,
                funded.paid[position_id],
                position_id in funded.drained,
                funded.intervals,
                funded.interval_hours,
                per_interval,
            )

        return _plan(run)


def in_field_words(problem: str) -> str:
    """An engine message ("symbol: …") with the field's name as the tabs label it."""
    field, _, text = problem.partition(": ")
    if not text:
        return said(problem)
    label = tr(FIELD_LABELS[field]) if field in FIELD_LABELS else field
    rest = problem.params.get("problem") if isinstance(problem, Said) else None
    return f"{label}: {said(rest) if isinstance(rest, str) else tr(text)}"


def parse_fills(text: str, problems: list[str]) -> list[tuple[float, float]]:
    """One fill a line, ``QTY @ PRICE`` (as venues write a fill: "0.5 @ 60,000")."""
    fills: list[tuple[float, float]] = []
    lines = [ln for ln in text.splitlines() if ln.strip()]
    if len(lines) > MAX_FILLS:
        problems.append(
            tr("Fills: at most {most} (you typed {typed})").format(
                most=MAX_FILLS, typed=f"{len(lines):,}"
            )
        )
        return fills
    for n, line in enumerate(lines, 1):
        qty_text, at, price_text = line.partition("@")
        if not at:
            problems.append(tr("Fill {n}: write quantity @ price, e.g. 0.5 @ 60000").format(n=n))
            continue
        qty = read_field(tr("Fill {n} quantity").format(n=n), qty_text, problems)
        price = read_field(tr("Fill {n} price").format(n=n), price_text, problems)
        if qty is not None and price is not None:
            fills.append((price, qty))
    if not fills and not problems:  # nothing typed yet: a field to fill in, not a mistake
        read_field(tr("Fills"), "", problems)
    return fills


def _plan(run: Any) -> Answer:
    try:
        return Answer(figures=run())
    except PlanError as error:
        return Answer(problems=list(error.problems))
    except (LookupError, ValueError) as error:
        return Answer(problems=[said_error(error)])


def read_field(label: str, text: str, problems: list[str], positive: bool = True) -> float | None:
    """A field's number (``numbers.read_number``), at most 10^15 like the file's amounts."""
    return read_number(label, text, problems, positive=positive, largest=1e15)


def _percent(label: str, text: str, problems: list[str]) -> float | None:
    value = read_field(label, text.strip().removesuffix("%"), problems, positive=False)
    return None if value is None else value / 100


def ladder_rows(
    steps: Sequence[LadderStep], added_to: str | None = None, coin: bool = False
) -> list[list[str]]:
    """Kept here so the view does no arithmetic; texts come from the numbers module. The first
    fill added to a position is compared with that position's liquidation as it stands.
    ``coin``: margins in a coin, to 8 decimals."""
    from marginlab.engine.text.numbers import amount_text, price_or_none_text, price_text

    rows = []
    for i, s in enumerate(steps, 1):
        notes = []
        if s.beyond and i == 1:
            notes.append(
                tr(
                    "past the liquidation of {id} as it stands ({modes}): the position would be "
                    "gone before this fills"
                ).format(id=added_to, modes=_and(tr(m) for m in s.beyond))
            )
        elif s.beyond:
            before = steps[i - 2].liquidation
            where = _and(f"{tr(m)} {said(price_or_none_text(before[m]))}" for m in s.beyond)
            notes.append(
                tr(
                    "past the liquidation after fill {n} ({where}): the position would be gone "
                    "before this fills"
                ).format(n=i - 1, where=where)
            )
        if s.unfunded:
            notes.append(
                tr("margin more than the account has left ({modes})").format(
                    modes=_and(tr(m) for m in s.unfunded)
                )
            )
        rows.append(
            [
                str(i),
                price_text(s.price),
                f"{s.quantity:,.8g}",
                f"{s.total_quantity:,.8g}",
                price_text(s.average_entry),
                amount_text(s.margin, coin),
                said(price_or_none_text(s.liquidation["isolated"])),
                said(price_or_none_text(s.liquidation["cross"])),
                "; ".join(notes),
            ]
        )
    return rows


def _and(words: Iterable[str]) -> str:
    return tr(" and ").join(words)


__all__ = [
    "MODES",
    "Answer",
    "ExitFigures",
    "FundingFigures",
    "MaxOpen",
    "Planner",
    "Sizing",
    "ladder_rows",
]
