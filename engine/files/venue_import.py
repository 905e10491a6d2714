"""Positions imported from a venue's own answer (saved to a file; no network, no keys).

Formats (field names: shared/reference/venue-data/IMPORT-FORMATS.md, from the venues' API docs):
Binance ``GET /fapi/v2/positionRisk`` and ``/fapi/v3/positionRisk``, Bybit v5
``/v5/position/list``, OKX ``/api/v5/account/positions``, Hyperliquid ``clearinghouseState``
and ccxt's unified ``fetch_positions`` list. The format is told from the shape,
only where that is unambiguous. Hedge-mode legs stay separate positions; empty rows (size 0) are
skipped; the venue's margin mode, leverage, isolated margin, entry and mark are kept, and its
own liquidation price goes beside ours (``venue_liquidation_price``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from typing import Any

from pydantic import ValidationError

from marginlab.engine.files.bounded import ReadError, read_bounded
from marginlab.engine.files.scenario_io import (
    MAX_FILE_BYTES,
    ScenarioError,
    format_error_items,
)
from marginlab.engine.margin.fees import BASE_TAKER_RATES, maintenance_fee
from marginlab.engine.margin.models import Position, Scenario, isolated_margin_total
from marginlab.engine.margin.pools import held_margin
from marginlab.engine.margin.rules import missing_table_problem, usual_first_rate
from marginlab.engine.text.pydantic_words import rule_message
from marginlab.engine.text.said import say

Row = dict[str, Any]


class VenueFileError(ValueError):
    """A venue file that cannot be imported, one line per problem naming file, row and field."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True, slots=True)
class Imported:
    """What a venue file gives: its positions, the wallet if it states one, the venue's rule
    set, and per symbol the venue's documented default maintenance rate where it has one."""

    venue: str
    rules: str
    positions: list[Row]
    wallet: float | None
    default_rates: dict[str, float]
    # Where each position came from, to name it in the file's words when the scenario refuses
    # a figure: the file, each position's row, and the venue's field for each of ours.
    source: str = ""
    origins: tuple[str, ...] = ()
    fields: tuple[tuple[str, str], ...] = ()


class _Reader:
    """Numbers from a venue row, each problem named by file, row and field."""

    def __init__(self, source: str) -> None:
        self.source = source
        self.problems: list[str] = []
        self.origins: list[str] = []  # each position's row, as ``_position`` makes them

    def number(self, row: Row, field: str, where: str, required: bool = True) -> float | None:
        value: Any = row.get(field)
        if value in (None, "") and not required:
            return None
        try:
            number = float(value)  # venues send numbers as strings
        except (TypeError, ValueError):
            shown = "missing" if value is None else f"{str(value)[:30]!r} is not a number"
            self.problems.append(
                say(
                    "{source} {where}, field {field}: {shown}",
                    source=self.source,
                    where=where,
                    field=field,
                    shown=shown,
                )
            )
            return None
        if number != number or number in (float("inf"), float("-inf")):
            self.problems.append(
                say(
                    "{source} {where}, field {field}: not a finite number",
                    source=self.source,
                    where=where,
                    field=field,
                )
            )
            return None
        return number


def _binance(rows: list[Row], read: _Reader) -> Imported:
    positions = []
    for index, row in enumerate(rows, start=1):
        where = say("row {n}", n=index)
        amount = read.number(row, "positionAmt", where)
        if not amount:
            continue  # an empty hedge leg, or a symbol never traded
        entry = read.number(row, "entryPrice", where)
        mark = read.number(row, "markPrice", where)
        wallet = read.number(row, "isolatedWallet", where, required=False) or 0.0
        notional = abs(read.number(row, "notional", where, required=False) or 0.0)
        leverage = read.number(row, "leverage", where, required=False)
        if leverage is None:  # v3 answers leave it to the symbol configuration endpoint
            initial = read.number(row, "positionInitialMargin", where, required=False)
            leverage = notional / initial if initial else 1.0
        kind = str(row.get("marginType", "isolated" if wallet > 0 else "cross")).lower()
        side = str(row.get("positionSide", "BOTH")).upper()
        if None in (entry, mark):
            continue
        symbol = str(row.get("symbol", ""))
        positions.append(
            _position(
                read,
                where,
                read.number(row, "liquidationPrice", where, required=False),
                id=symbol if side == "BOTH" else f"{symbol}-{side.lower()}",
                symbol=symbol,
                side="long" if amount > 0 else "short",
                quantity=abs(amount),
                entry_price=entry,
                mark_price=mark,
                leverage=leverage,
                # isolatedWallet: the margin put in, before unrealised PnL
                margin=wallet if kind.startswith("isol") else None,
            )
        )
    return Imported("Binance", "binance-usdm", positions, None, {})


def _bybit(answer: Row, read: _Reader) -> Imported:
    positions = []
    for index, row in enumerate(answer["result"]["list"], start=1):
        where = f"result.list[{index - 1}]"
        size = read.number(row, "size", where)
        if not size or not row.get("side"):
            continue
        entry = read.number(row, "avgPrice", where)
        mark = read.number(row, "markPrice", where)
        leverage = read.number(row, "leverage", where, required=False) or 1.0
        if None in (entry, mark):
            continue
        symbol = str(row.get("symbol", ""))
        hedge = {1: "-long", 2: "-short"}.get(int(read.number(row, "positionIdx", where) or 0), "")
        isolated = str(row.get("tradeMode")) == "1"
        positions.append(
            _position(
                read,
                where,
                read.number(row, "liqPrice", where, required=False),
                id=f"{symbol}{hedge}",
                symbol=symbol,
                side="long" if str(row["side"]).lower() == "buy" else "short",
                quantity=abs(size),
                entry_price=entry,
                mark_price=mark,
                leverage=leverage,
                margin=read.number(row, "positionBalance", where) if isolated else None,
            )
        )
    return Imported("Bybit", "bybit-linear", positions, None, {})


def _hyperliquid(state: Row, read: _Reader) -> Imported:
    """Mark = positionValue / |szi|; an isolated position's margin is ``marginUsed`` less its
    unrealised PnL (marginUsed already holds it); the wallet is the account value less every
    unrealised PnL, so today's equity is the file's account value."""
    positions, default_rates, upnl_total = [], {}, 0.0
    for index, item in enumerate(state["assetPositions"]):
        where = f"assetPositions[{index}].position"
        row = item.get("position") if isinstance(item, dict) else None
        if not isinstance(row, dict):
            read.problems.append(
                say(
                    "{source} assetPositions[{index}]: no position object",
                    source=read.source,
                    index=index,
                )
            )
            continue
        size = read.number(row, "szi", where)
        value = read.number(row, "positionValue", where)
        entry = read.number(row, "entryPx", where)
        upnl = read.number(row, "unrealizedPnl", where) or 0.0
        if not size or value is None or entry is None:
            continue
        upnl_total += upnl
        found = row.get("leverage")
        leverage: Row = found if isinstance(found, dict) else {}
        coin = str(row.get("coin", ""))
        isolated = leverage.get("type") == "isolated"
        used = read.number(row, "marginUsed", where) if isolated else None
        positions.append(
            _position(
                read,
                where,
                read.number(row, "liquidationPx", where, required=False),
                id=coin,
                symbol=coin,
                side="long" if size > 0 else "short",
                quantity=abs(size),
                entry_price=entry,
                mark_price=value / abs(size),
                leverage=float(leverage.get("value", 1) or 1),
                margin=None if used is None else used - upnl,
            )
        )
        top = read.number(row, "maxLeverage", where, required=False)
        if top:
            default_rates[coin] = 1 / (2 * top)  # Hyperliquid docs "Liquidations"
    summary = state.get("marginSummary") or {}
    account_value = read.number(summary, "accountValue", "marginSummary")
    wallet = None if account_value is None else account_value - upnl_total
    return Imported("Hyperliquid", "hyperliquid", positions, wallet, default_rates)


@cache
def okx_contract_values() -> dict[str, float]:
    """Base units per contract of OKX USDT swaps (bundled; ``packaging/convert_venue_tables``)."""
    text = resources.files("marginlab.resources.rules").joinpath("okx-contracts.json")
    values: dict[str, float] = json.loads(text.read_text("utf-8"))["contract_value"]
    return values


def _okx(answer: Row, read: _Reader) -> Imported:
    """OKX ``GET /api/v5/account/positions``: sizes in contracts (× ctVal); OKX states each
    position's maintenance requirement (``mmr``, in USD), so its rate is that over the
    notional: the venue's own figure, kept as the position's rate (no OKX tiers are bundled)."""
    values = okx_contract_values()
    positions, rates = [], {}
    for index, row in enumerate(answer["data"]):
        where = f"data[{index}]"
        contracts = read.number(row, "pos", where)
        if not contracts:
            continue
        symbol = str(row.get("instId", ""))
        value = values.get(symbol)
        if value is None:
            read.problems.append(
                say(
                    "{source} {where}, field instId: {symbol} is not an OKX USDT swap Margin Lab "
                    "knows the contract value of",
                    source=read.source,
                    where=where,
                    symbol=repr(symbol),
                )
            )
            continue
        entry = read.number(row, "avgPx", where)
        mark = read.number(row, "markPx", where)
        if None in (entry, mark):
            continue
        side = str(row.get("posSide", "net"))
        sign = (1 if contracts > 0 else -1) if side == "net" else (1 if side == "long" else -1)
        quantity = abs(contracts) * value
        isolated = row.get("mgnMode") == "isolated"
        positions.append(
            _position(
                read,
                where,
                read.number(row, "liqPx", where, required=False),
                id=symbol if side == "net" else f"{symbol}-{side}",
                symbol=symbol,
                side="long" if sign > 0 else "short",
                quantity=quantity,
                entry_price=entry,
                mark_price=mark,
                leverage=read.number(row, "lever", where, required=False),
                margin=read.number(row, "margin", where) if isolated else None,
            )
        )
        maintenance = read.number(row, "mmr", where, required=False)
        if maintenance and mark:
            rates[symbol] = maintenance / (quantity * mark)
    return Imported("OKX", "generic", positions, None, rates)


def _ccxt_positions(rows: list[Row], read: _Reader) -> Imported:
    """ccxt's unified ``fetch_positions``: size = contracts × contractSize; the venue's own
    symbol from its raw row where it has one; its maintenance percentage as the default rate."""
    positions, rates = [], {}
    venue, rules = "ccxt", "generic"
    for index, row in enumerate(rows):
        where = f"[{index}]"
        contracts = read.number(row, "contracts", where)
        if not contracts:
            continue
        raw = row.get("info")
        info: Row = raw if isinstance(raw, dict) else {}
        if "positionAmt" in info:
            venue, rules = "Binance", "binance-usdm"
        elif "positionIdx" in info:
            venue, rules = "Bybit", "bybit-linear"
        symbol = str(info.get("symbol") or info.get("instId") or row.get("symbol", ""))
        size = abs(contracts) * (read.number(row, "contractSize", where, required=False) or 1.0)
        entry = read.number(row, "entryPrice", where)
        mark = read.number(row, "markPrice", where)
        if None in (entry, mark):
            continue
        isolated = row.get("marginMode") == "isolated"
        positions.append(
            _position(
                read,
                where,
                read.number(row, "liquidationPrice", where, required=False),
                id=f"{symbol}-{row.get('side')}" if row.get("hedged") else symbol,
                symbol=symbol,
                side="short" if row.get("side") == "short" else "long",
                quantity=size,
                entry_price=entry,
                mark_price=mark,
                leverage=read.number(row, "leverage", where, required=False),
                margin=read.number(row, "initialMargin", where) if isolated else None,
            )
        )
        percentage = read.number(row, "maintenanceMarginPercentage", where, required=False)
        if percentage:
            rates[symbol] = percentage
    return Imported(venue, rules, positions, None, rates)


def _position(read: _Reader, where: str, venue_liquidation: float | None, **fields: Any) -> Row:
    """A scenario position from a venue row's figures: isolated when a margin is given, the
    leverage at least 1, the venue's own liquidation price kept when it states one. The row
    it came from is noted (``Imported.origins``)."""
    read.origins.append(where)
    margin = fields.pop("margin")
    position: Row = {
        **fields,
        "leverage": min(max(1.0, fields.get("leverage") or 1.0), 1000.0),  # the model's range
        "margin_mode": "isolated" if margin is not None else "cross",
    }
    if margin is not None:
        position["margin"] = margin
    if venue_liquidation:
        position["venue_liquidation_price"] = venue_liquidation
    return position


def _detect(document: Any) -> Callable[[Any, _Reader], Imported] | None:
    if isinstance(document, dict) and "assetPositions" in document:
        return _hyperliquid
    if (
        isinstance(document, dict)
        and isinstance(document.get("result"), dict)
        and isinstance(document["result"].get("list"), list)
    ):
        return _bybit
    if (
        isinstance(document, list)
        and document
        and all(isinstance(r, dict) and "positionAmt" in r for r in document)
    ):
        return _binance
    if isinstance(document, dict) and "code" in document and isinstance(document.get("data"), list):
        return _okx
    if (
        isinstance(document, list)
        and document
        and all(isinstance(r, dict) and "contracts" in r for r in document)
    ):
        return _ccxt_positions
    return None


def read_venue_file(path: str, data: bytes | None = None) -> Imported:
    """Read and recognise a venue's saved answer; ``VenueFileError`` names every problem."""
    source = path.rsplit("/", 1)[-1]
    try:
        raw = data if data is not None else read_bounded(path, MAX_FILE_BYTES, "venue file")
        document = json.loads(raw)
    except ReadError as error:
        raise VenueFileError([str(error)]) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise VenueFileError(
            [say("{source}: not valid JSON ({error})", source=source, error=error)]
        ) from None
    reader = _detect(document)
    if reader is None:
        raise VenueFileError(
            [
                say(
                    "{source}: not a venue answer Margin Lab knows (Binance positionRisk, Bybit "
                    "v5 position list, OKX positions, Hyperliquid clearinghouseState, ccxt "
                    "fetch_positions)",
                    source=source,
                )
            ]
        )
    read = _Reader(source)
    try:
        imported = reader(document, read)
    except (KeyError, TypeError, AttributeError) as error:
        raise VenueFileError(
            [
                say(
                    "{source}: unexpected shape ({name}: {error})",
                    source=source,
                    name=type(error).__name__,
                    error=error,
                )
            ]
        ) from None
    if read.problems:
        raise VenueFileError(read.problems)
    fields = tuple(_VENUE_FIELDS[reader.__name__].items())
    return replace(imported, source=source, origins=tuple(read.origins), fields=fields)


# Each of our position fields, as the venue's answer names what it was made from.
_VENUE_FIELDS: dict[str, dict[str, str]] = {
    "_binance": {
        "symbol": "symbol",
        "quantity": "positionAmt",
        "entry_price": "entryPrice",
        "mark_price": "markPrice",
        "leverage": "leverage",
        "margin": "isolatedWallet",
        "venue_liquidation_price": "liquidationPrice",
    },
    "_bybit": {
        "symbol": "symbol",
        "quantity": "size",
        "entry_price": "avgPrice",
        "mark_price": "markPrice",
        "leverage": "leverage",
        "margin": "positionBalance",
        "venue_liquidation_price": "liqPrice",
    },
    "_hyperliquid": {
        "symbol": "coin",
        "quantity": "szi",
        "entry_price": "entryPx",
        "mark_price": "positionValue / szi",
        "leverage": "leverage.value",
        "margin": "marginUsed - unrealizedPnl",
        "venue_liquidation_price": "liquidationPx",
    },
    "_okx": {
        "symbol": "instId",
        "quantity": "pos × ctVal",
        "entry_price": "avgPx",
        "mark_price": "markPx",
        "leverage": "lever",
        "margin": "margin",
        "venue_liquidation_price": "liqPx",
    },
    "_ccxt_positions": {
        "symbol": "symbol",
        "quantity": "contracts × contractSize",
        "entry_price": "entryPrice",
        "mark_price": "markPrice",
        "leverage": "leverage",
        "margin": "initialMargin",
        "venue_liquidation_price": "liquidationPrice",
    },
}


def to_scenario(
    imported: Imported,
    wallet: float | None = None,
    rates: dict[str, float] | None = None,
    rules: str | None = None,
    name: str | None = None,
) -> Scenario:
    """The scenario of an import. The wallet is the file's where it states one, else
    ``wallet``; a symbol with no table takes ``rates`` (SYMBOL -> maintenance rate), else the
    venue's documented default, else the import asks for one, naming the symbols."""
    chosen = rules or imported.rules
    balance = imported.wallet if imported.wallet is not None else wallet
    held = margins_held(imported).isolated
    if balance is None:
        raise VenueFileError(
            [
                say(
                    "wallet: the {venue} file does not state the wallet balance; give --wallet "
                    "(at least {least}, the margin its isolated positions hold)",
                    venue=imported.venue,
                    least=f"{held:,.2f} {currency_of(chosen)}",
                )
                if held
                else say(
                    "wallet: the {venue} file does not state the wallet balance; give --wallet",
                    venue=imported.venue,
                )
            ]
        )
    if imported.wallet is None and held > balance * (1 + 1e-12):
        raise VenueFileError(
            [
                say(
                    "--wallet {wallet}: less than the {least} the file's isolated positions "
                    "hold as margin",
                    wallet=f"{balance:,.2f}",
                    least=f"{held:,.2f} {currency_of(chosen)}",
                )
            ]
        )
    positions = [dict(p) for p in imported.positions]
    asked: list[str] = []
    for position in positions:
        rate = (rates or {}).get(position["symbol"])
        if rate is None and (chosen == "generic" or _table_problem(chosen, position)):
            rate = imported.default_rates.get(position["symbol"])
            if rate is None:
                asked.append(position["symbol"])
                continue
        if rate is not None:
            position["maintenance_rate"] = rate
    if asked:
        listed = ", ".join(dict.fromkeys(asked))
        usual = usual_first_rate(chosen)
        raise VenueFileError(
            [
                say(
                    "mmr: no {chosen} tier table covers {listed}; give a maintenance rate for "
                    "each, e.g. --mmr {value}={rate} (most {chosen} symbols start at {percent} %)",
                    chosen=chosen,
                    listed=listed,
                    value=asked[0],
                    rate=f"{usual:g}",
                    percent=f"{usual * 100:g}",
                )
                if usual is not None
                else say(
                    "mmr: no {chosen} tier table covers {listed}; give a maintenance rate for "
                    "each, e.g. --mmr {value}=0.01",
                    chosen=chosen,
                    listed=listed,
                    value=asked[0],
                )
            ]
        )
    document = {
        "name": name or f"Imported from {imported.venue}",
        "rules": chosen,
        "account": {
            "wallet_balance": max(balance, 0.0),
            "currency": currency_of(chosen),
        },
        "positions": positions,
    }
    try:
        return Scenario.model_validate(document)
    except ValidationError as error:
        raise ScenarioError(_in_file_words(imported, error)) from None


def _in_file_words(imported: Imported, error: ValidationError) -> list[str]:
    """The scenario's refusals, each figure a venue row gave named as the file names it
    ("positionRisk.json row 1, field positionAmt: must be <= 1e+12"); the rest as a
    scenario file's (``format_errors``: "positions[0].quantity" named a position of a file
    the trader never wrote)."""
    fields = dict(imported.fields)
    problems: list[str] = []
    for item in error.errors(include_url=False):
        where = item["loc"]
        if (
            len(where) == 3
            and where[0] == "positions"
            and isinstance(where[1], int)
            and where[1] < len(imported.origins)
            and str(where[2]) in fields
        ):
            problems.append(
                say(
                    "{source} {where}, field {field}: {shown}",
                    source=imported.source,
                    where=imported.origins[where[1]],
                    field=fields[str(where[2])],
                    shown=rule_message(item),
                )
            )
        else:
            problems += format_error_items([item])
    return problems


def currency_of(rules: str) -> str:
    """What an import's amounts are in: USDC on Hyperliquid, USDT on the others."""
    return "USDC" if rules == "hyperliquid" else "USDT"


@dataclass(frozen=True, slots=True)
class MarginsHeld:
    """What an import's positions hold as margin: its isolated positions' margins as the
    scenario file counts them (the least wallet it accepts with them), and every position's
    initial margin as the figures count it, in whichever mode holds more (a wallet that
    leaves every position its margin in all three variants, and no card warning that the
    margins exceed the wallet or the cross pool)."""

    isolated: float
    initial: float


def margins_held(imported: Imported) -> MarginsHeld:
    """``MarginsHeld`` of an import's positions: an isolated position's margin as given, else
    notional / leverage (DESIGN §2); a cross one's notional / leverage. On a venue that counts
    the fee to close in the margin (Bybit UTA "Initial Margin = Position Value / Leverage +
    Estimated Fee to Close Position"), the initial margins hold it at the venue's base taker
    rate, as ``pools.margin_held`` and ``figures.initial_margin`` do. A row the scenario
    refuses counts nothing: the import names it."""
    rate = BASE_TAKER_RATES[imported.rules]
    initial = 0.0
    valid: list[Position] = []
    for row in imported.positions:
        try:
            position = Position.model_validate(row)
        except ValidationError:
            continue
        fee = maintenance_fee(imported.rules, position, rate)
        # Held either way: the cards show it as entered, all isolated and all cross.
        initial += max(
            held_margin(imported.rules, rate, position), position.cross_initial_margin + fee
        )
        valid.append(position)
    return MarginsHeld(isolated_margin_total(valid), initial)


def _table_problem(rules: str, position: Row) -> str | None:
    """Whether ``rules`` lacks a table for the position (a position that is invalid for
    other reasons is left to the scenario's own validation, which names the field)."""
    try:
        probe = Position.model_validate(position)
    except ValidationError:
        return None
    return missing_table_problem(rules, probe)
