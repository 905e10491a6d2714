"""An order as a trader writes it: ``BTCUSDT long 0.5 @ 60000 x20`` (issue 18).

Symbol, side (long/short, or buy/sell), quantity in base units, then optionally ``@ PRICE``
(else the symbol's mark) and the leverage as ``x20``, ``x 20`` or ``20x`` (``×`` as well, as
the app writes a leverage). Numbers take thousands separators like every other field
(``@ 60,000``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from marginlab.engine.margin.rules import MAX_LEVERAGE, held_market
from marginlab.engine.text.numbers import price_or_none_text, read_number, without_times
from marginlab.engine.text.said import say

if TYPE_CHECKING:
    from marginlab.engine.margin.precheck import Check

_SIDES = {"long": "long", "buy": "long", "short": "short", "sell": "short"}
_TIMES = ("x", "X", "×")  # the sign alone: its leverage is the next word


def order_symbol(typed: str, held: Iterable[str]) -> str:
    """The symbol an order typed as ``typed`` is in: a symbol the account holds, spelled as
    it holds it (``rules.held_market``: in any case, or by its coin alone where one of the
    two is a bare coin). Hyperliquid's "kPEPE", typed or picked, was read "KPEPE", a symbol
    of no position, with no mark, and its order was not netted with the position already
    held. Any other symbol, upper-case, as the venues write theirs."""
    found = held_market(typed, held)
    return typed.strip().upper() if found is None else found


@dataclass(frozen=True, slots=True)
class OrderText:
    symbol: str
    side: str
    quantity: float
    price: float
    leverage: float


def parse_order(
    text: str, marks: Mapping[str, float], what: str = "--open"
) -> tuple[OrderText | None, list[str]]:
    """The order written in ``text``, or the problems, each starting with ``what``."""
    example = "e.g. 'BTCUSDT long 0.5 @ 60000 x20'"
    tokens = text.replace("@", " @ ").split()
    if len(tokens) < 3:
        return None, [f"{what}: write symbol, side, quantity and leverage, {example}"]
    problems: list[str] = []
    symbol = order_symbol(tokens[0], marks)
    side = _SIDES.get(tokens[1].lower())
    if side is None:
        problems.append(f"{what}: '{tokens[1]}' is not a side (long or short)")
    quantity = read_number(f"{what} quantity", tokens[2], problems)
    rest = tokens[3:]
    price: float | None = marks.get(symbol)
    leverage: float | None = None
    written: set[str] = set()  # "@" and the leverage, each once: a second one was taken silently
    while rest:
        token = rest.pop(0)
        joined = without_times(token)  # "x20", "20x", "20×": the leverage with its sign
        if token == "@" or joined != token or token in _TIMES:
            part = "price" if token == "@" else "leverage"
            if part in written:
                problems.append(f"{what}: the {part} is written twice, {example}")
                if rest and (token == "@" or token in _TIMES):
                    rest.pop(0)  # its value, read with it
                continue
            written.add(part)
        if token == "@":
            if not rest:
                problems.append(f"{what}: a price after '@', {example}")
                break
            price = read_number(f"{what} price", rest.pop(0), problems)
            continue
        if joined != token or token in _TIMES:
            if joined != token:
                typed = joined
            elif rest:  # "x 20": the leverage written apart from its "x"
                typed = rest.pop(0)
            else:
                problems.append(f"{what}: a leverage after '{token}', {example}")
                break
            leverage = read_number(f"{what} leverage", typed, problems)
            if leverage is not None and not 1 <= leverage <= MAX_LEVERAGE:
                problems.append(f"{what} leverage: must be between 1 and {MAX_LEVERAGE:,}")
            continue
        problems.append(f"{what}: '{token}' is not understood, {example}")
    if leverage is None and not any("leverage" in p for p in problems):
        problems.append(f"{what}: write the leverage, e.g. x20")
    if price is None and not any("price" in p for p in problems):
        problems.append(f"{what}: the account holds no {symbol}: write its price, '@ 60000'")
    if problems or side is None or quantity is None or price is None or leverage is None:
        return None, problems
    return OrderText(symbol, side, quantity, price, leverage), []


def where_it_fills(check: Check) -> str | None:
    """The note that the figures are read with the symbol at the order's price, not today's
    mark (``at_the_order``); None when they are the same."""
    if check.mark_today is None:
        return None
    return say(
        "Figures with {symbol} at {price}, where the order fills (its mark today: {mark}).",
        symbol=check.ticket.symbol,
        price=price_or_none_text(check.ticket.price),
        mark=price_or_none_text(check.mark_today),
    )
