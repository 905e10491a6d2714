"""Scenario file, format version 2 (DESIGN §2): frozen pydantic models.

Units: prices in USD (the quote currency); amounts (wallet, margins, maintenance amounts) in the
settlement currency, which is the account's ``currency``; ``maintenance_rate`` is a fraction
(0.004 = 0.4 %); ``leverage`` is a multiple (10 = 10x).

A linear position's ``quantity`` is in base units and it settles in the quote currency (USDT).
A coin-margined (inverse) position's ``quantity`` is a number of contracts, each worth
``contract_size`` USD, and it settles in the coin (issue 19): the account's ``currency`` is then
that coin, e.g. BTC. Version 2 added ``contract`` and ``contract_size``; version 3 added
``linked_accounts``, the trader's accounts in other settlement currencies (a USDT-margined and a
BTC-margined book in one file); older files are migrated on load (``files.scenario_io``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Final, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from marginlab.engine.margin.by_scenario import ByScenario
from marginlab.engine.margin.report import MAX_PRICE
from marginlab.engine.margin.rules import (
    MAX_LEVERAGE,
    RULE_SETS,
    RuleSetName,
    missing_table_problem,
)
from marginlab.engine.text.numbers import money_text
from marginlab.engine.text.said import say

FORMAT: Final = "marginlab.scenario"
# Joins several cross-field problems raised by one validator; files.scenario_io splits them.
PROBLEM_SEPARATOR = "\n"
VERSION: Final = 3
# Accounts one file may hold besides its own: a trader's USDT-margined and coin-margined books.
MAX_LINKED_ACCOUNTS: Final = 8

Side = Literal["long", "short"]
MarginMode = Literal["isolated", "cross"]
# The three ways the app groups one book's positions (DESIGN §1, "Three variants"; ``pools``).
Variant = Literal["as_entered", "isolated", "cross"]
VARIANTS: tuple[Variant, ...] = ("as_entered", "isolated", "cross")
Contract = Literal["linear", "inverse"]
# A coin-margined contract is priced through its reciprocal (``margin.inverse``), which may
# not pass the largest price a scenario may name: its own prices may not go below this.
MIN_COIN_MARGINED_PRICE: Final = 1 / MAX_PRICE

_CONFIG = ConfigDict(frozen=True, extra="forbid", allow_inf_nan=False)


class Account(BaseModel):
    """The wallet every variant starts from."""

    model_config = _CONFIG

    wallet_balance: float = Field(ge=0, le=1e15, description="Wallet balance, settlement currency")
    currency: str = Field(default="USDT", min_length=1, max_length=12)
    max_acceptable_loss: float | None = Field(
        default=None, ge=0, le=1e15, description="The most the trader accepts to lose"
    )


class Position(BaseModel):
    """One linear perpetual position, as the trader entered it."""

    model_config = _CONFIG

    id: str = Field(min_length=1, max_length=40)
    # Letters of any script: Binance lists 币安人生USDT; symbols keep the venue's own names.
    symbol: str = Field(min_length=1, max_length=40, pattern=r"^[\w.:/-]+$")
    side: Side
    quantity: float = Field(gt=0, le=1e12, description="Base units")
    entry_price: float = Field(gt=0, le=1e12)
    mark_price: float | None = Field(default=None, gt=0, le=1e12)
    leverage: float = Field(ge=1, le=MAX_LEVERAGE)
    margin_mode: MarginMode
    margin: float | None = Field(default=None, gt=0, le=1e15, description="Isolated margin")
    maintenance_rate: float | None = Field(default=None, ge=0, lt=1)
    maintenance_amount: float | None = Field(default=None, ge=0, le=1e15)
    # The venue's own liquidation price, kept from an import to check ours against it.
    venue_liquidation_price: float | None = Field(default=None, gt=0, le=1e12)
    # Coin-margined: ``quantity`` contracts of ``contract_size`` USD each (Binance COIN-M
    # BTCUSD 100 USD, Bybit and BitMEX inverse 1 USD), margined and settled in the coin.
    contract: Contract = "linear"
    contract_size: float | None = Field(default=None, gt=0, le=1e9)

    @model_validator(mode="after")
    def _amount_needs_rate(self) -> Position:
        if self.maintenance_amount is not None and self.maintenance_rate is None:
            raise ValueError(say("maintenance_amount: given without maintenance_rate"))
        return self

    @property
    def sign(self) -> int:
        """+1 long, -1 short."""
        return 1 if self.side == "long" else -1

    @property
    def inverse(self) -> bool:
        return self.contract == "inverse"

    @property
    def usd_value(self) -> float:
        """An inverse position's contract value ``N`` in USD: contracts × contract size
        (formulas.md §0, "contracts worth N USD in total")."""
        return self.quantity * (self.contract_size or 0.0)

    @property
    def entry_notional(self) -> float:
        """Entry value in the settlement currency: ``Q · EP`` (linear), ``N / EP`` coins
        (inverse: formulas.md §2b ``PV = Qc / EP``)."""
        if self.contract == "inverse":
            return self.usd_value / self.entry_price
        return self.quantity * self.entry_price

    @property
    def isolated_margin(self) -> float:
        """Margin the position holds when isolated: explicit, else entry notional / leverage."""
        return self.entry_notional / self.leverage if self.margin is None else self.margin

    @property
    def cross_initial_margin(self) -> float:
        """Initial margin in cross mode: entry notional / leverage (DESIGN §2)."""
        return self.entry_notional / self.leverage


class Scenario(BaseModel):
    """A whole what-if: one account, its positions and the rule set that prices them."""

    model_config = _CONFIG

    format: Literal["marginlab.scenario"] = FORMAT
    version: Literal[3] = VERSION
    name: str = Field(default="Untitled", max_length=200)
    rules: RuleSetName = "binance-usdm"
    account: Account
    positions: tuple[Position, ...] = Field(default=(), max_length=5_000)
    # None: the venue's base taker rate (``fees.BASE_TAKER_RATES``); a fraction, 0.0005 = 0.05 %.
    taker_fee: float | None = Field(default=None, ge=0, le=0.01, description="Taker fee rate")
    # The trader's other accounts, each settled in its own currency (a BTC-margined book beside
    # a USDT-margined one): each is evaluated on its own, since they never share collateral.
    linked_accounts: tuple[Scenario, ...] = Field(default=(), max_length=MAX_LINKED_ACCOUNTS)

    @model_validator(mode="after")
    def _cross_field_rules(self) -> Scenario:
        problems: list[str] = []
        for index, linked in enumerate(self.linked_accounts):
            if linked.linked_accounts:
                problems.append(
                    say(
                        "linked_accounts[{index}].linked_accounts: a linked account holds no "
                        "accounts of its own; list them all in the file's linked_accounts",
                        index=index,
                    )
                )
        seen: dict[str, int] = {}
        marked: dict[str, int] = {}
        # Each symbol as spelled, and upper-case: where it is first spelled so.
        spelled: dict[str, int] = {}
        upper: dict[str, int] = {}
        tables: dict[str, str | None] = {}  # each symbol's missing-table problem
        problems += _contract_problems(self)
        for index, position in enumerate(self.positions):
            where = f"positions[{index}]"
            # One market, one spelling: "btcusdt" beside BTCUSDT would be another market to
            # the engine, with its own mark, left still by a move of the other. Each spelling
            # is looked up in upper case once: a book of 5,000 positions holds a few dozen.
            first_spelled = spelled.get(position.symbol)
            if first_spelled is None:
                first_spelled = spelled[position.symbol] = upper.setdefault(
                    position.symbol.upper(), index
                )
            if self.positions[first_spelled].symbol != position.symbol:
                problems.append(
                    say(
                        "{where}.symbol: '{symbol}' is spelled '{held}' in positions[{first}]; "
                        "one market, one spelling",
                        where=where,
                        symbol=position.symbol,
                        held=self.positions[first_spelled].symbol,
                        first=first_spelled,
                    )
                )
            if position.id in seen:
                problems.append(
                    say(
                        "{where}.id: '{id}' is already used by positions[{value}]",
                        where=where,
                        id=position.id,
                        value=seen[position.id],
                    )
                )
            seen.setdefault(position.id, index)
            if position.mark_price is not None:
                first = marked.setdefault(position.symbol, index)
                if self.positions[first].mark_price != position.mark_price:
                    problems.append(
                        say(
                            "{where}.mark_price: {symbol} already has mark {mark_price} in "
                            "positions[{first}]",
                            where=where,
                            symbol=position.symbol,
                            mark_price=f"{self.positions[first].mark_price:g}",
                            first=first,
                        )
                    )
            # Decided by the symbol alone once there is no override: a book of 500 positions
            # over 50 symbols looks each table up once, not at every keystroke's check.
            if position.maintenance_rate is None:
                if position.symbol not in tables:
                    tables[position.symbol] = missing_table_problem(self.rules, position)
                table_problem = tables[position.symbol]
            else:
                table_problem = None
            if table_problem:
                problems.append(
                    say("{where}.{table_problem}", where=where, table_problem=table_problem)
                )
        isolated = isolated_margin_total(self.positions)
        if isolated > self.account.wallet_balance * (1 + 1e-12):
            coin = any(p.inverse for p in self.positions)
            problems.append(
                say(
                    "positions: isolated margins add up to {isolated}, more than "
                    "account.wallet_balance {wallet_balance}",
                    # In the account's currency, to 8 decimals in a coin (0.0004 BTC read 0.00).
                    isolated=money_text(isolated, self.account.currency, coin=coin),
                    wallet_balance=money_text(
                        self.account.wallet_balance, self.account.currency, coin=coin
                    ),
                )
            )
        if problems:
            raise ValueError(PROBLEM_SEPARATOR.join(problems))
        return self

    @property
    def accounts(self) -> tuple[Scenario, ...]:
        """Every account of the file: its own (without the links), then each linked one."""
        if not self.linked_accounts:
            return (self,)
        return (self.model_copy(update={"linked_accounts": ()}), *self.linked_accounts)

    def with_account(self, index: int, account: Scenario) -> Scenario:
        """The file with its account ``index`` (0: its own, as ``accounts``) replaced."""
        if index == 0:
            return account.model_copy(update={"linked_accounts": self.linked_accounts})
        linked = list(self.linked_accounts)
        linked[index - 1] = account
        return self.model_copy(update={"linked_accounts": tuple(linked)})

    @property
    def coin_margined(self) -> bool:
        """Its positions are coin-margined (inverse): an account allows no mix of the kinds
        (a file keeps the other kind in a linked account). Found once per scenario: a
        pre-trade search asks at every size it opens the order at."""
        return _COIN_MARGINED.get(self, None)

    def marks(self) -> dict[str, float]:
        """Today's mark per symbol: the mark given on any of its positions, else the entry price
        of its first position (DESIGN §2: ``mark_price`` defaults to ``entry_price``). Found
        once per scenario (a keystroke asks a dozen times; a copy each time, the caller's)."""
        return dict(_MARKS.get(self, None))

    def symbols(self) -> list[str]:
        """The scenario's symbols, in order of first appearance."""
        return list(dict.fromkeys(p.symbol for p in self.positions))

    def at_marks(self, prices: Mapping[str, float]) -> Scenario:
        """The same book with today's marks moved to ``prices`` (symbols not named keep
        theirs): what the figures would read if the market stood there."""
        marks = self.marks()
        if all(prices[s] == marks[s] for s in prices if s in marks):
            return self  # nothing moves: the same book (and the pools built for it)
        moved = [
            p.model_copy(update={"mark_price": prices[p.symbol]})
            if p.symbol in prices and prices[p.symbol] != marks[p.symbol]
            else p
            for p in self.positions
        ]
        return self.model_copy(update={"positions": tuple(moved)})


__all__ = [
    "FORMAT",
    "MAX_LINKED_ACCOUNTS",
    "RULE_SETS",
    "VERSION",
    "Account",
    "MarginMode",
    "Position",
    "Scenario",
    "Side",
]


def _contract_problems(scenario: Scenario) -> list[str]:
    """Coin-margined positions: a contract size each; the generic rule set (no COIN-M or
    inverse tier table is bundled yet); and one settlement currency per scenario, since a
    BTC-margined pool and a USDT-margined pool never share collateral."""
    problems: list[str] = []
    kinds = {p.contract for p in scenario.positions}
    for index, position in enumerate(scenario.positions):
        where = f"positions[{index}]"
        if position.inverse and position.contract_size is None:
            problems.append(
                say(
                    "{where}.contract_size: required for a coin-margined position (USD per "
                    "contract: 100 for Binance COIN-M BTCUSD, 1 for Bybit and BitMEX)",
                    where=where,
                )
            )
        if position.inverse:
            for name in ("entry_price", "mark_price"):
                price = getattr(position, name)
                if price is not None and price < MIN_COIN_MARGINED_PRICE:
                    problems.append(
                        say(
                            "{where}.{name}: a coin-margined price must be at least {least} "
                            "(its reciprocal prices the contract, and may not pass {most})",
                            where=where,
                            name=name,
                            least=f"{MIN_COIN_MARGINED_PRICE:g}",
                            most=f"{MAX_PRICE:g}",
                        )
                    )
        if not position.inverse and position.contract_size is not None:
            problems.append(
                say("{where}.contract_size: only a coin-margined position has one", where=where)
            )
        if position.inverse and scenario.rules != "generic":
            problems.append(
                say(
                    "{where}.contract: coin-margined positions need the generic rule set and an "
                    "MMR override: no COIN-M or inverse tier table is bundled yet",
                    where=where,
                )
            )
    if len(kinds) > 1:
        problems.append(
            say(
                "positions: linear and coin-margined positions settle in different currencies "
                "and never share collateral: keep the coin-margined ones in a linked account "
                "(linked_accounts)"
            )
        )
    return problems


def _marks(scenario: Scenario, _: None) -> dict[str, float]:
    positions = scenario.positions
    marks = {p.symbol: p.mark_price for p in positions if p.mark_price is not None}
    for position in positions:
        marks.setdefault(position.symbol, position.entry_price)
    return marks


_MARKS: ByScenario[None, dict[str, float]] = ByScenario(_marks, kept=24)


def isolated_margin_total(positions: Iterable[Position]) -> float:
    """Σ the margins the isolated positions hold as a scenario file counts them (the margin
    given, else notional / leverage): what the wallet must cover."""
    return sum((p.isolated_margin for p in positions if p.margin_mode == "isolated"), 0.0)


def _coin_margined(scenario: Scenario, _: None) -> bool:
    return any(p.inverse for p in scenario.positions)


_COIN_MARGINED: ByScenario[None, bool] = ByScenario(_coin_margined, kept=24)
