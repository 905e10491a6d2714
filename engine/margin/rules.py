"""Rule sets: which maintenance-margin schedule prices each position (DESIGN §1, "Rule sets").

A schedule is a list of tiers ``(floor, rate, amount)``: ``MM = notional * rate - amount`` in the
tier whose floor is the largest not above the notional ("tax-bracket" method, formulas.md §0).
Tier lookup lives here; the liquidation formula lives in ``marginlab.engine.margin.solver``.
"""

from __future__ import annotations

import bisect
import json
import os
import sys
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from functools import cache
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal, get_args, overload

import numpy as np
import numpy.typing as npt

from marginlab.engine.text.numbers import cut_to_digits
from marginlab.engine.text.said import say

if TYPE_CHECKING:
    from marginlab.engine.margin.models import Position

FloatArray = npt.NDArray[np.floating[Any]]
RuleSetName = Literal["binance-usdm", "bybit-linear", "bitget-usdtm", "hyperliquid", "generic"]
VENUE_NAMES = {
    "binance-usdm": "Binance USDⓈ-M",
    "bybit-linear": "Bybit USDT perpetual",
    "bitget-usdtm": "Bitget USDT-M",
    "hyperliquid": "Hyperliquid",
    "generic": "generic (your own rates)",
}
# What each venue's contracts settle in: the currency of every amount it reports.
SETTLEMENT = {
    "binance-usdm": "USDT",
    "bybit-linear": "USDT",
    "bitget-usdtm": "USDT",
    "hyperliquid": "USDC",
}
STALE_DAYS = 183  # six months: tiers change without notice
# The highest leverage a position may have: above every venue's highest (Binance 125-150×).
# Here, not in the models, so the order readers check it without importing pydantic.
MAX_LEVERAGE = 1000
RULE_SETS: tuple[str, ...] = get_args(RuleSetName)
Basis = Literal["mark", "entry"]

# Quote suffixes stripped to find a Hyperliquid coin ("BTCUSDT" -> "BTC").
_QUOTES = ("-PERP", "USDT", "USDC", "USD")


@dataclass(frozen=True, slots=True)
class Schedule:
    """Maintenance schedule of one position.

    ``basis`` "mark": the tier and MM follow the notional at the mark (Binance, Hyperliquid,
    dYdX). "entry": they are fixed by the entry value (Bybit USDT contracts, BitMEX).
    """

    basis: Basis
    floors: tuple[float, ...]
    rates: tuple[float, ...]
    amounts: tuple[float, ...]
    max_leverages: tuple[float | None, ...]
    top_cap: float | None
    origin: str

    def tier_index(self, notional: float) -> int:
        return max(bisect.bisect_right(self.floors, notional) - 1, 0)

    @overload
    def maintenance(self, notional: float) -> float: ...
    @overload
    def maintenance(self, notional: FloatArray) -> FloatArray: ...
    def maintenance(self, notional: float | FloatArray) -> float | FloatArray:
        """Maintenance margin ``MM = notional · MMR_k − cum_k`` in the tier ``k`` whose floor is
        the largest not above the notional (Binance FAQ "Leverage and Margin of USDⓈ-M Futures":
        maintenance amount ``cum``; Bybit "Maintenance Margin" deduction; formulas.md §0).

        The one maintenance function of the engine: scalars for the solver and the report,
        arrays (any dtype; float32 stays float32) for sweeps, replays and Monte Carlo.
        """
        if not isinstance(notional, np.ndarray):
            k = bisect.bisect_right(self.floors, notional) - 1  # tier_index, inlined: hot
            if k < 0:
                k = 0
            return notional * self.rates[k] - self.amounts[k]
        kind = notional.dtype.type
        first = self.tier_index(float(notional.min())) if notional.size else 0
        last = self.tier_index(float(notional.max())) if notional.size else 0
        if first == last:  # the usual case: one multiply-add
            return notional * kind(self.rates[first]) - kind(self.amounts[first])
        tiers = np.maximum(np.searchsorted(self.floors, notional, side="right") - 1, 0)
        rates = np.asarray(self.rates, dtype=notional.dtype)
        amounts = np.asarray(self.amounts, dtype=notional.dtype)
        result: FloatArray = notional * rates[tiers] - amounts[tiers]
        return result

    def max_leverage(self, notional: float) -> float | None:
        return self.max_leverages[self.tier_index(notional)]


class TierSymbols(Mapping[str, list[dict[str, Any]]]):
    """A table's tiers by symbol, each symbol parsed on first use: the bundled tables hold
    hundreds of symbols (1.7 MB), a scenario a handful, and parsing them all would cost the
    window about 50 ms at start-up. Imported symbols (``overlay``) win over bundled ones."""

    def __init__(self, lines: dict[str, str], overlay: dict[str, Any] | None = None) -> None:
        self._lines = lines
        self._parsed: dict[str, list[dict[str, Any]]] = dict(overlay or {})

    def __getitem__(self, symbol: str) -> list[dict[str, Any]]:
        if symbol not in self._parsed:
            tiers: list[dict[str, Any]] = json.loads(self._lines[symbol])
            self._parsed[symbol] = tiers
        return self._parsed[symbol]

    def __iter__(self) -> Iterator[str]:
        return iter(dict.fromkeys([*self._lines, *self._parsed]))

    def __len__(self) -> int:
        return len(set(self._lines) | set(self._parsed))

    def __contains__(self, symbol: object) -> bool:
        return symbol in self._parsed or symbol in self._lines


_SYMBOLS_OPEN = ', "symbols": {'


def _read_table(text: str) -> dict[str, Any]:
    """A bundled table: its header and its symbols' unparsed tiers, one symbol a line as
    ``packaging/convert_venue_tables.py`` writes them; any other layout is parsed whole."""
    head, _, body = text.partition("\n")
    if not head.endswith(_SYMBOLS_OPEN):
        table: dict[str, Any] = json.loads(text)
        return table
    table = json.loads(head.removesuffix(_SYMBOLS_OPEN) + "}")
    lines: dict[str, str] = {}
    for line in body.splitlines():
        if line.startswith('"'):
            key, _, tiers = line.partition('": ')
            # A plain name as it is; one with an escape (a non-ASCII symbol) through JSON.
            name = json.loads(key + '"') if "\\" in key else key[1:]
            lines[name] = tiers.rstrip(",")
    table["symbols"] = lines
    return table


@cache
def rule_table(rules: str) -> dict[str, Any]:
    """The rule set's dated table: the bundled one (``resources/rules/<rules>.json``), with
    the symbols of a table the user imported from the venue taking precedence (their date
    and source are kept per symbol in ``imported``)."""
    text = resources.files("marginlab.resources.rules").joinpath(f"{rules}.json").read_text("utf-8")
    table = _read_table(text)
    lines = table["symbols"]
    imported = read_imported_table(rules)
    if isinstance(lines, dict) and lines and isinstance(next(iter(lines.values())), list):
        lines = {k: json.dumps(v) for k, v in lines.items()}  # parsed whole: keep one shape
    table["symbols"] = TierSymbols(lines, imported["symbols"] if imported else None)
    if imported:
        table["imported"] = {
            symbol: {"as_of": imported["as_of"], "source": imported["source"]}
            for symbol in imported["symbols"]
        }
    return table


def imported_tables_folder() -> Path:
    """Where imported tier tables live: the per-user data folder (MARGINLAB_TABLES_DIR
    overrides it, for tests and portable installs). The same folder platformdirs names
    (a test checks it), worked out here because the window reads it before its first frame
    and importing platformdirs costs about 10 ms there."""
    override = os.environ.get("MARGINLAB_TABLES_DIR")
    if override:
        return Path(override)
    if sys.platform == "win32":
        base = Path(os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Application Support"
    else:
        base = Path(os.environ.get("XDG_DATA_HOME", "").strip() or Path.home() / ".local/share")
    return base / "MarginLab" / "tables"


def read_imported_table(rules: str) -> dict[str, Any] | None:
    """The user's imported table for ``rules``, or None; an unreadable one is ignored (the
    bundled table still prices every symbol it covers)."""
    from marginlab.engine.files.bounded import ReadError, read_bounded

    try:
        table = json.loads(read_bounded(imported_tables_folder() / f"{rules}.json", 64 << 20))
    except (ReadError, ValueError):
        return None
    ok = isinstance(table, dict) and isinstance(table.get("symbols"), dict)
    return table if ok else None


def symbol_table_info(rules: str, symbol: str) -> dict[str, str]:
    """Which table prices ``symbol`` and its date: an imported one, or the bundled one."""
    table = rule_table(rules)
    key = table_symbol(rules, symbol)
    imported = table.get("imported", {}).get(key)
    if imported:
        return {"as_of": imported["as_of"], "source": f"imported: {imported['source']}"}
    return table_info(rules)


@cache
def usual_first_rate(rules: str) -> float | None:
    """The maintenance rate most of a rule set's symbols start at: the median of their first
    tiers' rates (the bundled Binance table's: 1.5 %). What to offer for a symbol the table
    lacks, where 0 would never liquidate it. None without a table ("generic")."""
    if rules == "generic":
        return None
    try:
        symbols = rule_table(rules)["symbols"].values()
    except (KeyError, OSError):
        return None
    rates = sorted(tiers[0]["rate"] for tiers in symbols if tiers)
    return float(rates[len(rates) // 2]) if rates else None


def table_info(rules: str) -> dict[str, str]:
    """``as_of`` and ``source`` of a rule set's table, for reports ("generic" has none)."""
    if rules == "generic":
        return {"as_of": "", "source": "maintenance rate and amount given on each position"}
    table = _table_header(rules)
    return {"as_of": str(table["as_of"]), "source": str(table["source"])}


@cache
def _table_header(rules: str) -> dict[str, Any]:
    """A bundled table's first line (rules, as_of, source, note): what the window shows for
    every rule set at start-up, without reading the tiers of all of them."""
    file = resources.files("marginlab.resources.rules").joinpath(f"{rules}.json")
    with file.open("r", encoding="utf-8") as stream:
        head = stream.readline()
    if head.endswith(_SYMBOLS_OPEN + "\n"):
        header: dict[str, Any] = json.loads(head.removesuffix(_SYMBOLS_OPEN + "\n") + "}")
        return header
    return {k: v for k, v in rule_table(rules).items() if k != "symbols"}


SIZE_DIGITS = 6  # significant digits of an order's size, where no others are asked for


def size_text(
    symbol: str,
    quantity: float,
    contracts: bool = False,
    digits: int = SIZE_DIGITS,
    at_most: bool = False,
) -> str:
    """An order's size in its unit: "59.9563 0G" (``base_asset``), or "12 contracts" of a
    coin-margined account, to ``digits`` significant digits. ``at_most``: a largest size,
    cut rather than rounded (``numbers.cut_to_digits``), so what it reads is within."""
    if at_most:
        quantity = cut_to_digits(quantity, digits)
    if contracts:
        return say("{count} contracts", count=f"{quantity:,.{digits}g}")
    return f"{quantity:,.{digits}g} {base_asset(symbol.strip())}"


def base_asset(symbol: str) -> str:
    """What a linear symbol's quantity counts: BTCUSDT → BTC, ETH-PERP → ETH, 0GUSDT → 0G;
    a symbol with no known quote suffix is its own unit. Hyperliquid names coins so, in its
    own spelling: its kPEPE (a thousand PEPE) read "KPEPE"."""
    name = symbol.strip()
    upper = name.upper()
    for quote in _QUOTES:
        if upper.endswith(quote) and len(upper) > len(quote):
            return name[: -len(quote)]
    return name


def held_market(typed: str, held: Iterable[str]) -> str | None:
    """The symbol of ``held`` that ``typed`` names: itself; in another case (Hyperliquid's
    kPEPE typed "kpepe"); a coin alone, the held symbol quoted on it (Binance's BTCUSDT typed
    "btc"; "ETH" beside ETHUSDT and ETHBTC names neither); a quoted symbol, the
    held coin alone it quotes (Hyperliquid's BTC typed "BTCUSDT"). Two quoted symbols are
    two markets (BTCUSDT and BTCUSDC are two Binance contracts). None when none is."""
    name = typed.strip()
    symbols = list(held)
    if name in symbols:
        return name
    upper = name.upper()
    same = [s for s in symbols if s.upper() == upper]
    if same:
        return same[0]
    coin = base_asset(upper)
    if coin != upper:  # quoted: the held coin alone it quotes
        alike = [s for s in symbols if s.upper() == coin]
        return alike[0] if len(alike) == 1 else None
    # A coin alone: the one symbol quoted on it, unless another's quote is unknown (ETHBTC
    # may be ETH's too); ETHFIUSDT is ETHFI's, not ETH's, and "B" is no coin of BTCUSDT's.
    starting = [s for s in symbols if s.upper().startswith(upper)]
    ours = [s for s in starting if base_asset(s).upper() == upper]
    unknown = [s for s in starting if base_asset(s) == s]
    return ours[0] if len(ours) == 1 and not unknown else None


def listed_symbol(rules: str, typed: str, held: Iterable[str]) -> str:
    """A position's symbol as typed in the window: one the book holds, spelled as held
    (``held_market``: whatever the case, or its coin alone); else the rule set's table's own
    spelling of it (Hyperliquid's kPEPE); else upper-case, as the venues write theirs.
    "btcusdt" beside BTCUSDT was another market to the engine: its own mark, and a move of
    one left the other still."""
    name = typed.strip()
    upper = name.upper()
    found = held_market(name, held)
    if found is not None:
        return found
    if rules != "generic":
        listed = rule_table(rules)["symbols"]
        if name in listed:
            return name
        return next((key for key in listed if key.upper() == upper), upper)
    return upper


def _override(basis: Basis, rate: float, amount: float) -> Schedule:
    # A positive amount would make MM negative on small notionals; a zero-rate tier below
    # amount/rate keeps MM >= 0 and continuous, so the liquidation solver stays exact.
    if amount > 0 and rate > 0:
        return Schedule(
            basis,
            (0.0, amount / rate),
            (0.0, rate),
            (0.0, amount),
            (None, None),
            None,
            f"override {rate:.4%} / {amount:g}",
        )
    return Schedule(basis, (0.0,), (rate,), (0.0,), (None,), None, f"override {rate:.4%}")


def table_symbol(rules: str, symbol: str) -> str:
    """The table's key for ``symbol``: Hyperliquid names coins (BTCUSDT → BTC; its small coins
    carry a "k" for thousands, kPEPE, matched in any case), the others use the venue's own
    symbol, upper-case."""
    if rules != "hyperliquid":
        return symbol.upper()
    coin = base_asset(symbol)
    symbols = rule_table(rules)["symbols"]
    if coin in symbols:
        return coin
    return next((key for key in symbols if key.upper() == coin), coin)


def _tiered(rules: str, symbol: str) -> Schedule | None:
    """The venue's tiers for ``symbol`` from the bundled, dated table (``resources/rules``)."""
    table = rule_table(rules)
    key = table_symbol(rules, symbol)
    tiers = table["symbols"].get(key)
    if tiers is None:
        return None
    return Schedule(
        table["basis"],
        tuple(float(t["floor"]) for t in tiers),
        tuple(float(t["rate"]) for t in tiers),
        tuple(float(t["amount"]) for t in tiers),
        tuple(float(t["max_leverage"]) for t in tiers),
        float(tiers[-1]["cap"]),
        f"{rules} {key} tiers as of {table['as_of']}",
    )


def has_table(rules: str, symbol: str) -> bool:
    """Whether the rule set's bundled (or imported) table has tiers for ``symbol``: the test
    ``_tiered`` makes, without building the schedule (the file's check asks it per position)."""
    return rules != "generic" and table_symbol(rules, symbol) in rule_table(rules)["symbols"]


def covering_rules(symbol: str) -> list[str]:
    """The rule sets whose bundled tables cover ``symbol``."""
    return [r for r in RULE_SETS if has_table(r, symbol)]


def table_age_days(rules: str, today: date) -> int | None:
    """Days since the rule set's table was taken; None for "generic" or an undated table."""
    as_of = table_info(rules)["as_of"]
    try:
        return (today - date.fromisoformat(as_of)).days
    except ValueError:
        return None


def stale_table_warning(rules: str, today: date) -> str | None:
    """A warning when the rule set's table is more than six months old on ``today``."""
    days = table_age_days(rules, today)
    if days is None or days <= STALE_DAYS:
        return None
    as_of = table_info(rules)["as_of"]
    return say(
        "{venue} tiers are from {date}, {months} months ago: the venue may have changed them; "
        "check its current table or type an MMR override",
        venue=VENUE_NAMES[rules],
        date=as_of,
        months=days // 30,
    )


def schedule_for(rules: str, position: Position) -> Schedule:
    """The maintenance schedule of ``position`` under ``rules``; overrides win over tables."""
    basis: Basis = "entry" if rules == "bybit-linear" else "mark"
    if position.maintenance_rate is not None:
        return _override(basis, position.maintenance_rate, position.maintenance_amount or 0.0)
    found = _tiered(rules, position.symbol) if rules != "generic" else None
    if found is None:
        raise LookupError(missing_table_problem(rules, position))
    return found


def missing_table_problem(rules: str, position: Position, file_words: bool = True) -> str | None:
    """A field-named message when ``position`` has neither a table nor an override, saying
    which venues' tables do cover the symbol."""
    if position.maintenance_rate is not None:
        return None
    if rules == "generic":
        return say(
            "{field}: {problem}",
            field="maintenance_rate",
            problem=say("required under rules 'generic' (type an MMR override)"),
        )
    if has_table(rules, position.symbol):
        return None
    others = [VENUE_NAMES[r] for r in covering_rules(position.symbol)]
    where = (
        say("; covered by {venues}", venues=", ".join(others))
        if others
        else say("; no bundled table covers it")
    )
    if not file_words:  # a form's words: the field is "MMR override", not the file's name
        return say(
            "symbol: {venue} has no tier table for '{symbol}'{where}. Type an MMR override or "
            "pick a rule set that covers it",
            venue=VENUE_NAMES[rules],
            symbol=position.symbol,
            where=where,
        )
    return say(
        "symbol: {venue} has no tier table for '{symbol}'{where}. Type an MMR override "
        "(maintenance_rate) or pick a rule set that covers it",
        venue=VENUE_NAMES[rules],
        symbol=position.symbol,
        where=where,
    )
