"""Before you open: the order checked in this account, opened isolated and opened cross, side by
side, against the loss you accept, with a recommendation from rules a trader can read (issue
18). The brief's habit: before opening, know the mode and how much you would lose in it if you
are wrong, and compare that with the most you accept to lose.

"If wrong" is the order's symbol moving against it alone (down for a long, up for a short),
the other symbols at their marks: the account's loss at the worst such move
(``max_loss.symbol_loss``, the same exact search as the cards' "If SYMBOL is wrong").

An order priced away from the mark fills when the market is there: a limit below a long's
mark, a stop above it. The check reads the book with the symbol at the order's price
(``at_the_order``), so an order "@ 60000" with the mark at 50,000 is not judged 5,000 down
and past its liquidation as it fills (its own margin then missing from its loss if wrong),
and a limit "@ 45000" is not judged 5,000 up (the profit counted as more to lose). What the
venue charges at placement (max open, and so the largest size) stays at today's marks.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, replace
from typing import Literal

from marginlab.engine.margin.evaluate import as_entered
from marginlab.engine.margin.inverse import symbol_loss_inverse
from marginlab.engine.margin.max_loss import Settled, WorstMove, settled, symbol_loss
from marginlab.engine.margin.models import MarginMode, Scenario
from marginlab.engine.margin.planning import (
    MODES,
    PlanError,
    Ticket,
    as_read,
    checked,
    max_open,
    opened,
)
from marginlab.engine.margin.pools import Pool, as_entered_with_order, build_pools
from marginlab.engine.margin.remembered import Remembered
from marginlab.engine.margin.report import MAX_PRICE, VariantReport
from marginlab.engine.margin.rules import SIZE_DIGITS, VENUE_NAMES, schedule_for, size_text
from marginlab.engine.text.numbers import (
    coin_amounts,
    money_text,
    percent_text,
    price_or_none_text,
    share_text,
)
from marginlab.engine.text.said import say

HIGH_LEVERAGE = 20.0  # at or above: a brief wick can liquidate it (rule "high leverage")
SMALL_BET = 0.05  # margin at most this share of the wallet (rule "small bet")
LOW_LEVERAGE = 5.0  # at or below, with the cross liquidation at least AMPLE_BUFFER away
AMPLE_BUFFER = 0.30
_STEPS = 60

# Where each rule comes from in the brief (reference/brief.md), by the question it answers.
BRIEF = {
    "acceptable": say(
        "the brief's habit: compare the mode's loss if wrong with the most you accept"
    ),
    "hedge": say("the brief, 'when to choose': cross for positions that hedge each other"),
    "high_leverage": say("the brief, 'when to choose': isolated for high-leverage positions"),
    "small_bet": say("the brief, isolated pros: small experimental bets with a known worst case"),
    "buffer": say("the brief, 'when to choose': cross for low leverage with ample funds"),
    "default": say("the brief, isolated pros: a loss ceiling when the direction is uncertain"),
}


@dataclass(frozen=True, slots=True)
class LiquidationMove:
    """An existing position whose liquidation price the order moves."""

    id: str
    symbol: str
    before: float | None
    after: float | None


@dataclass(frozen=True, slots=True)
class ModeCheck:
    """The order opened in one mode: its liquidation price and distance, what the account
    loses if the order is wrong (and which positions that move closes), the account's max loss
    before and after, the existing positions it moves, and the largest size and highest
    leverage that keep the loss if wrong within the loss you accept."""

    mode: MarginMode
    position_id: str
    liquidation_price: float | None
    distance: float | None
    loss_if_wrong: float
    worst_price: float  # where the symbol is then (0: towards 0)
    closes: tuple[str, ...]
    account_max_loss_before: float
    account_max_loss: float
    moves: tuple[LiquidationMove, ...]
    within: bool | None
    max_size: float | None
    max_leverage: float | None


@dataclass(frozen=True, slots=True)
class Reason:
    rule: Literal["acceptable", "hedge", "high_leverage", "small_bet", "buffer", "default"]
    favours: MarginMode | None
    text: str

    @property
    def source(self) -> str:
        return BRIEF[self.rule]


@dataclass(frozen=True, slots=True)
class Check:
    ticket: Ticket
    quantity: float
    margin: float  # the order's margin: as typed, else quantity × price / leverage
    acceptable: float | None
    modes: dict[MarginMode, ModeCheck]
    recommendation: MarginMode
    reasons: tuple[Reason, ...]
    disagree: bool
    # Today's mark of the order's symbol where the order's price is another (the figures are
    # read with the symbol at the order's price: ``at_the_order``), else None.
    mark_today: float | None = None
    # What the trader must know before the figures: the positions gone before the order fills
    # there, a leverage the venue does not allow at that size.
    warnings: tuple[str, ...] = ()


def adverse_side(ticket: Ticket) -> int:
    """The move that proves the order wrong: down for a long, up for a short."""
    return -ticket.sign


def loss_if_wrong(
    scenario: Scenario,
    ticket: Ticket,
    quantity: float,
    mode: MarginMode,
    margin: float | None = None,
) -> WorstMove:
    """The account's worst loss when the order's symbol moves against it alone, with the
    order opened (``symbol_loss`` on the as-entered pools). Infinite when the order cannot be
    opened (an isolated margin the wallet does not have)."""
    try:
        account, _ = opened(scenario, ticket, quantity, mode, margin)
    except PlanError:
        return WorstMove(math.inf, {}, ())
    return wrong_move(account, ticket, scenario)


def wrong_move(account: Scenario, ticket: Ticket, before: Scenario | None = None) -> WorstMove:
    """In an account that holds the order: the worst move of its symbol against it alone
    (coin-margined: through the account's linear twin, ``inverse.symbol_loss_inverse``).
    ``before``: the account without the order, whose pools the order's are made from."""
    if ticket.inverse or (account if before is None else before).coin_margined:
        return symbol_loss_inverse(account, ticket.symbol, adverse_side(ticket))
    if before is None:
        pools, marks = build_pools(account, "as_entered"), account.marks()
        return symbol_loss(pools, marks, ticket.symbol, adverse_side(ticket))
    pools, marks = as_entered_with_order(account, before), before.marks()
    marks.setdefault(ticket.symbol, ticket.price)  # a new symbol's: ``order_document``
    known = _book_settled(before, ticket.symbol)
    return symbol_loss(pools, marks, ticket.symbol, adverse_side(ticket), known)


def _book_settled(before: Scenario, symbol: str) -> Settled:
    """``settled`` of the book's isolated pools for the order's symbol: the pools every probe
    of a check starts with (``as_entered_with_order``), found once a check, not once a probe.
    Remembered by the book's pools themselves, so pools built anew (a tier table imported)
    are settled anew."""
    book = build_pools(before, "as_entered")
    found = _SETTLED.peek((id(book), symbol))
    if found is None or found[0] is not book:
        found = (book, settled(book[:-1], symbol))
        _SETTLED.put((id(book), symbol), found)
    return found[1]


# A few books: each entry keeps its book's pools alive, thousands in a big book.
_SETTLED: Remembered[tuple[int, str], tuple[tuple[Pool, ...], Settled]] = Remembered(8)


def check_order(
    scenario: Scenario,
    ticket: Ticket,
    quantity: float,
    margin: float | None = None,
    acceptable: float | None = None,
) -> Check:
    """The order in each mode, and the recommendation (``recommend``)."""
    if not (quantity > 0 and math.isfinite(quantity)):
        raise PlanError([say("size: must be a number > 0")])
    checked(scenario, ticket)
    limit = scenario.account.max_acceptable_loss if acceptable is None else acceptable
    today = scenario
    scenario = at_the_order(today, ticket)
    before = as_entered(scenario)
    modes = {m: _mode(scenario, before, ticket, quantity, m, margin, limit, today) for m in MODES}
    order_margin = margin if margin is not None else ticket.margin(quantity)
    risk = before.symbol_risks.get(ticket.symbol)
    # What a move of the symbol against the order costs the book without it.
    already = 0.0 if risk is None else (risk.fall if ticket.sign > 0 else risk.rise).loss
    # The positions past liquidation where the order fills: they offset nothing (the hedge
    # rule), and those that are not past it today are named (``_gone_before``).
    gone = [i for i, f in before.positions.items() if f.past_liquidation]
    with coin_amounts() if scenario.coin_margined else nullcontext():
        reasons = _reasons(
            scenario, ticket, quantity, order_margin, limit, modes, already, frozenset(gone)
        )
    recommendation, disagree = recommend(reasons)
    mark = today.marks().get(ticket.symbol)
    moved = mark is not None and scenario is not today
    warnings = (
        *(_gone_before(today, gone, ticket) if moved else []),
        *_leverage_refused(scenario, ticket, quantity),
    )
    return Check(
        ticket,
        quantity,
        order_margin,
        limit,
        modes,
        recommendation,
        reasons,
        disagree,
        mark if moved else None,
        warnings,
    )


def at_the_order(scenario: Scenario, ticket: Ticket) -> Scenario:
    """The book with the order's symbol at the order's price, where the order fills (module
    docstring); the book itself when the price is the mark or the book holds no position in
    the symbol (the order's price is then its mark: ``planning.order_document``)."""
    if ticket.symbol not in scenario.marks():
        return scenario
    return scenario.at_marks({ticket.symbol: ticket.price})


def _gone_before(today: Scenario, past: list[str], ticket: Ticket) -> list[str]:
    """Of ``past`` (the positions past liquidation with the symbol at the order's price),
    those that are not today: the move to the order's price liquidates them before it fills."""
    now = as_entered(today).positions
    gone = [i for i in past if not now[i].past_liquidation]
    if not gone:
        return []
    where = {"symbol": ticket.symbol, "price": price_or_none_text(ticket.price)}
    if len(gone) == 1:
        return [
            say(
                "With {symbol} at {price}, where the order fills, {ids} is past liquidation "
                "already: the move there closes it first.",
                ids=gone[0],
                **where,
            )
        ]
    return [
        say(
            "With {symbol} at {price}, where the order fills, {ids} are past liquidation "
            "already: the move there closes them first.",
            ids=", ".join(gone),
            **where,
        )
    ]


def _leverage_refused(scenario: Scenario, ticket: Ticket, quantity: float) -> list[str]:
    """A leverage above the one the venue's tier allows at the order's notional (the tier
    table's ``max_leverage``; Binance "Leverage and Margin"): the venue would refuse it, and
    no size at that leverage is within anything."""
    if scenario.rules == "generic" or ticket.maintenance_rate is not None:
        return []
    try:
        schedule = schedule_for(scenario.rules, ticket.probe())
    except LookupError:
        return []
    notional = ticket.value(quantity)
    allowed = schedule.max_leverage(notional)
    if allowed is None or ticket.leverage <= allowed * (1 + 1e-9):
        return []
    return [
        say(
            "{leverage} is above the {allowed} {venue} allows for {symbol} at a notional of "
            "{notional}: the venue would refuse the order.",
            leverage=f"{ticket.leverage:g}×",
            allowed=f"{allowed:g}×",
            venue=VENUE_NAMES[scenario.rules],
            symbol=ticket.symbol,
            notional=money_text(notional, scenario.account.currency),
        )
    ]


def _mode(
    scenario: Scenario,
    before: VariantReport,
    ticket: Ticket,
    quantity: float,
    mode: MarginMode,
    margin: float | None,
    limit: float | None,
    today: Scenario,
) -> ModeCheck:
    account, pid = opened(scenario, ticket, quantity, mode, margin)
    after = as_entered(account, remember=False)
    figures = after.positions[pid]
    # Made from the book's pools, as each probe's: the probes settle those once a check, and
    # the opened account's own search settled every pool again. Interleaved in one process
    # (round 30): a first check at N = 2,000 436 ms against 563, at 500 and 20 within noise.
    wrong = wrong_move(account, ticket, scenario)
    old = before.positions
    moves = tuple(
        LiquidationMove(p.id, p.symbol, old[p.id].liquidation_price, new.liquidation_price)
        for p in scenario.positions
        if _moved(old[p.id].liquidation_price, (new := after.positions[p.id]).liquidation_price)
    )
    within = None if limit is None else wrong.loss <= limit * (1 + 1e-12)
    size = largest_size(scenario, ticket, mode, limit, today) if limit is not None else None
    order_margin = margin if margin is not None else ticket.margin(quantity)
    leverage = (
        highest_leverage(scenario, ticket, mode, order_margin, limit) if limit is not None else None
    )
    return ModeCheck(
        mode=mode,
        position_id=pid,
        liquidation_price=None if figures.past_liquidation else figures.liquidation_price,
        distance=figures.liquidation_distance,
        loss_if_wrong=wrong.loss,
        worst_price=wrong.prices.get(ticket.symbol, 0.0),
        closes=tuple(i for i in wrong.liquidated if i != pid),
        account_max_loss_before=before.account.max_loss,
        account_max_loss=after.account.max_loss,
        moves=moves,
        within=within,
        max_size=size,
        max_leverage=leverage,
    )


def _moved(before: float | None, after: float | None) -> bool:
    if before is None or after is None:
        return before != after
    return abs(after - before) > 1e-9 * max(abs(before), 1.0)


def largest_size(
    scenario: Scenario,
    ticket: Ticket,
    mode: MarginMode,
    limit: float,
    today: Scenario | None = None,
) -> float:
    """The largest quantity, at the ticket's price and leverage, whose loss if wrong stays
    within ``limit`` and that the account can open (``planning.max_open`` of the book
    ``today``, at today's marks, as the venue charges the order when it is placed; the book
    itself when not given): the loss grows with the size, so a doubling then a bisection
    finds it to 1e-7 relative; given to the digits a size is read to (``SIZE_DIGITS``), and
    within (``planning.as_read``)."""
    cap = max_open(scenario if today is None else today, ticket, mode).quantity
    if cap <= 0:
        return 0.0

    def fits(q: float) -> bool:
        return q <= cap and loss_if_wrong(scenario, ticket, q, mode).loss <= limit * (1 + 1e-12)

    found = as_read(_largest(fits, cap), fits, SIZE_DIGITS)
    move = loss_if_wrong(scenario, ticket, found, mode) if found > 0 else None
    if move is not None and _only_the_end_of_prices_stops_it(move, scenario, ticket.symbol):
        return 0.0
    return found


def _only_the_end_of_prices_stops_it(move: WorstMove, scenario: Scenario, symbol: str) -> bool:
    """Whether a worst move liquidates nothing and ends where the prices a move may name end
    (``MAX_PRICE``; for a coin-margined account, priced along ``u = 1/P``, where ``u`` does:
    ``P`` at ``1/MAX_PRICE``), with the loss still growing there. A linear short in cross
    loses ``Q × 10^12`` at the end, and "the largest size within 2,500" came out as 2.5e-09
    BTC: a figure of where prices stop, not a size anyone can open. None is. (A coin-margined
    short's loss stops growing as ``P`` rises without end: its end is no such limit.)"""
    price = move.prices.get(symbol)
    if price is None or move.liquidated:
        return False
    if scenario.coin_margined:
        return 0 < price <= 1 / MAX_PRICE
    return price >= MAX_PRICE


def highest_leverage(
    scenario: Scenario, ticket: Ticket, mode: MarginMode, margin: float, limit: float
) -> float | None:
    """The highest leverage at the order's margin (size = margin × leverage / price) whose
    loss if wrong stays within ``limit`` and that the tier allows at that size (Binance
    "Leverage and Margin": each bracket's maximum). None when even 1× does not."""
    if not margin > 0:  # a margin that rounds to nothing (1e-300 at 1e-300): no leverage
        return None
    top = _tier_top(scenario, ticket, margin)
    if top < 1:
        return None

    def fits(leverage: float) -> bool:
        levered = replace(ticket, leverage=leverage)
        quantity = ticket.quantity_at(margin, leverage)
        if _tier_top(scenario, levered, margin) < leverage * (1 - 1e-12):
            return False
        isolated = margin if mode == "isolated" else None
        loss = loss_if_wrong(scenario, levered, quantity, mode, isolated).loss
        return loss <= limit * (1 + 1e-12)

    if not fits(1.0):
        return None
    found = 1.0 + _largest(lambda extra: fits(1.0 + extra), top - 1.0) if top > 1 else 1.0
    return as_read(found, fits, len(f"{int(found)}") + 2)  # to the hundredth: "12.34×"


def _tier_top(scenario: Scenario, ticket: Ticket, margin: float) -> float:
    """The highest leverage the tiers allow for a position of ``margin`` at that leverage:
    the largest L with L ≤ max leverage of the tier of notional ``margin × L``."""
    schedule = schedule_for(scenario.rules, ticket.probe(leverage=1))
    best = 0.0
    for k, top in enumerate(schedule.max_leverages):
        cap = top if top is not None else 1000.0
        floor = schedule.floors[k]
        ceiling = schedule.floors[k + 1] if k + 1 < len(schedule.floors) else math.inf
        # In tier k the notional margin × L lies in [floor, ceiling): L in [floor/m, ceiling/m).
        low, high = floor / margin, ceiling / margin
        candidate = min(cap, high * (1 - 1e-12))
        if candidate >= max(low, 1.0):
            best = max(best, candidate)
    return min(best, 1000.0)


def _largest(fits: Callable[[float], bool], cap: float) -> float:
    """The largest x in (0, cap] with ``fits(x)``, for a predicate true up to a point."""
    if fits(cap):
        return cap
    low, high = 0.0, cap
    probe = cap / 2
    for _ in range(_STEPS):  # halve until it fits
        if fits(probe):
            low = probe
            break
        high = probe
        probe /= 2
        if probe < cap * 1e-12:
            return 0.0
    for _ in range(_STEPS):
        if high - low <= 1e-7 * high:
            break
        mid = (low + high) / 2
        if fits(mid):
            low = mid
        else:
            high = mid
    return low


# --- the rules --------------------------------------------------------------------------------


def _sizes_within(
    ticket: Ticket,
    iso: ModeCheck,
    cross: ModeCheck,
    already: float,
    limit: float,
    currency: str,
) -> str:
    """The largest sizes that would keep within the limit ("At most 0.2 isolated and 0.1
    cross would."), or why none would: "At most 0 isolated and 0 cross would" read as a
    typo when the book, without the order, already lost more if the symbol went against it."""
    sizes = [
        say("{size} {mode}", size=_size(ticket, m.max_size), mode=say(m.mode))
        for m in (iso, cross)
        if m.max_size
    ]
    if sizes:
        listed = (
            sizes[0]
            if len(sizes) == 1
            else say("{first} and {second}", first=sizes[0], second=sizes[1])
        )
        return say("At most {sizes} would.", sizes=listed)
    if already > limit * (1 + 1e-12):
        return say(
            "No size would: without it, a wrong {symbol} already costs the book {loss}.",
            symbol=ticket.symbol,
            loss=money_text(already, currency),
        )
    return say("No size would.")


def _reasons(
    scenario: Scenario,
    ticket: Ticket,
    quantity: float,
    margin: float,
    limit: float | None,
    modes: dict[MarginMode, ModeCheck],
    already: float = 0.0,
    gone: frozenset[str] = frozenset(),
) -> tuple[Reason, ...]:
    """The rules' reasons; ``gone``: the positions past liquidation where the order fills."""
    cur = scenario.account.currency
    iso, cross = modes["isolated"], modes["cross"]
    out: list[Reason] = []
    if limit is not None:
        accept = money_text(limit, cur)
        if iso.within and not cross.within:
            closes = say(" and closes {ids}", ids=", ".join(cross.closes)) if cross.closes else ""
            out.append(
                Reason(
                    "acceptable",
                    "isolated",
                    say(
                        "If {symbol} goes against it{where}, cross can lose {loss}{closes}: more "
                        "than the {accept} you accept. Isolated stops at {isolated}.",
                        symbol=ticket.symbol,
                        where=_at(cross),
                        loss=money_text(cross.loss_if_wrong, cur),
                        closes=closes,
                        accept=accept,
                        isolated=money_text(iso.loss_if_wrong, cur),
                    ),
                )
            )
        elif not iso.within and not cross.within:
            neither = say(
                "Neither mode keeps a wrong {symbol} within the {accept} you accept "
                "(isolated {isolated}, cross {cross}).",
                symbol=ticket.symbol,
                accept=accept,
                isolated=money_text(iso.loss_if_wrong, cur),
                cross=money_text(cross.loss_if_wrong, cur),
            )
            out.append(
                Reason(
                    "acceptable",
                    "isolated" if iso.loss_if_wrong < cross.loss_if_wrong else None,
                    say(
                        "{neither} {sizes}",
                        neither=neither,
                        sizes=_sizes_within(ticket, iso, cross, already, limit, cur),
                    ),
                )
            )
        elif cross.within and not iso.within:
            out.append(
                Reason(
                    "acceptable",
                    "cross",
                    say(
                        "Cross keeps a wrong {symbol} within the {accept} you accept; isolated "
                        "would lose {loss}.",
                        symbol=ticket.symbol,
                        accept=accept,
                        loss=money_text(iso.loss_if_wrong, cur),
                    ),
                )
            )
    # A position past liquidation where the order fills is gone by then: it offsets nothing.
    held = [p for p in scenario.positions if p.symbol == ticket.symbol and p.id not in gone]
    offsets = [p for p in held if p.side != ticket.side]
    net = sum(p.sign * p.quantity for p in held)
    if offsets and abs(net + ticket.sign * quantity) < abs(net):  # it reduces the exposure
        ids = ", ".join(p.id for p in offsets)
        isolated_ones = [p.id for p in offsets if p.margin_mode == "isolated"]
        note = (
            ""
            if not isolated_ones
            else say(
                " ({ids} is isolated now: they carry each other only if both are cross)",
                ids=isolated_ones[0],
            )
            if len(isolated_ones) == 1
            else say(
                " ({ids} are isolated now: they carry each other only if both are cross)",
                ids=", ".join(isolated_ones),
            )
        )
        out.append(
            Reason(
                "hedge",
                "cross",
                say(
                    "It offsets {ids} ({side} {symbol}): in cross the two carry each other, so a "
                    "swing against one side does not liquidate it alone{note}.",
                    ids=ids,
                    side=say(offsets[0].side),
                    symbol=ticket.symbol,
                    note=note,
                ),
            )
        )
    if ticket.leverage >= HIGH_LEVERAGE:
        out.append(
            Reason(
                "high_leverage",
                "isolated",
                say(
                    "At {leverage} a brief wick can liquidate it; isolated keeps that from "
                    "reaching your other positions.",
                    leverage=f"{ticket.leverage:g}×",
                ),
            )
        )
    wallet = scenario.account.wallet_balance
    if wallet > 0 and margin <= SMALL_BET * wallet:
        out.append(
            Reason(
                "small_bet",
                "isolated",
                say(
                    "A small bet ({margin}, {share} of the wallet): isolated makes its worst case "
                    "exactly that margin.",
                    margin=money_text(margin, cur),
                    share=share_text(margin / wallet),
                ),
            )
        )
    distance = cross.distance
    if ticket.leverage <= LOW_LEVERAGE and (
        cross.liquidation_price is None or (distance is not None and abs(distance) >= AMPLE_BUFFER)
    ):
        where = (
            say("no price")
            if cross.liquidation_price is None
            else say("{distance} away", distance=percent_text(abs(distance or 0), 1))
        )
        out.append(
            Reason(
                "buffer",
                "cross",
                say(
                    "At {leverage} with the cross liquidation {where}, the account's buffer "
                    "carries it: cross uses your margin efficiently.",
                    leverage=f"{ticket.leverage:g}×",
                    where=where,
                ),
            )
        )
    if not any(r.favours for r in out):
        out.append(
            Reason(
                "default",
                "isolated",
                say(
                    "No rule decides it; isolated keeps the loss to its margin, the safer "
                    "default when you are unsure."
                ),
            )
        )
    return tuple(out)


# The order in which the rules decide when they disagree. A hedge first: an order that reduces
# the symbol's exposure gains when the other side loses, so in cross the move that proves it
# wrong helps the account; then the loss you accept (a limit); leverage and size are
# preferences; buffer is efficiency.
PRECEDENCE = ("hedge", "acceptable", "high_leverage", "small_bet", "buffer", "default")


def recommend(reasons: tuple[Reason, ...]) -> tuple[MarginMode, bool]:
    """The mode the first deciding rule favours (``PRECEDENCE``), and whether others favour
    the other mode."""
    deciding = [r for r in reasons if r.favours is not None]
    deciding.sort(key=lambda r: PRECEDENCE.index(r.rule))
    chosen = deciding[0].favours
    assert chosen is not None
    return chosen, any(r.favours != chosen for r in deciding)


def _at(mode: ModeCheck) -> str:
    """Where the loss if wrong begins: past the order's liquidation price in that mode."""
    price = mode.liquidation_price
    return "" if price is None else say(" past {price}", price=price_or_none_text(price))


def _size(ticket: Ticket, quantity: float | None) -> str:
    return "—" if quantity is None else size_text(ticket.symbol, quantity, ticket.inverse)
