"""The engine's problems in the trader's words (STYLE §11): the engine names each field by
its path (``positions[1].quantity: must be > 0``), the window says "B size: must be above 0".
"""

from __future__ import annotations

import re

from marginlab.desktop.i18n import N_, said, tr
from marginlab.engine.margin.models import Scenario

LABELS = {
    "quantity": N_("size"),
    "size": N_("size"),
    "notional": N_("size"),
    "entry_price": N_("entry price"),
    "mark_price": N_("mark"),
    "leverage": N_("leverage"),
    "margin": N_("margin"),
    "maintenance_rate": N_("MMR override"),
    "maintenance_amount": N_("MM amount override"),
    "symbol": N_("symbol"),
    "side": N_("side"),
    "id": N_("ID"),
    "margin_mode": N_("mode"),
    "wallet_balance": N_("Wallet balance"),
    "max_acceptable_loss": N_("Max acceptable loss"),
    "currency": N_("Currency"),
    "name": N_("Name"),
    "taker_fee": N_("Taker fee"),
    "rules": N_("Rules"),
    "positions": N_("Positions"),  # a check across them ("isolated margins add up to …")
}
_POSITION = re.compile(r"positions\[(\d+)\]\.(\w+)")
_OTHER_POSITION = re.compile(r"positions\[(\d+)\](?!\.\w)")  # not "positions[0].field"
_ACCOUNT = re.compile(r"account\.(\w+)")
_FIELD_END = re.compile(r": |：")
_COMPARE = re.compile(r"must be (>=|<=|>|<) (-?[\d.e+]+)")
_WORDS = {">": N_("above"), ">=": N_("at least"), "<": N_("below"), "<=": N_("at most")}


def field_label(field: str) -> str:
    """A field as the window labels it, in the window's language."""
    return tr(LABELS[field]) if field in LABELS else field.replace("_", " ")


def trader_words(text: str, scenario: Scenario) -> str:
    """``text`` with field paths as the window labels them and limits in plain words; an
    MMR override (a fraction in the file) is spoken of in %, as it is typed. The message after
    a field's name is said in the window's language: an engine message by its template, a
    fixed phrase by the catalogue, a limit ("must be > 0") by its own template."""
    shown = said(text)
    end = _FIELD_END.search(shown)  # "：" in Chinese: a translation keeps the field first
    if end is None:
        return shown
    where, separator, message = shown[: end.start()], end.group(), shown[end.end() :]

    def position(match: re.Match[str]) -> str:
        index, field = int(match.group(1)), match.group(2)
        positions = scenario.positions
        name = (
            positions[index].id
            if index < len(positions)
            else tr("position {n}").format(n=index + 1)
        )
        return f"{name} {field_label(field)}"

    def account(match: re.Match[str]) -> str:
        return field_label(match.group(1))

    def compare(match: re.Match[str]) -> str:
        value = float(match.group(2))
        relation = tr(_WORDS[match.group(1)])
        if "maintenance_rate" in where:
            return tr("must be {relation} {value}").format(
                relation=relation, value=f"{value * 100:g} %"
            )
        shown = f"{value:,.0f}" if value.is_integer() and abs(value) < 1e18 else f"{value:g}"
        return tr("must be {relation} {value}").format(relation=relation, value=shown)

    place = _ACCOUNT.sub(account, _POSITION.sub(position, where))
    if place == where and where in LABELS:  # a field of the form: it starts the line
        label = field_label(where)
        place = label[:1].upper() + label[1:]
    if _COMPARE.search(message):
        return f"{place}{separator}{_COMPARE.sub(compare, message)}"
    return f"{place}{separator}{_account_fields_named(_others_named(said(message), scenario))}"


def _account_fields_named(message: str) -> str:
    """A message's references to the account's fields as the form labels them, inside a
    sentence: "more than wallet balance 10,000.00", not "… account.wallet_balance …"."""

    def named(match: re.Match[str]) -> str:
        label = field_label(match.group(1))
        return label[:1].lower() + label[1:] if label[1:2].islower() else label

    return _ACCOUNT.sub(named, message)


def _others_named(message: str, scenario: Scenario) -> str:
    """A message's references to other positions by their IDs: "ETHUSDT already has mark
    3,000 in A", not "… in positions[0]" (the file's own path, which the CLI keeps)."""

    def named(match: re.Match[str]) -> str:
        index = int(match.group(1))
        positions = scenario.positions
        return positions[index].id if index < len(positions) else match.group(0)

    return _OTHER_POSITION.sub(named, message)
