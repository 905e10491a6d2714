"""Per symbol, what each variant loses at most if only that symbol goes against you
(``max_loss.max_losses``): the window's banner and the CLI's summary lines.

"If BTCUSDT is wrong: all isolated loses at most 2,000.00 USDT; all cross can lose 10,000.00
USDT and also closes A." A table cell holds the short form ("can lose 10,000.00 USDT (fall)"),
its tooltip the whole sentence.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from marginlab.engine.margin.max_loss import SymbolRisk, WorstMove
from marginlab.engine.margin.report import PositionFigures, Report, VariantReport
from marginlab.engine.text.numbers import money_text, price_text
from marginlab.engine.text.said import Said, say

NAMED_CLOSED = 12  # other positions a summary sentence names; the rest are counted
# The variants as a sentence names them ("all cross can lose …").
VARIANT_LOWER = {
    "as_entered": say("as entered"),
    "isolated": say("all isolated"),
    "cross": say("all cross"),
}


@dataclass(frozen=True, slots=True)
class VariantRisk:
    """One variant's answer to "if SYMBOL is wrong", short and whole.

    ``short`` fits a table cell ("can lose 10,000.00 USDT"), ``others`` are the positions of
    other symbols its worst move also closes, and ``sentence`` is the whole phrase."""

    loss: float
    short: str
    others: tuple[str, ...]
    sentence: str


@dataclass(frozen=True, slots=True)
class SymbolSummary:
    symbol: str
    variants: dict[str, VariantRisk]


class SymbolSummaries:
    """``symbol_summaries`` of one report, a symbol at a time, each found when first asked
    for: the window's banner shows a few rows of a book's fifty symbols and reads the others
    only when they are scrolled into view."""

    def __init__(self, report: Report) -> None:
        self.report = report
        positions = report.variants["cross"].positions.values()
        self.symbols = list(dict.fromkeys(f.symbol for f in positions))
        self._found: dict[int, SymbolSummary] = {}
        self._legs: dict[str, dict[str, list[PositionFigures]]] | None = None
        self._crosses: dict[str, frozenset[str]] = {}
        self._own: dict[str, frozenset[str]] | None = None

    def __len__(self) -> int:
        return len(self.symbols)

    def summary(self, index: int) -> SymbolSummary:
        """The ``index``-th symbol's cells and sentences, in the order the book names them."""
        found = self._found.get(index)
        if found is None:
            found = self._found[index] = self._summary(self.symbols[index])
        return found

    def closes_elsewhere(self, index: int) -> bool:
        """Whether some variant's worst move for the ``index``-th symbol also closes a position
        of another symbol (``VariantRisk.others`` not empty), without the sentences."""
        symbol = self.symbols[index]
        mine = self._own_ids(symbol)
        return any(
            not mine.issuperset(variant.symbol_risks[symbol].worst.liquidated)
            for variant in self.report.variants.values()
            if symbol in variant.symbol_risks
        )

    def _own_ids(self, symbol: str) -> frozenset[str]:
        """The ids of ``symbol``'s positions (the same in every variant), grouped once."""
        if self._own is None:
            own: dict[str, set[str]] = {}
            for f in self.report.variants["cross"].positions.values():
                own.setdefault(f.symbol, set()).add(f.id)
            self._own = {s: frozenset(ids) for s, ids in own.items()}
        return self._own[symbol]

    def _summary(self, symbol: str) -> SymbolSummary:
        report = self.report
        if self._legs is None:
            self._legs = {name: _legs_by_symbol(v) for name, v in report.variants.items()}
        cells: dict[str, VariantRisk] = {}
        for name, variant in report.variants.items():
            if symbol not in variant.symbol_risks:
                continue
            if name not in self._crosses:
                self._crosses[name] = _cross_ids(variant)
            legs = self._legs[name][symbol]
            risk = variant.symbol_risks[symbol]
            worst = risk.worst
            others = _closed_elsewhere(worst, self._own_ids(symbol))
            loss = money_text(worst.loss, report.currency, coin=report.coin)
            in_cross = _reaches_cross(risk, legs, self._crosses[name])
            cells[name] = VariantRisk(
                loss=worst.loss,
                short=_short(in_cross, loss, worst.loss, worst is risk.fall),
                others=others,
                sentence=_variant_phrase(name, variant, risk, report, legs, others, in_cross),
            )
        return SymbolSummary(symbol, cells)


def symbol_summaries(report: Report) -> list[SymbolSummary]:
    """Per symbol, what each variant loses at most if only that symbol goes against you
    (``max_loss.max_losses``), as table cells with the whole sentence beside them."""
    found = SymbolSummaries(report)
    return [found.summary(index) for index in range(len(found))]


def _short(reaches_cross: bool, loss: str, amount: float, falls: bool) -> Said:
    """A table cell: "can lose 10,000.00 USDT (fall)"."""
    if amount <= 0:
        return (
            say("can lose {loss}", loss=loss)
            if reaches_cross
            else say("loses at most {loss}", loss=loss)
        )
    if reaches_cross:
        return (
            say("can lose {loss} (fall)", loss=loss)
            if falls
            else say("can lose {loss} (rise)", loss=loss)
        )
    return (
        say("loses at most {loss} (fall)", loss=loss)
        if falls
        else say("loses at most {loss} (rise)", loss=loss)
    )


def _legs_by_symbol(variant: VariantReport) -> dict[str, list[PositionFigures]]:
    """The variant's positions grouped by symbol, once: a book of 500 positions over 50
    symbols would otherwise be read once per symbol and per sentence."""
    out: dict[str, list[PositionFigures]] = {}
    for f in variant.positions.values():
        out.setdefault(f.symbol, []).append(f)
    return out


def _cross_ids(variant: VariantReport) -> frozenset[str]:
    """The variant's cross positions, found once for all its symbols' sentences."""
    return frozenset(f.id for f in variant.positions.values() if f.margin_mode == "cross")


def _reaches_cross(risk: SymbolRisk, legs: list[PositionFigures], cross: frozenset[str]) -> bool:
    """Whether moving the risk's symbol touches the cross pool: one of its own positions is
    cross, or its worst move liquidates a cross one (``cross``: the variant's cross ids)."""
    return any(f.margin_mode == "cross" for f in legs) or not cross.isdisjoint(
        risk.worst.liquidated
    )


def _variant_phrase(
    name: str,
    variant: VariantReport,
    risk: SymbolRisk,
    report: Report,
    legs: list[PositionFigures],
    others: tuple[str, ...],
    in_cross: bool,
) -> Said:
    """The sentence of one variant for one symbol; ``legs`` are the variant's positions in it,
    ``others`` the positions of other symbols its worst move closes, ``in_cross`` whether the
    move touches the cross pool."""
    currency = report.currency
    title = VARIANT_LOWER[name]
    fall, rise = risk.fall, risk.rise
    if risk.hedged:
        liquidation = next((f.liquidation_price for f in legs if f.margin_mode == "cross"), None)
        where = "" if liquidation is None else say(" to {price}", price=price_text(liquidation))
        if report.contract == "inverse":  # in the coin, maintenance grows as the price falls
            return say(
                "{variant} is hedged: a rise costs {rise}; only a fall{where} liquidates it "
                "(maintenance in the coin grows as the price falls), and then it can lose {fall}",
                variant=title,
                rise=money_text(rise.loss, currency, coin=report.coin),
                where=where,
                fall=money_text(fall.loss, currency, coin=report.coin),
            )
        return say(
            "{variant} is hedged: a fall costs {fall}; only a rise{where} liquidates it "
            "(maintenance grows with the price), and then it can lose {rise}",
            variant=title,
            fall=money_text(fall.loss, currency, coin=report.coin),
            where=where,
            rise=money_text(rise.loss, currency, coin=report.coin),
        )
    worst = risk.worst
    loss = money_text(worst.loss, currency, coin=report.coin)
    head = (
        say("{variant} can lose {loss}", variant=title, loss=loss)
        if in_cross
        else say("{variant} loses at most {loss}", variant=title, loss=loss)
    )
    other = rise if worst is fall else fall
    direction: str = ""
    if other.loss > 0 and worst.loss > 0:
        other_loss = money_text(other.loss, currency, coin=report.coin)
        direction = (
            say(" if it falls (a rise: {loss})", loss=other_loss)
            if worst is fall
            else say(" if it rises (a fall: {loss})", loss=other_loss)
        )
    return say("{head}{direction}{closes}", head=head, direction=direction, closes=_closes(others))


def _closed_elsewhere(worst: WorstMove, own: frozenset[str]) -> tuple[str, ...]:
    """The positions of other symbols a worst move closes (``own``: the symbol's own ids), in
    the move's order (a big book's move closes hundreds: filtered without a Python loop)."""
    return tuple(itertools.filterfalse(own.__contains__, worst.liquidated))


def _closes(others: tuple[str, ...]) -> Said | str:
    """The sentence's end, "and also closes P3, P19": a dozen named, the rest counted (the
    window's banner unfolds the list): a 2,000-position book's summary would otherwise print
    every one, once per symbol and variant."""
    if not others:
        return ""
    named = ", ".join(others[:NAMED_CLOSED])
    if len(others) <= NAMED_CLOSED:
        return say(" and also closes {ids}", ids=named)
    return say(" and also closes {ids} and {n} more", ids=named, n=len(others) - NAMED_CLOSED)
