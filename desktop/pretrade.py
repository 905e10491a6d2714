"""The owner of the "Before you open" check (issue 18): reads the order as typed, runs
``precheck.check_order`` on the account as it stands, and opens the order into the scenario
(one undo step). The view renders what this returns."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

from marginlab.desktop.controller import ScenarioController
from marginlab.desktop.i18n import said, said_error, tr
from marginlab.desktop.planner import Answer, Planner, in_field_words, read_field
from marginlab.engine.margin.models import MarginMode, Side
from marginlab.engine.margin.planning import (
    PlanError,
    Ticket,
    account_contract_size,
    order_document,
)
from marginlab.engine.margin.precheck import Check, check_order
from marginlab.engine.margin.rules import size_text
from marginlab.engine.text.numbers import price_text

SizeKind = Literal["quantity", "margin"]


@dataclass(frozen=True, slots=True)
class Order:
    """The order as the check read it."""

    ticket: Ticket
    quantity: float
    margin: float | None
    acceptable: float | None
    problems: list[str] = field(default_factory=list)


class PreTrade:
    def __init__(self, controller: ScenarioController) -> None:
        self._controller = controller
        self.planner = Planner(controller)
        self._last: tuple[Order, Check] | None = None

    @property
    def currency(self) -> str:
        return self._controller.scenario.account.currency

    @property
    def coin(self) -> bool:
        """The account is coin-margined: amounts in the coin, sizes in contracts."""
        return self._controller.scenario.coin_margined

    def size_text(self, ticket: Ticket, quantity: float) -> str:
        """The order's size in its unit: "59.9563 0G", or "12 contracts" (``rules.size_text``)."""
        return said(size_text(ticket.symbol, quantity, ticket.inverse))

    def contract_size(self, symbol: str) -> float | None:
        """USD per contract of an order in ``symbol`` (coin-margined accounts), else None."""
        return account_contract_size(self._controller.scenario, self.planner.symbol(symbol))

    def check(
        self,
        symbol: str,
        side: Side,
        size: str,
        kind: SizeKind,
        leverage: str,
        price: str,
        mmr: str,
        acceptable: str,
    ) -> Answer:
        """The order in both modes, or the problems naming the fields as the view labels them."""
        ticket, problems = self.planner.ticket(symbol, side, leverage, price, mmr)
        amount = read_field(tr("Size") if kind == "quantity" else tr("Margin"), size, problems)
        limit = (
            read_field(tr("Max acceptable loss"), acceptable, problems)
            if acceptable.strip()
            else None
        )
        if limit is None and not acceptable.strip():
            limit = self._controller.scenario.account.max_acceptable_loss
            if limit is None:  # a field not typed in yet (an imported book sets none)
                read_field(tr("Max acceptable loss"), acceptable, problems)
        if problems or ticket is None or amount is None:
            return Answer(problems=problems)
        quantity = amount if kind == "quantity" else ticket.quantity_at(amount, ticket.leverage)
        margin = amount if kind == "margin" else None
        try:
            result = check_order(self._controller.scenario, ticket, quantity, margin, limit)
        except PlanError as error:
            return Answer(problems=[in_field_words(p) for p in error.problems])
        except (LookupError, ValueError) as error:
            return Answer(problems=[said_error(error)])
        self._last = (Order(ticket, quantity, margin, limit), result)
        return Answer(figures=result)

    def open_it(self, mode: MarginMode) -> bool:
        """Add the last order checked, in ``mode``, to the scenario (one undo step)."""
        if self._last is None:
            return False
        order, _ = self._last
        margin = order.margin if mode == "isolated" else None
        document = order_document(
            self._controller.scenario, order.ticket, order.quantity, mode, margin
        )
        return self._controller.open_order(document)

    def marks_note(self) -> str:
        """After opening an order priced away from the mark: the book stays at today's mark,
        where the new position's figures may differ from the check's (read where it fills)."""
        if self._last is None or self._last[1].mark_today is None:
            return ""
        ticket, mark = self._last[1].ticket, self._last[1].mark_today
        return tr(
            " The book stays at today's mark ({symbol} {mark}); the check read it at {price}."
        ).format(symbol=ticket.symbol, mark=price_text(mark), price=price_text(ticket.price))
