"""The engine's problems in the trader's words (STYLE §11): the engine names each field by
its path (``positions[1].quantity: must be > 0``), the window says "B size: must be above 0".
"""

from __future__ import annotations

import re

from marginlab.engine.margin.models import Scenario

LABELS = {
    "quantity": "size",
    "size": "size",
    "notional": "size",
    "entry_price": "entry price",
    "mark_price": "mark",
    "leverage": "leverage",
    "margin": "margin",
    "maintenance_rate": "MMR override",
    "maintenance_amount": "MM amount override",
    "symbol": "symbol",
    "side": "side",
    "id": "ID",
    "margin_mode": "mode",
    "wallet_balance": "Wallet balance",
    "max_acceptable_loss": "Max acceptable loss",
    "currency": "Currency",
    "name": "Name",
}
_POSITION = re.compile(r"positions\[(\d+)\]\.(\w+)")
_ACCOUNT = re.compile(r"account\.(\w+)")
_COMPARE = re.compile(r"must be (>=|<=|>|<) (-?[\d.e+]+)")
_WORDS = {">": "above", ">=": "at least", "<": "below", "<=": "at most"}


def trader_words(text: str, scenario: Scenario) -> str:
    """``text`` with field paths as the window labels them and limits in plain words; an
    MMR override (a fraction in the file) is spoken of in %, as it is typed."""

    def position(match: re.Match[str]) -> str:
        index, field = int(match.group(1)), match.group(2)
        positions = scenario.positions
        name = positions[index].id if index < len(positions) else f"position {index + 1}"
        return f"{name} {LABELS.get(field, field.replace('_', ' '))}"

    def account(match: re.Match[str]) -> str:
        field = match.group(1)
        return LABELS.get(field, field.replace("_", " "))

    def compare(match: re.Match[str]) -> str:
        value = float(match.group(2))
        if "MMR override" in text[: match.start()].rsplit(":", 1)[0][-30:]:
            return f"must be {_WORDS[match.group(1)]} {value * 100:g} %"
        shown = f"{value:,.0f}" if value.is_integer() and abs(value) < 1e18 else f"{value:g}"
        return f"must be {_WORDS[match.group(1)]} {shown}"

    text = _POSITION.sub(position, text)
    text = _ACCOUNT.sub(account, text)
    return _COMPARE.sub(compare, text)
