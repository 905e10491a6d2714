"""What-if moves as a trader types them: "BTCUSDT=-30%", "ETH 2800", "ALL=-20%".

One reading for both faces: the CLI's ``--at`` items and the window's per-symbol field. A
percentage is from the symbol's mark; a plain number is a price; ALL moves every symbol not
named on its own.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping

from marginlab.engine.margin.rules import held_market
from marginlab.engine.text.numbers import parse_number, price_text
from marginlab.engine.text.said import say

ALL = "ALL"
_PAIR = re.compile(
    r"(?P<symbol>[A-Za-z][\w.\-/]*)\s*[=:]?\s*(?P<value>[-+−]?\s*[\d.,]+(?:[eE][-+]?\d+)?)\s*"
    r"(?P<percent>%?)"
)


def resolve_symbol(name: str, symbols: list[str]) -> str | None:
    """``name`` as one of ``symbols``: the held market it names (``rules.held_market``:
    exact, in any case, or by its coin where one of the two is a bare coin, so "BTCUSDT"
    is a Hyperliquid book's BTC), then the only one starting with it ("BTC" for BTCUSDT);
    None when unknown or ambiguous."""
    found = held_market(name, symbols)
    if found is not None:
        return found
    upper = name.upper()
    starting = [s for s in symbols if s.upper().startswith(upper)]
    return starting[0] if len(starting) == 1 else None


def held_or_typed(name: str, symbols: list[str]) -> str:
    """A symbol option as the account holds it (``resolve_symbol``: in any case, as its coin,
    or the one it starts), else as typed, for the error to name."""
    return resolve_symbol(name, symbols) or name


def parse_moves(
    items: list[tuple[str, str]], marks: Mapping[str, float], where: str
) -> tuple[dict[str, float], list[str]]:
    """(symbol, value text) pairs → a price per symbol, and the problems in words.

    ``where`` names the field in each message ("--at BTC=x", "Per symbol"). An unknown
    symbol is reported; a symbol named on its own keeps its move when ALL is given too."""
    moves: dict[str, float] = {}
    every: float | None = None
    problems: list[str] = []
    symbols = list(marks)
    for name, text in items:
        shown = f"{where} {name}={text}".strip()
        percent = text.strip().endswith("%")
        value = parse_number(text.strip().removesuffix("%").replace("−", "-").replace(" ", ""))
        if not name or value is None or not math.isfinite(value):
            problems.append(
                say(
                    "{move}: expected SYMBOL=PRICE, SYMBOL=PCT% or ALL=PCT% (e.g. BTCUSDT=-30%)",
                    move=shown,
                )
            )
            continue
        if percent and value <= -100:
            problems.append(say("{move}: a move must stay above -100 %", move=shown))
            continue
        if name.upper() == ALL:
            if percent:
                every = value
            else:
                problems.append(say("{move}: ALL takes a percentage, e.g. ALL=-20%", move=shown))
            continue
        symbol = resolve_symbol(name, symbols)
        if symbol is None:
            known = ", ".join(symbols) or "none"
            problems.append(
                say(
                    "{move}: unknown symbol (the scenario has: {known})",
                    move=f"{where} {name}".strip(),
                    known=known,
                )
            )
        elif percent:
            moves[symbol] = marks[symbol] * (1 + value / 100)
        elif value <= 0:
            problems.append(
                say("{move}: expected SYMBOL=PRICE with a finite price > 0", move=shown)
            )
        else:
            moves[symbol] = value
    if every is not None:
        moves = {**{s: m * (1 + every / 100) for s, m in marks.items()}, **moves}
    return moves, problems


def parse_move_text(
    text: str, marks: Mapping[str, float], where: str = "Per symbol"
) -> tuple[dict[str, float], list[str]]:
    """Free text such as "BTC −30 %, ETH 2,800" or "ALL -20%; SOL=150" → prices, problems."""
    pairs = []
    rest = text
    for match in _PAIR.finditer(text):
        value = match["value"].rstrip(",.") + match["percent"]
        pairs.append((match["symbol"], value))
        rest = rest.replace(match.group(0), " ", 1)
    leftover = rest.replace(",", " ").replace(";", " ").strip()
    problems = (
        [
            say(
                "{where}: '{text}' is not a move (e.g. BTC -30%, ETH 2800)",
                where=where,
                text=leftover,
            )
        ]
        if leftover
        else []
    )
    moves, more = parse_moves(pairs, marks, where)
    return moves, problems + more


def move_text(symbol: str, price: float, mark: float) -> str:
    """A move as a trader reads it: "BTCUSDT 42,000.00 (−30.0 %)", the price with its
    digits as every price is written (``price_text``: DOGE at 0.135 read "0.14")."""
    return f"{symbol} {price_text(price)} ({(price / mark - 1) * 100:+.1f} %)"
