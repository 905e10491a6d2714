"""Planning a trade in the account as it stands: the DCA ladder, max open, the size that keeps a
loss within what you accept, and funding over a holding time (issue 17). Every figure comes
from ``evaluate`` on the account with the planned position in it, so cross contagion, tiers
and the venue's fee rules all count; the formulas cited are the parts computed here.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any, Literal

from pydantic import ValidationError

from marginlab.engine.margin.by_scenario import ByScenario
from marginlab.engine.margin.calculator import (
    Exit,
    average_entry,
    break_even_price,
    exit_at,
    funding_payment,
    target_price_for_pnl,
    target_price_for_roe,
)
from marginlab.engine.margin.evaluate import equity_after, position_liquidation
from marginlab.engine.margin.fees import taker_rate, trade_fee
from marginlab.engine.margin.inverse import (
    break_even_price_inverse,
    exit_inverse,
    funding_payment_inverse,
    target_price_for_pnl_inverse,
    target_price_for_roe_inverse,
    twin,
)
from marginlab.engine.margin.models import (
    MarginMode,
    Position,
    Scenario,
    Side,
    isolated_margin_total,
)
from marginlab.engine.margin.pools import make_leg
from marginlab.engine.margin.rules import has_table, missing_table_problem, schedule_for
from marginlab.engine.text.numbers import coin_amounts, cut_to_digits, money_text
from marginlab.engine.text.pydantic_words import rule_message
from marginlab.engine.text.said import say

MODES: tuple[MarginMode, ...] = ("isolated", "cross")
# Hours between funding payments (Binance, Bybit, Bitget: every 8 hours on most perpetuals;
# Hyperliquid docs "Funding": paid every hour).
FUNDING_HOURS = {
    "binance-usdm": 8.0,
    "bybit-linear": 8.0,
    "bitget-usdtm": 8.0,
    "hyperliquid": 1.0,
    "generic": 8.0,
}
_SEARCH_STEPS = 60
MAX_FILLS = 50  # each fill of a ladder is a whole evaluation


class PlanError(ValueError):
    """Inputs that cannot be planned, one message per problem naming the field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Ticket:
    """The position about to be opened (or added to): what every calculator asks first."""

    symbol: str
    side: Side
    leverage: float
    price: float  # the order's price: its entry
    maintenance_rate: float | None = None  # an MMR override, where no table covers the symbol
    # Coin-margined: the size is a number of contracts of this many USD (issue 19).
    contract_size: float | None = None

    @property
    def sign(self) -> int:
        return 1 if self.side == "long" else -1

    @property
    def inverse(self) -> bool:
        return self.contract_size is not None

    def value(self, quantity: float) -> float:
        """The order's notional in the settlement currency: ``Q · P`` (linear), or ``N / P``
        coins for ``quantity`` contracts worth ``N`` USD (formulas.md §0)."""
        if self.contract_size is not None:
            return quantity * self.contract_size / self.price
        return quantity * self.price

    def margin(self, quantity: float) -> float:
        """Its initial margin at the ticket's leverage: notional / leverage (DESIGN §2)."""
        return self.value(quantity) / self.leverage

    def exit(self, quantity: float, price: float, margin: float, fee_rate: float) -> Exit:
        """``calculator.exit_at`` of ``quantity`` closed at ``price``; coin-margined, in the coin
        (``inverse.exit_inverse``)."""
        if self.contract_size is not None:
            usd = quantity * self.contract_size
            return exit_inverse(self.sign, usd, self.price, price, margin, fee_rate)
        return exit_at(self.sign, quantity, self.price, price, margin, fee_rate)

    def break_even(self, fee_rate: float) -> float | None:
        """``calculator.break_even_price``, or ``inverse.break_even_price_inverse``."""
        if self.contract_size is not None:
            return break_even_price_inverse(self.sign, self.price, fee_rate)
        return break_even_price(self.sign, self.price, fee_rate)

    def price_for_roe(self, target: float) -> float | None:
        """``calculator.target_price_for_roe``, or ``inverse.target_price_for_roe_inverse``."""
        if self.contract_size is not None:
            return target_price_for_roe_inverse(self.sign, self.price, self.leverage, target)
        return target_price_for_roe(self.sign, self.price, self.leverage, target)

    def price_for_pnl(self, quantity: float, target: float) -> float | None:
        """``calculator.target_price_for_pnl``, or ``inverse.target_price_for_pnl_inverse``."""
        if self.contract_size is not None:
            usd = quantity * self.contract_size
            return target_price_for_pnl_inverse(self.sign, usd, self.price, target)
        return target_price_for_pnl(self.sign, quantity, self.price, target)

    def quantity_at(self, margin: float, leverage: float) -> float:
        """The size whose initial margin at ``leverage`` is ``margin`` (``margin`` inverted)."""
        if self.contract_size is not None:
            return margin * leverage * self.price / self.contract_size
        return margin * leverage / self.price

    def probe(self, quantity: float = 1.0, leverage: float | None = None) -> Position:
        """The order as a position of ``quantity`` (cross; validated like a file's), to ask
        the rule set for its schedule or its maintenance margin."""
        return Position(
            id="probe",
            symbol=self.symbol,
            side=self.side,
            quantity=quantity,
            entry_price=self.price,
            leverage=self.leverage if leverage is None else leverage,
            margin_mode="cross",
            maintenance_rate=self.maintenance_rate,
            contract="inverse" if self.inverse else "linear",
            contract_size=self.contract_size,
        )


def account_contract_size(scenario: Scenario, symbol: str) -> float | None:
    """The contract size an order in ``symbol`` has in this account: None in a linear one; in
    a coin-margined one, that of its position in the symbol, else of its first position (one
    venue, one contract size per coin: 100 USD for Binance COIN-M BTCUSD, 1 for Bybit)."""
    if not scenario.coin_margined:
        return None
    held = [p for p in scenario.positions if p.symbol == symbol] or list(scenario.positions)
    return held[0].contract_size


def book_mmr(scenario: Scenario, symbol: str) -> float | None:
    """The maintenance rate an order in ``symbol`` takes when none is typed and no tier table
    covers it: the MMR override the account's own positions in the symbol share (each with no
    fixed amount), as the venue holds one rate for a symbol. None where a table covers it
    (its tiers decide, not a position's override), or where the positions hold none, differ,
    or add an amount. A generic-rules book states an MMR on every position; the order asked
    for it again, in red, before anything was typed."""
    if has_table(scenario.rules, symbol):
        return None
    rates = {
        (p.maintenance_rate, p.maintenance_amount or 0.0)
        for p in scenario.positions
        if p.symbol == symbol
    }
    if len(rates) != 1:
        return None
    ((rate, amount),) = rates
    return rate if amount == 0.0 else None


def ticket_problems(scenario: Scenario, ticket: Ticket) -> list[str]:
    """Why the ticket cannot be priced in this account, one message per field: a contract of
    the other kind than the account's first, then a symbol the file format refuses, a
    leverage or price out of range, no tier table and no MMR override."""
    if scenario.positions and ticket.inverse != scenario.coin_margined:
        return [
            say("contract: this account holds coin-margined contracts; the order must be one too")
            if scenario.coin_margined
            else say("contract: this account holds linear contracts; the order must be one too")
        ]
    try:
        probe = ticket.probe()
    except ValidationError as error:
        out: list[str] = []
        for item in error.errors():
            field = _ORDER_WORDS.get(str(item["loc"][0]) if item["loc"] else "", "MMR override")
            if field == "symbol":
                # The rule, not pydantic's pattern: its own field, as every order message.
                rule = say("letters, digits, _ . : / - only, at most 40")
                out.append(say("{field}: {problem}", field="symbol", problem=rule))
            else:
                out.append(_order_problem(field, item))
        return out
    problem = missing_table_problem(scenario.rules, probe, file_words=False)
    return [] if problem is None else [problem]


# An order's fields as the order tabs and ``marginlab-cli check`` name them (``in_field_words``).
_ORDER_WORDS = {
    "symbol": "symbol",
    "quantity": "size",
    "entry_price": "price",
    "leverage": "leverage",
    "maintenance_rate": "MMR override",
    "margin": "margin",
}


def _order_problem(field: str, item: Any) -> str:
    """``field: what is wrong``, for one pydantic error of the order as a position: the
    bounds as a file's are said (``rule_message``), an MMR's as the percent it is typed in."""
    if field == "MMR override" and item["type"] != "value_error":
        problem: str = say("must be between 0 and 100 %")
    else:
        problem = rule_message(item)
    return say("{field}: {problem}", field=field, problem=problem)


def checked(scenario: Scenario, ticket: Ticket) -> None:
    """Raise ``PlanError`` with ``ticket_problems``, if any."""
    problems = ticket_problems(scenario, ticket)
    if problems:
        raise PlanError(problems)


def new_id(scenario: Scenario, stem: str = "P") -> str:
    """An id no position of ``scenario`` uses: P1, P2… as the window's Add names them. Found
    once per scenario: a search opens its order dozens of times in a book of thousands."""
    return _NEW_IDS.get(scenario, stem)


def _new_id(scenario: Scenario, stem: str) -> str:
    used = {p.id for p in scenario.positions}
    return next(f"{stem}{i}" for i in range(1, len(used) + 2) if f"{stem}{i}" not in used)


_NEW_IDS: ByScenario[str, str] = ByScenario(_new_id, kept=12)


def _isolated_total(scenario: Scenario, _: None) -> float:
    """Σ the isolated margins of ``scenario`` as entered (the file's check), once per scenario."""
    return isolated_margin_total(scenario.positions)


_ISOLATED_TOTALS: ByScenario[None, float] = ByScenario(_isolated_total, kept=12)


def with_positions(scenario: Scenario, positions: Sequence[dict[str, Any] | Position]) -> Scenario:
    """``scenario`` holding ``positions`` instead of its own; the problems in the trader's words."""
    document = scenario.model_dump(exclude={"positions"})
    document["positions"] = [
        p.model_dump(exclude_none=True) if isinstance(p, Position) else p for p in positions
    ]
    try:
        return Scenario.model_validate(document)
    except ValidationError as error:
        problems = []
        for item in error.errors():
            text = rule_message(item)
            where = ".".join(str(part) for part in item["loc"])
            lines = text.splitlines() if item["type"] == "value_error" else [text]
            problems += [
                say("{field}: {problem}", field=where, problem=line) if where else line
                for line in lines
            ]
        raise PlanError(problems) from None


def order_document(
    scenario: Scenario,
    ticket: Ticket,
    quantity: float,
    mode: MarginMode,
    margin: float | None = None,
    position_id: str | None = None,
) -> dict[str, Any]:
    """The ticket as a position of the scenario file (a new id; its price as the mark when
    the account holds no position in the symbol)."""
    position: dict[str, Any] = {
        "id": position_id or new_id(scenario),
        "symbol": ticket.symbol,
        "side": ticket.side,
        "quantity": quantity,
        "entry_price": ticket.price,
        "leverage": ticket.leverage,
        "margin_mode": mode,
    }
    if margin is not None:
        position["margin"] = margin
    if ticket.maintenance_rate is not None:
        position["maintenance_rate"] = ticket.maintenance_rate
    if ticket.contract_size is not None:
        position.update(contract="inverse", contract_size=ticket.contract_size)
    if ticket.symbol not in scenario.marks():
        position["mark_price"] = ticket.price
    return position


def opened(
    scenario: Scenario,
    ticket: Ticket,
    quantity: float,
    mode: MarginMode,
    margin: float | None = None,
    position_id: str | None = None,
) -> tuple[Scenario, str]:
    """The account with the ticket opened at ``quantity`` in ``mode``, and the new id."""
    position = order_document(scenario, ticket, quantity, mode, margin, position_id)
    return _added(scenario, position), position["id"]


def _added(scenario: Scenario, document: dict[str, Any]) -> Scenario:
    """``scenario`` with one more position, checked as the file format checks it (the
    position's fields, its table, the isolated margins within the wallet) without validating
    the whole book again: a search opens it dozens of times."""
    try:
        position = Position.model_validate(document)
    except ValidationError as error:
        errors = error.errors()
        if all(item["loc"] and item["loc"][0] in _ORDER_WORDS for item in errors):
            raise PlanError(
                [_order_problem(_ORDER_WORDS[str(item["loc"][0])], item) for item in errors]
            ) from None
        return with_positions(scenario, [*scenario.positions, document])  # names the problem
    problems = []
    table_problem = missing_table_problem(scenario.rules, position)
    if table_problem:
        problems.append(f"positions[{len(scenario.positions)}].{table_problem}")
    if position.margin_mode == "isolated":
        held = _ISOLATED_TOTALS.get(scenario, None)
        wallet = scenario.account.wallet_balance
        if held + position.isolated_margin > wallet * (1 + 1e-12):
            # The order's words, not the file's ("positions: isolated margins add up to …,
            # more than account.wallet_balance", which the order tabs showed as it was).
            currency = scenario.account.currency
            problems.append(
                say(
                    "Opened isolated, its margin {margin} is more than the {free} the wallet "
                    "has free beside the isolated margins it holds",
                    margin=money_text(position.isolated_margin, currency, coin=position.inverse),
                    free=money_text(max(wallet - held, 0.0), currency, coin=position.inverse),
                )
            )
    if problems:
        raise PlanError(problems)
    return scenario.model_copy(update={"positions": (*scenario.positions, position)})


# --- average entry and the DCA ladder ---------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LadderStep:
    """After one more fill: the position's size, average entry and margin, and its liquidation
    price in each mode with the market at that fill. ``beyond`` names the modes in which this
    fill lies at or past the previous step's liquidation price: it would never fill;
    ``unfunded`` those in which the account cannot put up the margin."""

    price: float
    quantity: float
    total_quantity: float
    average_entry: float
    margin: float
    liquidation: dict[MarginMode, float | None]
    beyond: tuple[MarginMode, ...]
    unfunded: tuple[MarginMode, ...] = ()  # the margin is more than the account has left


def dca_ladder(
    scenario: Scenario,
    ticket: Ticket,
    fills: Sequence[tuple[float, float]],
    add_to: str | None = None,
) -> tuple[LadderStep, ...]:
    """Each fill ``(price, quantity)`` in turn: average entry ``Σ q·p / Σ q`` (Bybit help "How to
    Calculate Average Entry Price"), margin ``Σ q·p / L`` (each fill at the ticket's leverage;
    Binance FAQ: initial margin = notional / leverage), and the liquidation price in each mode
    from ``evaluate`` with the market at the fill (prite36's multi-position calculator shows
    the same ladder for Binance). ``add_to``: the fills add to that position of the account
    (its quantity, entry and margin first; its symbol and side), not to a new one.
    Coin-margined (quantities in contracts): the average of the twin in ``1/P``,
    ``Σ q / Σ (q/p)``, and margins ``Σ q·size/p / L`` in the coin (``_average``)."""
    base = None
    if add_to is not None:
        base = next((p for p in scenario.positions if p.id == add_to), None)
        if base is None:
            raise PlanError([say("position: no position '{id}' in the account", id=add_to)])
        ticket = Ticket(
            base.symbol,
            base.side,
            ticket.leverage,
            ticket.price,
            base.maintenance_rate,
            base.contract_size if base.inverse else None,
        )
        mark = scenario.marks()[base.symbol]
        scenario = scenario.model_copy(
            update={"positions": tuple(p for p in scenario.positions if p.id != base.id)}
        )
    checked(scenario, ticket)
    problems: list[str] = [
        say("fill {n}: price and quantity must be numbers > 0", n=i + 1)
        for i, (p, q) in enumerate(fills)
        if not (p > 0 and q > 0 and math.isfinite(p) and math.isfinite(q))
    ]
    if not fills:
        problems.append(say("fills: type at least one fill (price and quantity)"))
    if len(fills) > MAX_FILLS:
        problems = [say("fills: at most {most} (a ladder, not a trade log)", most=MAX_FILLS)]
    if problems:
        raise PlanError(problems)
    held = [] if base is None else [(base.entry_price, base.quantity)]
    held_margin = 0.0 if base is None else base.isolated_margin
    previous: dict[MarginMode, float | None] | None = None
    if base is not None:  # where the position is liquidated before the first fill
        previous = _ladder_liquidations(scenario, ticket, held, held_margin, mark, base.id)[0]
    steps: list[LadderStep] = []
    for k, (price, quantity) in enumerate(fills):
        done = [*held, *fills[: k + 1]]
        average = _average(ticket, done)
        total = sum(q for _, q in done)
        margin = held_margin + sum(replace(ticket, price=p).margin(q) for p, q in fills[: k + 1])
        liquidation, unfunded = _ladder_liquidations(
            scenario, ticket, done, margin, price, None if base is None else base.id
        )
        beyond: tuple[MarginMode, ...] = ()
        before = steps[-1].liquidation if steps else previous
        if before is not None:
            beyond = tuple(m for m in MODES if _past(ticket.sign, price, before[m]))
        steps.append(
            LadderStep(
                price, quantity, total, average, margin, liquidation, beyond, tuple(unfunded)
            )
        )
    return tuple(steps)


def _ladder_liquidations(
    scenario: Scenario,
    ticket: Ticket,
    fills: Sequence[tuple[float, float]],
    margin: float,
    price: float,
    position_id: str | None,
) -> tuple[dict[MarginMode, float | None], list[MarginMode]]:
    """The liquidation price, in each mode, of the position the fills make, with the market
    at ``price``; and the modes in which the account cannot put up its margin."""
    average = _average(ticket, fills)
    total = sum(q for _, q in fills)
    step_ticket = replace(ticket, price=average)
    liquidation: dict[MarginMode, float | None] = {}
    unfunded: list[MarginMode] = []
    for mode in MODES:
        try:
            account, pid = opened(scenario, step_ticket, total, mode, margin, position_id)
        except PlanError:  # isolated: more margin than the wallet has left
            unfunded.append(mode)
            liquidation[mode] = None
            continue
        liquidation[mode] = position_liquidation(account.at_marks({ticket.symbol: price}), pid)
    return liquidation, unfunded


def _average(ticket: Ticket, fills: Sequence[tuple[float, float]]) -> float:
    """The average entry of fills ``(price, quantity)``: ``calculator.average_entry``; for
    coin-margined contracts, that of the twin in ``u = 1/P`` (each fill ``q·size`` USD at
    ``1/p``, ``margin.inverse``), turned back: ``Σ q / Σ (q/p)``, the contracts over their
    coin value."""
    if not ticket.inverse:
        return average_entry(fills)
    return 1 / average_entry([(1 / p, q) for p, q in fills])


def _past(sign: int, price: float, liquidation: float | None) -> bool:
    return liquidation is not None and sign * (price - liquidation) <= 0


# --- max open ---------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class MaxOpen:
    """The largest order the account can open: ``quantity`` (floored to ``step``), its
    notional, the margin, open loss and fees it costs, the balance it draws on, what stops it
    growing ("balance" or "tier"), and whose order-cost formula priced it."""

    mode: MarginMode
    quantity: float
    notional: float
    margin: float
    open_loss: float
    available: float
    tier_cap: float | None
    limited_by: Literal["balance", "tier"]
    fees: float = 0.0  # the taker fees the venue's order cost holds back (``order_cost``)
    formula: OrderCostFormula = "binance"


def available_balance(scenario: Scenario) -> float:
    """What a new order can draw on: wallet less every isolated margin, plus the cross
    positions' unrealised PnL, less their initial margin (Binance FAQ "Available Balance" in
    USDⓈ-M futures: wallet balance + unrealised PnL − position initial margin), at least 0.
    Coin-margined, all in the coin, with the PnL ``s·N·(1/EP − 1/P)`` (formulas.md §0)."""
    marks = scenario.marks()
    cash = scenario.account.wallet_balance
    for p in scenario.positions:
        if p.margin_mode == "isolated":
            cash -= p.isolated_margin
        else:
            mark = marks[p.symbol]
            if p.inverse:
                cash += p.sign * p.usd_value * (1 / p.entry_price - 1 / mark)
            else:
                cash += p.sign * p.quantity * (mark - p.entry_price)
            cash -= p.cross_initial_margin
    return max(cash, 0.0)


def open_loss_per_unit(sign: int, price: float, mark: float, size: float | None = None) -> float:
    """Binance's "open loss" of an order away from the mark, per unit: a long above the mark or
    a short below it starts that much down, ``max(0, s · (price − mark))`` (Binance developer
    forum, "max open" threads: order cost = initial margin + open loss). Per contract of
    ``size`` USD, in the coin: ``max(0, s · size · (1/mark − 1/price))``."""
    if size is not None:
        return max(0.0, sign * size * (1 / mark - 1 / price))
    return max(0.0, sign * (price - mark))


# Whose order-cost formula prices a venue's max open (``order_cost``): Binance's where the
# venue publishes none we hold (Hyperliquid) and for your own rates.
OrderCostFormula = Literal["binance", "bybit", "bitget"]
ORDER_COST_FORMULAS: dict[str, OrderCostFormula] = {
    "binance-usdm": "binance",
    "bybit-linear": "bybit",
    "bitget-usdtm": "bitget",
    "hyperliquid": "binance",
    "generic": "binance",
}


@dataclass(frozen=True, slots=True)
class OrderCost:
    """What one unit of an order holds back from the balance, by the venue's formula: its
    initial margin, its open loss and the taker fees (``order_cost``)."""

    margin: float
    open_loss: float
    fees: float
    formula: OrderCostFormula

    @property
    def total(self) -> float:
        return self.margin + self.open_loss + self.fees


def order_cost(rules: str, ticket: Ticket, mark: float, fee_rate: float) -> OrderCost:
    """The cost of one unit of ``ticket`` as its venue counts it before it lets the order in:

    * Binance (and Hyperliquid, which publishes no such formula; your own rates likewise):
      ``P / L + open loss`` (Binance FAQ "How to Use the Binance Futures Calculator", [Max
      Open]; the Binance developer forum: order cost = initial margin + open loss); no fee.
    * Bybit: ``P / L + P · f + P · (1 − s / L) · f``, the fee to close valued at the
      bankruptcy price (Bybit help "Order Cost (USDT Contract)": order cost = initial margin +
      fee to open + fee to close; its example, 1 BTC long at 50,000, 10×, 0.06 %: 5,057 USDT);
      the article counts no open loss.
    * Bitget: ``P / L + P · f + open loss`` (Bitget "Futures Position Initial Margin Overview",
      one-way mode: maximum open = available ÷ (price × [(1 + price freeze markup) ÷ leverage
      + fee rate × (1 + fee freeze markup)] + unit opening loss); it publishes no value of its
      two freeze markups, taken here as 0, so Bitget's own figure can be a little lower).

    Coin-margined (your own rates only): Binance COIN-M's, per contract, in the coin."""
    unit_margin = ticket.margin(1.0)
    formula = ORDER_COST_FORMULAS[rules] if ticket.contract_size is None else "binance"
    if formula == "bybit":
        closing = ticket.price * (1 - ticket.sign / ticket.leverage)
        fees = trade_fee(1.0, ticket.price, fee_rate) + trade_fee(1.0, closing, fee_rate)
        return OrderCost(unit_margin, 0.0, fees, formula)
    opens = open_loss_per_unit(ticket.sign, ticket.price, mark, ticket.contract_size)
    fees = trade_fee(1.0, ticket.price, fee_rate) if formula == "bitget" else 0.0
    return OrderCost(unit_margin, opens, fees, formula)


def tier_cap(scenario: Scenario, ticket: Ticket) -> float | None:
    """The largest notional the venue's tiers allow at the ticket's leverage (Binance
    "Leverage and Margin": each bracket's maximum leverage); None when no tier limits it."""
    schedule = schedule_for(scenario.rules, ticket.probe())
    allowed = [
        k for k, top in enumerate(schedule.max_leverages) if top is None or top >= ticket.leverage
    ]
    if not allowed:
        return 0.0
    last = max(allowed)
    if last + 1 < len(schedule.floors):
        return schedule.floors[last + 1]
    return schedule.top_cap


def max_open(
    scenario: Scenario,
    ticket: Ticket,
    mode: MarginMode,
    margin: float | None = None,
    step: float = 0.0,
) -> MaxOpen:
    """Max open at the ticket's price and leverage: ``Q = available / order cost per unit``, by
    the venue's order-cost formula (``order_cost``: Binance FAQ "How to Use the Binance Futures
    Calculator", [Max Open], ``price / L + open loss``; Bybit's and Bitget's add their fees),
    and no more notional than the tier allows at that leverage. Cross draws on the available
    balance; isolated on the margin you set, else the same. Coin-margined, in contracts: each
    costs ``size / (price · L)`` coins plus its open loss."""
    checked(scenario, ticket)
    mark = scenario.marks().get(ticket.symbol, ticket.price)
    available = margin if mode == "isolated" and margin is not None else available_balance(scenario)
    cost = order_cost(scenario.rules, ticket, mark, taker_rate(scenario))
    unit = cost.total
    by_balance = available / unit
    cap = tier_cap(scenario, ticket)
    by_tier = math.inf if cap is None else cap / ticket.value(1.0)
    quantity = min(by_balance, by_tier)
    if step > 0 and quantity > 0:
        steps = quantity / step
        if not math.isfinite(steps) or steps > 1e12:
            raise PlanError([say("quantity step: too fine for this size (more than 10^12 steps)")])
        count = math.floor(steps * (1 + 1e-12))
        # Rounding can leave the floored size one step over: at most a step or two back.
        for _ in range(3):
            if count <= 0 or _fits(count * step, ticket, unit, available, cap):
                break
            count -= 1
        quantity = max(count, 0) * step
    return MaxOpen(
        mode=mode,
        quantity=quantity,
        notional=ticket.value(quantity),
        margin=ticket.margin(quantity),
        open_loss=quantity * cost.open_loss,
        available=available,
        tier_cap=cap,
        limited_by="tier" if by_tier < by_balance else "balance",
        fees=quantity * cost.fees,
        formula=cost.formula,
    )


def _fits(
    quantity: float, ticket: Ticket, unit: float, available: float, cap: float | None
) -> bool:
    within_tier = cap is None or ticket.value(quantity) <= cap
    return quantity * unit <= available and within_tier


# --- size from the loss you accept ------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Sizing:
    """The largest size whose loss, if the price goes to the stop, stays within the loss you
    accept; the loss there; whether the position is liquidated before the stop; the highest
    leverage that keeps it open to the stop; and (isolated) the margin that puts its
    liquidation exactly at the stop."""

    mode: MarginMode
    quantity: float
    loss: float
    liquidated_before_stop: bool
    highest_leverage: float | None
    margin_for_stop: float | None


def loss_at_stop(
    scenario: Scenario, ticket: Ticket, mode: MarginMode, quantity: float, stop: float
) -> tuple[float, bool]:
    """What opening ``quantity`` costs the account if the price then goes to ``stop``: the
    account's equity there without it less with it (``evaluate``: a cross position can take
    the whole pool down), plus the taker fees to open and to close at the stop (fees.py).
    Also whether the new position is liquidated on the way. An isolated size whose margin
    the account cannot put up costs infinity: it cannot be opened."""
    rate = taker_rate(scenario)
    try:
        with_it, pid = opened(scenario, ticket, quantity, mode)
    except PlanError:
        return math.inf, False
    after, gone = equity_after(with_it, {ticket.symbol: stop})
    liquidated = pid in gone
    without = _equity_at(scenario, ticket.symbol, stop)
    fees = trade_fee(quantity, ticket.price, rate) + (
        0.0 if liquidated else trade_fee(quantity, stop, rate)
    )
    return without - after + fees, liquidated


def _equity_at(scenario: Scenario, symbol: str, price: float) -> float:
    """The account's equity at ``price`` without the order (``equity_after``)."""
    at = {symbol: price} if symbol in scenario.marks() else {}
    return equity_after(scenario, at)[0]


# Significant digits the calculator gives a size in ("690.30034 0G"): its largest sizes are
# found to them (``as_read``), by a bisection a hundred times finer than their last digit. At
# 1e-7 it read 0.78705243 BTC where 0.78705247 was the largest.
SIZING_DIGITS = 8
_SIZING_PRECISION = 1e-10  # relative


def size_for_loss(
    scenario: Scenario, ticket: Ticket, mode: MarginMode, stop: float, max_loss: float
) -> Sizing:
    """The largest quantity with ``loss_at_stop ≤ max_loss``: the loss grows with the size, so a
    doubling then a bisection finds it to 1e-10 relative. Highest leverage: isolated, the one
    whose margin ``M = MM(stop) − s·Q·(stop − EP)`` makes the stop the liquidation price
    (health ``M + s·Q·(P − EP) − MM(P) = 0`` at P = stop; formulas.md §0), capped by the
    tier; cross, the tier's own maximum, since leverage does not move a cross liquidation.
    Coin-margined, in whole contracts (``_size_in_contracts``)."""
    checked(scenario, ticket)
    problems = _sizing_problems(ticket, stop, max_loss)
    if problems:
        raise PlanError(problems)
    if ticket.contract_size is not None:
        return _size_in_contracts(scenario, ticket, mode, stop, max_loss)
    quantity = _largest_within(scenario, ticket, mode, stop, max_loss)
    return _sizing(scenario, ticket, mode, quantity, stop)


def _size_in_contracts(
    scenario: Scenario, ticket: Ticket, mode: MarginMode, stop: float, max_loss: float
) -> Sizing:
    """``size_for_loss`` of a coin-margined order: its linear twin's (``inverse``: the
    opposite side, ``N`` USD at ``1/EP``, in the price ``u = 1/P``, every amount in the
    coin), whose quantity is the USD value, floored to whole contracts of the order's size
    (a venue trades whole contracts). The twin's margin for the stop is
    ``MM(1/stop) + s·N·(1/stop − 1/EP)``, the coin margin that puts the liquidation at the stop,
    and its leverage the coin notional over it."""
    size = ticket.contract_size
    assert size is not None  # a coin-margined ticket's
    linear = twin(scenario)
    mirror = replace(
        ticket,
        side="short" if ticket.side == "long" else "long",
        price=1 / ticket.price,
        contract_size=None,
    )
    with coin_amounts():
        value = _largest_within(linear, mirror, mode, 1 / stop, max_loss)
        # The search finds the USD size to 1e-10 relative, so it can stop just short of a
        # whole count whose loss is exactly the loss accepted (250 contracts of 0.0002 BTC
        # for 0.05 BTC): the next one or two counts are tried.
        contracts = math.floor(value / size)
        limit = _quantity_limit(linear, mirror)
        for _ in range(2):
            more = (contracts + 1) * size
            if more > limit or loss_at_stop(linear, mirror, mode, more, 1 / stop)[0] > max_loss:
                break
            contracts += 1
        found = _sizing(linear, mirror, mode, contracts * size, 1 / stop)
    return replace(found, quantity=float(contracts))


def _largest_within(
    scenario: Scenario, ticket: Ticket, mode: MarginMode, stop: float, max_loss: float
) -> float:
    """The largest quantity whose ``loss_at_stop`` is within ``max_loss`` (``size_for_loss``)."""
    unit_loss = abs(ticket.price - stop) + taker_rate(scenario) * (ticket.price + stop)
    limit = _quantity_limit(scenario, ticket)
    high = min(max_loss / unit_loss, limit)
    low = 0.0
    for _ in range(_SEARCH_STEPS):  # widen while the whole range still fits
        if high >= limit or loss_at_stop(scenario, ticket, mode, high, stop)[0] > max_loss:
            break
        low, high = high, min(high * 2, limit)
    else:
        high = low
    if high >= limit and loss_at_stop(scenario, ticket, mode, high, stop)[0] <= max_loss:
        low = high
    for _ in range(_SEARCH_STEPS):
        if high - low <= _SIZING_PRECISION * high:
            break
        mid = (low + high) / 2
        if loss_at_stop(scenario, ticket, mode, mid, stop)[0] <= max_loss:
            low = mid
        else:
            high = mid

    def fits(quantity: float) -> bool:
        return (
            quantity <= limit
            and loss_at_stop(scenario, ticket, mode, quantity, stop)[0] <= max_loss
        )

    return as_read(low, fits, SIZING_DIGITS)


def as_read(found: float, fits: Callable[[float], bool], digits: int) -> float:
    """The largest value within (``found``: a bisection's, finer than its last digit) as a
    trader reads it, to ``digits`` significant digits: rounded where that is within too, since
    the bisection ends a hair below the largest (0.49999997 for 0.5); else cut (``cut_to_digits``),
    which is. Rounded alone, "Use this size" filled in 0.10247 where 0.10246956 was the
    largest, and the check then said it was not within."""
    if not found > 0:
        return found
    rounded = float(f"{found:.{digits}g}")
    if rounded <= found or fits(rounded):
        return rounded
    return cut_to_digits(found, digits)


def _quantity_limit(scenario: Scenario, ticket: Ticket) -> float:
    """The largest quantity the tier allows at the ticket's leverage, or a notional of 10^12."""
    cap = tier_cap(scenario, ticket)
    return 1e12 / ticket.price if cap is None else max(cap / ticket.price, 0.0)


def _sizing(
    scenario: Scenario, ticket: Ticket, mode: MarginMode, quantity: float, stop: float
) -> Sizing:
    """What ``quantity`` of the order does at the stop: its loss, whether it is liquidated on
    the way, its highest leverage and (isolated) the margin that puts its liquidation there."""
    if quantity <= 0:
        return Sizing(mode, 0.0, 0.0, False, None, None)
    loss, liquidated = loss_at_stop(scenario, ticket, mode, quantity, stop)
    margin_for_stop = _margin_for_stop(scenario, ticket, quantity, stop)
    top = _top_leverage(scenario, ticket, quantity)
    if mode == "isolated":
        highest = quantity * ticket.price / margin_for_stop if margin_for_stop > 0 else None
        if highest is not None and top is not None:
            highest = min(highest, top)
    else:
        highest = top
    return Sizing(mode, quantity, loss, liquidated, highest, margin_for_stop)


def _sizing_problems(ticket: Ticket, stop: float, max_loss: float) -> list[str]:
    problems: list[str] = []
    if not (stop > 0 and math.isfinite(stop)):
        problems.append(say("stop price: must be a number > 0"))
    elif ticket.sign * (stop - ticket.price) >= 0:
        problems.append(
            say("stop price: must be below the entry for a long")
            if ticket.sign > 0
            else say("stop price: must be above the entry for a short")
        )
    if not (max_loss > 0 and math.isfinite(max_loss)):
        problems.append(say("loss you accept: must be a number > 0"))
    return problems


def _margin_for_stop(scenario: Scenario, ticket: Ticket, quantity: float, stop: float) -> float:
    position = ticket.probe(quantity)
    leg = make_leg(scenario.rules, position, stop, taker_rate(scenario))
    return float(leg.maintenance(stop)) - ticket.sign * quantity * (stop - ticket.price)


def _top_leverage(scenario: Scenario, ticket: Ticket, quantity: float) -> float | None:
    """The tier's maximum leverage at the order's notional (None: the table states none)."""
    schedule = schedule_for(scenario.rules, ticket.probe(quantity))
    return schedule.max_leverage(quantity * ticket.price)


# --- funding ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Funded:
    """The account after holding: each position's funding paid (negative: received), and the
    positions whose isolated margin the funding used up."""

    scenario: Scenario
    paid: dict[str, float]
    drained: tuple[str, ...]
    intervals: int = 0  # the funding intervals within the holding time
    interval_hours: float = 8.0  # their length on the venue (``FUNDING_HOURS``)


def after_funding(scenario: Scenario, rate: float, hours: float) -> Funded:
    """The account after ``hours`` of funding at ``rate`` per interval (``FUNDING_HOURS``), the
    marks held: each position pays ``s · Q · P · rate`` per interval (calculator.
    funding_payment). An isolated position's margin drains by its own payment (Bybit help
    "Liquidation Price (USDT Contract)": funding taken from the position margin acts as
    negative extra margin, [V13]); the wallet, and so the cross pool, by every payment.
    Coin-margined, each pays ``s · (N / P) · rate`` in the coin
    (``inverse.funding_payment_inverse``)."""
    if not (math.isfinite(rate) and abs(rate) < 1):
        raise PlanError(
            [say("funding rate: must be a fraction between -1 and 1 (0.0001 = 0.01 %)")]
        )
    if not (math.isfinite(hours) and 0 <= hours <= 24 * 3660):
        raise PlanError([say("holding time: must be between 0 and 10 years, in hours")])
    length = FUNDING_HOURS[scenario.rules]
    intervals = math.floor(hours / length + 1e-9)
    marks = scenario.marks()
    paid = {
        p.id: funding_payment_inverse(p.sign, p.usd_value, marks[p.symbol], rate, intervals)
        if p.inverse
        else funding_payment(p.sign, p.quantity, marks[p.symbol], rate, intervals)
        for p in scenario.positions
    }
    if not any(paid.values()):
        return Funded(scenario, paid, (), intervals, length)
    drained = []
    positions = []
    for p in scenario.positions:
        margin = p.isolated_margin - paid[p.id]
        if margin <= 0:
            drained.append(p.id)
            margin = p.isolated_margin * 1e-9  # nothing left: liquidated at once
        positions.append(p.model_copy(update={"margin": margin}))
    # The cross pool cannot go below 0 (it is liquidated first): the isolated margins left
    # stay in the wallet.
    isolated = sum(q.isolated_margin for q in positions if q.margin_mode == "isolated")
    wallet = max(scenario.account.wallet_balance - sum(paid.values()), isolated)
    account = scenario.account.model_copy(update={"wallet_balance": wallet})
    # Valid by construction (every margin > 0, the isolated ones within the wallet): copied,
    # not validated again, since the funding plot asks for dozens of holding times.
    funded = scenario.model_copy(update={"account": account, "positions": tuple(positions)})
    return Funded(funded, paid, tuple(drained), intervals, length)


def liquidation_over_time(
    scenario: Scenario, position_id: str, rate: float, hours: Sequence[float]
) -> dict[MarginMode, list[float | None]]:
    """The position's liquidation price after each holding time, held isolated and held cross
    (the others as entered): ``after_funding`` then ``evaluate``."""
    out: dict[MarginMode, list[float | None]] = {m: [] for m in MODES}
    for mode in MODES:
        moved = with_positions(
            scenario,
            [
                p.model_copy(update={"margin_mode": mode}) if p.id == position_id else p
                for p in scenario.positions
            ],
        )
        for h in hours:
            funded = after_funding(moved, rate, h)
            drained = position_id in funded.drained
            out[mode].append(
                None if drained else position_liquidation(funded.scenario, position_id)
            )
    return out
