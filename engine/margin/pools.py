"""Collateral pools: how each variant groups positions (DESIGN §1, "Three variants").

A pool is a sum of money (``cash``) and the positions it backs. It is liquidated as a whole when
``cash + Σ upnl <= Σ MM``; its owner then loses all of it. An isolated position is a pool of one
with its margin; the cross pool is the wallet less every isolated margin.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Literal, NamedTuple, TypeVar, cast

import numpy as np
import numpy.typing as npt

from marginlab.engine.margin.by_scenario import ByScenario
from marginlab.engine.margin.fees import maintenance_fee, taker_rate
from marginlab.engine.margin.models import VARIANTS as VARIANTS
from marginlab.engine.margin.models import Position, Scenario, Variant
from marginlab.engine.margin.remembered import Remembered
from marginlab.engine.margin.rules import Schedule, schedule_for
from marginlab.engine.text.said import say

# A price, or an array of prices: the pool formulas take either and answer in kind.
Price = TypeVar("Price", float, npt.NDArray[np.floating[Any]])
T = TypeVar("T")
_MISSING = object()
VARIANT_TITLES = {
    "as_entered": say("As entered"),
    "isolated": say("All isolated"),
    "cross": say("All cross"),
}
PoolKind = Literal["isolated", "cross", "free"]


class Leg(NamedTuple):
    """One position inside a pool, with what the formulas need (a named tuple: a book makes
    one per position at every edit)."""

    position_id: str
    symbol: str
    sign: int
    quantity: float
    entry_price: float
    mark: float
    schedule: Schedule
    entry_maintenance: float

    def upnl(self, price: Price) -> Price:
        """Linear contract PnL ``UPNL = s · Q · (P − EP)`` (formulas.md §0; Binance FAQ
        "unrealized PnL"). ``price`` is a number or an array of prices."""
        return self.sign * self.quantity * (price - self.entry_price)

    def maintenance(self, price: Price) -> Price:
        """MM at ``price`` (``Schedule.maintenance`` of the notional ``Q · P``); on an
        entry-value basis (Bybit USDT contracts, BitMEX) the mark plays no part."""
        if self.schedule.basis == "entry":
            if isinstance(price, np.ndarray):
                return np.full(price.shape, self.entry_maintenance, dtype=price.dtype)
            return self.entry_maintenance
        return self.schedule.maintenance(price * self.quantity)

    def tier_rate(self) -> float:
        """MMR of the tier in force at the mark (at the entry value on an entry basis)."""
        basis = self.entry_price if self.schedule.basis == "entry" else self.mark
        return self.schedule.rates[self.schedule.tier_index(self.quantity * basis)]


class _Segments(NamedTuple):
    """Σ MM of some legs as one piecewise-linear function of the price: on segment ``j``
    (between ``edges[j-1]`` and ``edges[j]``) it is ``x · slopes[j] − amounts[j]``. A named
    tuple (never compared): a cross pool makes one per symbol at every edit."""

    breakpoints: npt.NDArray[np.float64]
    slopes: npt.NDArray[np.float64]
    amounts: npt.NDArray[np.float64]
    edges: list[float]
    # ``slopes`` and ``amounts`` as lists, read one by one by a price's segment.
    slope_list: list[float]
    amount_list: list[float]
    top_rate: float
    schedules: tuple[Schedule, ...]  # held, so the ids in the cache key stay theirs
    # Σ MM at 0 and at every edge: a search asks for the health there at every step.
    at_edges: list[float]


def _maintenance_segments(legs: tuple[Leg, ...]) -> _Segments:
    """The segments of ``legs`` (marked to market). Each leg's ``MM = Q·x·MMR_k − cum_k`` is
    linear between its own tier boundaries ``floor / Q`` (``Schedule.maintenance``), so their
    sum is linear between the union of them: the tier of each leg is read once per segment,
    at its middle, away from any boundary's rounding. Remembered by schedule and quantity: an
    edit rebuilds every pool, and all but one position's legs are as they were."""
    key = tuple((id(leg.schedule), leg.quantity) for leg in legs)
    return _SEGMENTS.get(key, lambda: _segments(legs))


def _segments(legs: tuple[Leg, ...]) -> _Segments:
    if len(legs) == 1:
        found = _single_segments(legs[0])
        if found is not None:
            return found
    if len(legs) > 1:
        return _merged_segments(legs)
    points = {f / leg.quantity for leg in legs for f in leg.schedule.floors[1:]}
    edges = np.array(sorted(points), dtype=float)
    at_edges: list[float] | None = None
    if len(legs) == 1 and len(legs[0].schedule.rates) == edges.size + 1:
        # One leg on distinct floors: its own tiers are the segments, scaled by its quantity;
        # at the edges, its own formula (``SymbolPart.maintenance`` asks the leg's schedule).
        schedule, quantity = legs[0].schedule, legs[0].quantity
        slope = np.array(schedule.rates, dtype=float) * quantity
        amount = np.array(schedule.amounts, dtype=float)
        at_edges = [schedule.maintenance(x * quantity) for x in [0.0, *edges.tolist()]]
    else:
        slope, amount = _lines(legs, edges)
    if at_edges is None:
        with np.errstate(all="ignore"):  # an edge near 10^21 (a quantity near 0): inf, nan
            at_edges = [0.0 - float(amount[0]), *(edges * slope[1:] - amount[1:]).tolist()]
    return _Segments(
        edges,
        slope,
        amount,
        edges.tolist(),
        slope.tolist(),
        amount.tolist(),
        sum(leg.quantity * leg.schedule.rates[-1] for leg in legs),
        tuple(leg.schedule for leg in legs),
        at_edges,
    )


def _merged_segments(legs: tuple[Leg, ...]) -> _Segments:
    """``_segments`` of several legs (``_many_segments`` of one part)."""
    return _many_segments([legs])[0]


def _many_segments(groups: list[tuple[Leg, ...]]) -> list[_Segments]:
    """The segments of parts of several legs each, all in one pass of array operations (a
    cross pool of a big book holds dozens): each part's edges are the union of its legs'
    (each leg's floors over its quantity). A leg's tier rises by one at each of its own
    edges, so the sum's slope and amount change there by that leg's step, and each segment's
    line is the part's first line plus the steps so far: summed part by part, so a part's
    segments are the same whatever other parts it is found with."""
    legs = [leg for group in groups for leg in group]
    count = len(groups)
    sizes = np.array([len(group) for group in groups], dtype=np.intp)
    owner_of_leg = np.repeat(np.arange(count), sizes)
    quantity = np.array([leg.quantity for leg in legs], dtype=float)
    schedules = [leg.schedule for leg in legs]
    ids = list(map(id, schedules))
    unique = {key: schedule for key, schedule in zip(ids, schedules, strict=True)}
    place = {key: r for r, key in enumerate(unique)}
    row = np.array([place[key] for key in ids], dtype=np.intp)
    floors, rate_steps, amount_steps, first_rate, first_amount, top_rate = _stepped(
        list(unique.values())
    )
    with np.errstate(all="ignore"):  # a quantity near 0: edges near 10^308, inf
        every_edge = floors[row, 1:] / quantity[:, None]
    real = np.isfinite(floors[row, 1:])
    value = every_edge[real]
    owner = np.broadcast_to(owner_of_leg[:, None], every_edge.shape)[real]
    slope_step = (quantity[:, None] * rate_steps[row])[real]
    amount_step = amount_steps[row][real]
    # By owner, then by value, ties kept in order: a complex number sorts by its real part,
    # then its imaginary one, and a stable sort of it is ``np.lexsort((value, owner))`` at a
    # third of the cost (no value is NaN: floors are numbers, quantities above 0).
    key = np.empty(value.size, dtype=complex)  # set part by part: 1j · inf is nan + inf·j
    key.real, key.imag = owner, value
    order = np.argsort(key, kind="stable")
    value, owner = value[order], owner[order]
    slope_step, amount_step = slope_step[order], amount_step[order]
    fresh = np.ones(value.size, dtype=bool)
    fresh[1:] = (value[1:] != value[:-1]) | (owner[1:] != owner[:-1])
    starts = np.flatnonzero(fresh)
    edges, edge_owner = value[starts], owner[starts]
    if value.size:  # legs sharing an edge: their steps add up there
        slope_step = np.add.reduceat(slope_step, starts)
        amount_step = np.add.reduceat(amount_step, starts)
    edge_counts = np.bincount(edge_owner, minlength=count)
    first_edge = np.concatenate(([0], np.cumsum(edge_counts)[:-1])).astype(np.intp)
    # Each part's first line, then its steps summed within the part (one row each).
    within = np.arange(edges.size) - first_edge[edge_owner]
    line_slope = np.zeros((count, int(edge_counts.max(initial=0)) + 1))
    line_amount = np.zeros(line_slope.shape)
    line_slope[:, 0] = np.bincount(owner_of_leg, quantity * first_rate[row], count)
    line_amount[:, 0] = np.bincount(owner_of_leg, first_amount[row], count)
    line_slope[edge_owner, within + 1] = slope_step
    line_amount[edge_owner, within + 1] = amount_step
    line_slope = np.cumsum(line_slope, axis=1)
    line_amount = np.cumsum(line_amount, axis=1)
    with np.errstate(all="ignore"):  # an edge near 10^21 (a quantity near 0): inf, nan
        # Σ MM at each edge, on the line that starts there; at 0, the first line's.
        at_edge = edges * line_slope[edge_owner, within + 1] - line_amount[edge_owner, within + 1]
    at_zero = (0.0 - line_amount[:, 0]).tolist()
    tops = np.bincount(owner_of_leg, quantity * top_rate[row], count).tolist()
    edge_list, at_list = edges.tolist(), at_edge.tolist()
    slope_lists, amount_lists = line_slope.tolist(), line_amount.tolist()
    held = tuple(unique.values())  # every part's schedules, kept alive by each (the cache keys)
    out = []
    for g, n, e0 in zip(range(count), edge_counts.tolist(), first_edge.tolist(), strict=True):
        out.append(
            _Segments(
                edges[e0 : e0 + n],
                line_slope[g, : n + 1],
                line_amount[g, : n + 1],
                edge_list[e0 : e0 + n],
                slope_lists[g][: n + 1],
                amount_lists[g][: n + 1],
                tops[g],
                held,
                [at_zero[g], *at_list[e0 : e0 + n]],
            )
        )
    return out


def _stepped(schedules: list[Schedule]) -> tuple[FloatArray, ...]:
    """The schedules' floors (one row each, padded with inf), each tier's rise in rate and in
    amount over the tier before, their first rate and amount, and their top rate; remembered
    by the schedules (a pre-trade check builds its symbol's part at dozens of sizes)."""
    key = tuple(map(id, schedules))
    found = _STEPPED.peek(key)
    if found is None:
        found = (tuple(schedules), _laid_out_steps(schedules))  # held: the ids stay theirs
        _STEPPED.put(key, found)
    return found[1]


_STEPPED: Remembered[tuple[int, ...], tuple[tuple[Schedule, ...], tuple[FloatArray, ...]]]
_STEPPED = Remembered(4_096)


def _laid_out_steps(schedules: list[Schedule]) -> tuple[FloatArray, ...]:
    steps = [schedule_steps(schedule) for schedule in schedules]
    count = len(steps)
    sizes = np.array([found[0].size for found in steps], dtype=np.intp)
    widest = int(sizes.max())
    floors = np.full(count * widest, np.inf)
    floors[_laid_out(sizes, widest)] = np.concatenate([found[0] for found in steps])
    rate_steps = np.zeros(count * (widest - 1))
    amount_steps = np.zeros(count * (widest - 1))
    inner = _laid_out(sizes - 1, widest - 1)
    rate_steps[inner] = np.concatenate([found[1] for found in steps])
    amount_steps[inner] = np.concatenate([found[2] for found in steps])
    ends = np.array([found[3] for found in steps], dtype=float).reshape(count, 3)
    return (
        floors.reshape(count, widest),
        rate_steps.reshape(count, widest - 1),
        amount_steps.reshape(count, widest - 1),
        ends[:, 0],
        ends[:, 1],
        ends[:, 2],
    )


def _laid_out(sizes: npt.NDArray[np.intp], width: int) -> npt.NDArray[np.intp]:
    """Where rows of ``sizes`` values go, each from the start of its own row of ``width``,
    in a flat array of those rows."""
    within = np.arange(int(sizes.sum())) - np.repeat(np.cumsum(sizes) - sizes, sizes)
    return np.repeat(np.arange(sizes.size) * width, sizes) + within


def _lines(
    legs: tuple[Leg, ...], edges: npt.NDArray[np.float64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Σ MM of ``legs`` on each segment between ``edges`` (and before the first, past the
    last), as its slope and amount: each leg's tier read at the segment's middle, away from
    any boundary's rounding."""
    starts = np.concatenate(([0.0], edges))
    with np.errstate(over="ignore"):  # edges near 10^308 (a quantity near 0): inf, the top
        ends = np.concatenate((edges, [edges[-1] * 2 + 1 if edges.size else 1.0]))
        middles = (starts + ends) / 2
    slope = np.zeros(middles.shape)
    amount = np.zeros(middles.shape)
    by_schedule: dict[int, list[Leg]] = {}
    for leg in legs:
        by_schedule.setdefault(id(leg.schedule), []).append(leg)
    for group in by_schedule.values():  # every leg on one schedule in one array operation
        floors, rates, amounts = schedule_arrays(group[0].schedule)
        quantities = np.array([leg.quantity for leg in group])
        with np.errstate(over="ignore"):  # a middle near 10^308 (as above): inf, the top
            notionals = np.outer(quantities, middles)
        tiers = np.maximum(np.searchsorted(floors, notionals, side="right") - 1, 0)
        slope += quantities @ rates[tiers]
        amount += amounts[tiers].sum(axis=0)
    return slope, amount


def _single_segments(leg: Leg) -> _Segments | None:
    """One leg on floors that stay distinct at its quantity (every isolated position): its
    own tiers are the segments, scaled by its quantity, and at the edges its own formula
    (``SymbolPart.maintenance`` asks the leg's schedule). In plain lists, as the numbers the
    array build (``_segments``) makes: a book holds thousands of them."""
    schedule, quantity = leg.schedule, leg.quantity
    edges = [floor / quantity for floor in schedule.floors[1:]]
    if any(b <= a for a, b in itertools.pairwise(edges)):
        return None  # floors that meet at this quantity: the general build merges them
    slopes = [rate * quantity for rate in schedule.rates]
    amounts = [float(amount) for amount in schedule.amounts]
    return _Segments(
        np.array(edges, dtype=float),
        np.array(slopes),
        np.array(amounts),
        edges,
        slopes,
        amounts,
        quantity * schedule.rates[-1],
        (schedule,),
        [schedule.maintenance(x * quantity) for x in [0.0, *edges]],
    )


_SEGMENTS: Remembered[tuple[tuple[int, float], ...], _Segments] = Remembered(20_000)

FloatArray = npt.NDArray[np.float64]


def schedule_arrays(schedule: Schedule) -> tuple[FloatArray, FloatArray, FloatArray]:
    """A schedule's floors, rates and amounts as arrays, made once per schedule."""
    found = _ARRAYS.get(id(schedule), lambda: (schedule, *_arrays_of(schedule)))
    if found[0] is not schedule:  # held, so its id is its own; else a schedule forgotten
        return _arrays_of(schedule)
    return found[1], found[2], found[3]


def _arrays_of(schedule: Schedule) -> tuple[FloatArray, FloatArray, FloatArray]:
    return (
        np.asarray(schedule.floors, dtype=float),
        np.asarray(schedule.rates, dtype=float),
        np.asarray(schedule.amounts, dtype=float),
    )


_ARRAYS: Remembered[int, tuple[Schedule, FloatArray, FloatArray, FloatArray]] = Remembered(4_096)


def schedule_steps(
    schedule: Schedule,
) -> tuple[FloatArray, FloatArray, FloatArray, tuple[float, float, float]]:
    """A schedule's floors, each tier's rise in rate and in amount over the tier before, and
    its first rate, first amount and top rate: made once per schedule (``_many_segments``)."""
    found = _STEPS.peek(id(schedule))
    if found is None:
        found = (schedule, *_steps_of(schedule))
        _STEPS.put(id(schedule), found)
    elif found[0] is not schedule:  # held, so its id is its own; else a schedule forgotten
        return _steps_of(schedule)
    return found[1], found[2], found[3], found[4]


def _steps_of(
    schedule: Schedule,
) -> tuple[FloatArray, FloatArray, FloatArray, tuple[float, float, float]]:
    floors, rates, amounts = schedule_arrays(schedule)
    ends = (float(rates[0]), float(amounts[0]), schedule.rates[-1])
    return floors, np.diff(rates), np.diff(amounts), ends


_STEPS: Remembered[
    int, tuple[Schedule, FloatArray, FloatArray, FloatArray, tuple[float, float, float]]
] = Remembered(4_096)


class SymbolPart:
    """A pool's legs in one symbol. Pool equity and health are sums of one such part per
    symbol plus the cash, each part a function of its own symbol's price only: so a move of
    one symbol changes one part, and a search along one price touches only its legs.

    ``equity(x) = x · Σ s·Q − Σ s·Q·EP`` (summed per symbol, so a hedge's legs cancel exactly
    even at extreme prices); ``maintenance(x) = Σ MM of its legs``, one line per segment
    between tier boundaries (``_Segments``): a price costs one lookup, whatever its legs."""

    __slots__ = (
        "_boundary_array",
        "_boundary_health",
        "_single",
        "amount_list",
        "amounts",
        "at_edges",
        "breakpoints",
        "cost",
        "edges",
        "fixed",
        "legs",
        "lowest_terms",
        "net",
        "roots",
        "slope_list",
        "slopes",
        "symbol",
        "top_rate",
    )

    def __init__(
        self,
        symbol: str,
        legs: tuple[Leg, ...],
        marked: tuple[Leg, ...] | None = None,
        segments: _Segments | None = None,
    ) -> None:
        """``marked``: the legs on a mark basis, and ``segments`` theirs, when the caller
        found them (a pool finds every part's at once)."""
        self.symbol = symbol
        self.legs = legs
        self.net = 0.0
        self.cost = 0.0
        for leg in legs:
            self.net += leg.sign * leg.quantity
            self.cost += leg.sign * leg.quantity * leg.entry_price
        if marked is None:
            marked = tuple(leg for leg in legs if leg.schedule.basis == "mark")
        # Entry-basis legs (Bybit USDT, BitMEX): maintenance fixed by the entry value.
        self.fixed = (
            sum(leg.entry_maintenance for leg in legs if leg.schedule.basis == "entry")
            if len(marked) < len(legs)
            else 0
        )
        if segments is None:
            segments = _maintenance_segments(marked)
        self.top_rate = segments.top_rate
        self.breakpoints = segments.breakpoints
        self.edges = segments.edges
        self.slopes = segments.slopes
        if self.fixed:
            self.amounts = segments.amounts - self.fixed
            self.slope_list = segments.slope_list
            self.amount_list = [amount - self.fixed for amount in segments.amount_list]
        else:
            self.amounts = segments.amounts
            self.slope_list, self.amount_list = segments.slope_list, segments.amount_list
        self.at_edges = segments.at_edges  # Σ MM at 0 and at every edge
        self._boundary_health: list[float] | None = None
        self._boundary_array: npt.NDArray[np.float64] | None = None
        # One leg marked to market (every isolated position): its own schedule, so its figures
        # round exactly as that position's formula does, and two positions alike tie exactly.
        self._single = (marked[0].schedule, marked[0].quantity) if len(marked) == 1 else None
        # Where health is 0, by the rest of the pool's health (``max_loss``): an isolated
        # part's rest is its cash, so its roots are found once for every search that sees it.
        self.roots: Remembered[float, list[float]] = Remembered(4_096)
        # Its lowest health and equity over a move of its symbol (``max_loss.lowest_worth``):
        # a pre-trade check's probes share the book's cross pool's parts.
        self.lowest_terms: tuple[float, float] | None = None

    def single(self) -> tuple[Schedule, float] | None:
        """The schedule and quantity of the part's marked leg, when it has one only."""
        return self._single

    def equity(self, price: Price) -> Price:
        return price * self.net - self.cost

    def maintenance(self, price: Price) -> Price:
        if self._single is not None:
            schedule, quantity = self._single
            return self.fixed + schedule.maintenance(price * quantity)
        if isinstance(price, np.ndarray):
            kind = price.dtype
            if price.size:
                # The usual case, as ``Schedule.maintenance`` has it: every price on one
                # segment (a block of a Monte Carlo path moves a few %), one multiply-add.
                low, high = float(price.min()), float(price.max())
                first = bisect.bisect_right(self.edges, low)
                if first == bisect.bisect_right(self.edges, high) and low == low and high == high:
                    slope, amount = (
                        self.slopes.astype(kind)[first],
                        self.amounts.astype(kind)[first],
                    )
                    one: Price = price * slope - amount
                    return one
            j = np.searchsorted(self.breakpoints, price, side="right")
            result: Price = price * self.slopes.astype(kind)[j] - self.amounts.astype(kind)[j]
            return result
        j = bisect.bisect_right(self.edges, price)
        return price * self.slope_list[j] - self.amount_list[j]

    def health(self, price: Price) -> Price:
        return self.equity(price) - self.maintenance(price)

    def final_slope(self) -> float:
        """d health / d price beyond every tier boundary."""
        return self.net - self.top_rate

    def boundary_health(self) -> list[float]:
        """The part's health at 0 and at every tier boundary (``[0, *breakpoints]``), found
        once: a search asks for them at every step, with a different rest of the pool."""
        if self._boundary_health is None:
            net, cost, fixed = self.net, self.cost, self.fixed
            self._boundary_health = [
                x * net - cost - (maintenance + fixed)
                for x, maintenance in zip([0.0, *self.edges], self.at_edges, strict=True)
            ]
        return self._boundary_health

    def keep_boundary_array(self, found: npt.NDArray[np.float64]) -> None:
        """``boundary_array`` found elsewhere (``slices.many_roots``, each element as here)."""
        if self._boundary_array is None:
            self._boundary_array = found

    def boundary_array(self) -> npt.NDArray[np.float64]:
        """``boundary_health`` as an array (each element as there), made once."""
        if self._boundary_array is None:
            at = np.concatenate(([0.0], self.breakpoints))
            maintenance = np.asarray(self.at_edges, dtype=float)
            with np.errstate(all="ignore"):  # an edge near 10^308: inf, as in floats
                found = at * self.net - self.cost - (maintenance + self.fixed)
            self._boundary_array = found
        return self._boundary_array


@dataclass(frozen=True, slots=True)
class Pool:
    """Collateral and the legs it backs. ``free`` pools hold no positions and never liquidate."""

    name: str
    kind: PoolKind
    cash: float
    legs: tuple[Leg, ...]
    # One part per symbol, in the order the symbols first appear (set once, below).
    parts: dict[str, SymbolPart] = field(init=False, repr=False, compare=False)
    # Σ equity and Σ MM of every part at its legs' marks, summed once (``totals_at_marks``).
    _totals: tuple[float, float] | None = field(default=None, init=False, repr=False, compare=False)
    # Figures derived from the pool alone, found once: a pool is built again only when
    # something that decides it changes (``build_pools``, ``isolated_pool``). Keys: "at
    # marks" (``at_marks``), the positions' figures by outcome (``evaluate``), "lowest
    # worth" and "parts at" some prices (``max_loss``), "crossings" (``solver``).
    memo: dict[object, Any] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        by_symbol: dict[str, list[Leg]] = {}
        for leg in self.legs:
            by_symbol.setdefault(leg.symbol, []).append(leg)
        if len(by_symbol) > 1:  # its parts of several legs: their segments found at once
            parts = _parts_at_once(by_symbol)
        else:
            parts = {s: SymbolPart(s, tuple(legs)) for s, legs in by_symbol.items()}
        object.__setattr__(self, "parts", parts)

    def totals_at_marks(self) -> tuple[float, float]:
        """Σ part equity and Σ part MM at the legs' marks, computed once per pool: a
        liquidation price moves one symbol, and the other parts add this less its own."""
        if self._totals is None:
            equity = maintenance = 0.0
            for part in self.parts.values():
                mark = part.legs[0].mark
                equity += float(part.equity(mark))
                maintenance += float(part.maintenance(mark))
            object.__setattr__(self, "_totals", (equity, maintenance))
        assert self._totals is not None
        return self._totals

    def remembered(self, key: object, compute: Callable[[], T]) -> T:
        """The figure ``memo`` holds for ``key``, else ``compute()``'s, kept there (None
        included: "no move liquidates it" is a finding too)."""
        found = self.memo.get(key, _MISSING)
        if found is _MISSING:
            found = self.memo[key] = compute()
        return cast(T, found)

    def at_marks(self) -> tuple[float, float]:
        """Pool equity and Σ MM at its legs' marks (``equity``, ``maintenance``: the cash
        first, as a move's figures sum), found once per pool: the report and the sweep ask
        for them at every edit that keeps the pool. ``totals_at_marks`` leaves the cash out."""
        return self.remembered("at marks", self._at_marks)

    def past_liquidation(self) -> bool:
        """Whether the pool is liquidated at its legs' marks already (health there ≤ 0, summed
        as ``at_marks`` sums it): the test the report, the replay and the Monte Carlo share."""
        equity, maintenance = self.at_marks()
        return bool(self.legs) and equity - maintenance <= 0

    def _at_marks(self) -> tuple[float, float]:
        marks = {leg.symbol: leg.mark for leg in self.legs}
        return (float(self.equity(marks)), float(self.maintenance(marks)))

    def equity(self, prices: Mapping[str, Price]) -> Price:
        """Pool equity ``cash + Σ s · Q · (P − EP)`` (DESIGN §1; Binance FAQ: wallet balance
        plus unrealized PnL), summed symbol by symbol (``SymbolPart.equity``). The one
        pool-equity function of the engine: ``prices`` are numbers (the report, the solver) or
        arrays of one shape (sweeps, replays, Monte Carlo)."""
        total = cast(Price, self.cash)  # type: ignore[redundant-cast]
        for symbol, part in self.parts.items():
            total = total + part.equity(prices[symbol])
        return total

    def maintenance(self, prices: Mapping[str, Price]) -> Price:
        """Σ MM of the pool's legs at ``prices`` (numbers or arrays)."""
        total = cast(Price, 0.0)  # type: ignore[redundant-cast]
        for symbol, part in self.parts.items():
            total = total + part.maintenance(prices[symbol])
        return total

    def lowest_health(self, low: Mapping[str, Price], high: Mapping[str, Price]) -> Price:
        """The lowest health while each symbol's price ranges over [low, high] (a candle).

        Health is a sum of one concave term per symbol (``solver``: maintenance is convex in
        the price), so each term is lowest at its own low or its own high, independently of
        the others: one check per symbol, not one per combination of lows and highs.
        """
        total = cast(Price, self.cash)  # type: ignore[redundant-cast]
        for symbol, part in self.parts.items():
            total = total + np.minimum(part.health(low[symbol]), part.health(high[symbol]))
        return total

    def lowest_equity(self, low: Mapping[str, Price], high: Mapping[str, Price]) -> Price:
        """The lowest equity while each symbol's price ranges over [low, high] (a candle):
        equity is linear in each price, so each symbol's term is lowest at its own low or
        its own high (as ``lowest_health``)."""
        total = cast(Price, self.cash)  # type: ignore[redundant-cast]
        for symbol, part in self.parts.items():
            total = total + np.minimum(part.equity(low[symbol]), part.equity(high[symbol]))
        return total

    def health(self, prices: Mapping[str, Price]) -> Price:
        """``equity − Σ MM``: the pool is liquidated when this is ≤ 0 (Binance FAQ, Hyperliquid
        docs "Liquidations": account value below maintenance margin)."""
        return self.equity(prices) - self.maintenance(prices)


def _parts_at_once(by_symbol: dict[str, list[Leg]]) -> dict[str, SymbolPart]:
    """Each symbol's ``SymbolPart``, the segments of every part of several marked legs found
    in one ``_many_segments`` (remembered, as ``_maintenance_segments`` remembers them)."""
    marked_of, key_of = {}, {}
    missing: dict[tuple[tuple[int, float], ...], tuple[Leg, ...]] = {}
    for symbol, legs in by_symbol.items():
        marked = marked_of[symbol] = tuple(leg for leg in legs if leg.schedule.basis == "mark")
        key = key_of[symbol] = tuple((id(leg.schedule), leg.quantity) for leg in marked)
        if len(marked) > 1 and _SEGMENTS.peek(key) is None:
            missing[key] = marked
    if len(missing) > 1:
        found = _many_segments(list(missing.values()))
        for key, made in zip(missing, found, strict=True):
            _SEGMENTS.put(key, made)
    parts = {}
    for symbol, legs in by_symbol.items():
        marked, key = marked_of[symbol], key_of[symbol]
        segments = _SEGMENTS.peek(key)
        if segments is None:
            segments = _segments(marked)
            _SEGMENTS.put(key, segments)
        parts[symbol] = SymbolPart(symbol, tuple(legs), marked, segments)
    return parts


_SCHEDULES: Remembered[tuple[str, str, float | None, float | None], Schedule]
_SCHEDULES = Remembered(20_000)


def schedule_of(rules: str, position: Position) -> Schedule:
    """``schedule_for``, remembered by what decides it (rules, symbol, the overrides), not by
    the position's hash: hashing each of thousands of positions costs more than the lookup."""
    key = (rules, position.symbol, position.maintenance_rate, position.maintenance_amount)
    found = _SCHEDULES.peek(key)
    if found is None:
        found = schedule_for(rules, position)
        _SCHEDULES.put(key, found)
    return found


def clear_pools_cache() -> None:
    """Forget the pools built so far (a benchmark measures a fresh build)."""
    _SEGMENTS.clear()
    _STEPPED.clear()
    _POOLS.clear()
    _SHARED.clear()
    _ISOLATED.clear()
    _HELD.clear()
    _ISOLATED_MARGINS.clear()
    _BOOK_LEGS.clear()
    _BOOK_ISOLATED.clear()


def clear_schedule_cache() -> None:
    """Forget the schedules looked up so far (after a tier table was imported)."""
    _SCHEDULES.clear()
    _SEGMENTS.clear()
    _STEPPED.clear()
    _POOLS.clear()
    _SHARED.clear()
    _ISOLATED.clear()
    _BOOK_LEGS.clear()


def make_leg(rules: str, position: Position, mark: float, fee_rate: float = 0.0) -> Leg:
    """A position as its pool sees it. On a venue that counts the fee to close inside the
    maintenance margin (``fees.CLOSE_FEE_IN_MAINTENANCE``, all on an entry basis) that fee is
    part of the fixed entry maintenance."""
    schedule = schedule_of(rules, position)
    return Leg(
        position.id,
        position.symbol,
        position.sign,
        position.quantity,
        position.entry_price,
        mark,
        schedule,
        schedule.maintenance(position.entry_notional) + maintenance_fee(rules, position, fee_rate),
    )


def mode_in(variant: Variant, position: Position) -> Literal["isolated", "cross"]:
    """The margin mode ``position`` has in ``variant``."""
    if variant == "as_entered":
        return position.margin_mode
    return variant


def margin_held(scenario: Scenario, position: Position) -> float:
    """The margin an isolated position holds: the margin given, else ``Q·EP / leverage`` plus,
    on a venue that counts the fee to close in its maintenance margin, that fee (Bybit UTA
    "Initial Margin = Position Value / Leverage + Estimated Fee to Close Position"; so a
    default margin's liquidation price is the venue's own, fee or not)."""
    return held_margin(scenario.rules, taker_rate(scenario), position)


def held_margin(rules: str, rate: float, position: Position) -> float:
    """``margin_held`` from the rule set and the taker rate, without a scenario (an import's
    rows, before they are one)."""
    if position.margin is not None:
        return position.margin
    return position.isolated_margin + maintenance_fee(rules, position, rate)


def margins_held(scenario: Scenario) -> list[float]:
    """``margin_held`` of every position, in order; found once per scenario: each variant's
    pools, its isolated margins' scale and its warnings ask for them."""
    return _HELD.get(scenario, None)


def _margins_held(scenario: Scenario, _: None) -> list[float]:
    """From the book's columns, which find each position's at once (as ``held_margin``)."""
    from marginlab.engine.margin.columns import book_columns  # columns build on pools

    held: list[float] = book_columns(scenario).held.tolist()
    return held


_HELD: ByScenario[None, list[float]] = ByScenario(_margins_held, kept=12)


def isolated_margin_scale(scenario: Scenario, variant: Variant) -> float:
    """1, or the share of each isolated margin that fits the wallet when a variant's isolated
    margins add up to more than it holds (only "all isolated" can: the scenario file refuses
    it as entered). A venue would not open them all; this variant assumes the wallet is split
    across the isolated positions in proportion to their margins, so no pool starts with
    money the account does not have and equity never goes below 0."""
    total = isolated_margins(scenario, variant)
    wallet = scenario.account.wallet_balance
    return wallet / total if total > wallet * (1 + 1e-12) else 1.0


def isolated_margins(scenario: Scenario, variant: Variant) -> float:
    """Σ ``margin_held`` of the positions isolated in ``variant``; found once per scenario
    and variant (its pools, its columns and its warnings ask)."""
    return _ISOLATED_MARGINS.get(scenario, variant)


def _isolated_margins(scenario: Scenario, variant: Variant) -> float:
    return sum(
        held
        for p, held in zip(scenario.positions, margins_held(scenario), strict=True)
        if mode_in(variant, p) == "isolated"
    )


_ISOLATED_MARGINS: ByScenario[Variant, float] = ByScenario(_isolated_margins, kept=12)


def build_pools(scenario: Scenario, variant: Variant) -> tuple[Pool, ...]:
    """The pools of ``variant``: isolated pools first, then the cross (or free) pool last.
    Remembered by the scenario object: an edit evaluates, searches and sweeps the same
    scenario, and a book of thousands of positions is costly to group."""
    return _POOLS.get(scenario, variant)


def _build_pools(scenario: Scenario, variant: Variant) -> tuple[Pool, ...]:
    marks = scenario.marks()
    scale = isolated_margin_scale(scenario, variant)
    fee_rate = taker_rate(scenario)
    pools: list[Pool] = []
    for position, held in zip(scenario.positions, margins_held(scenario), strict=True):
        if mode_in(variant, position) == "isolated":
            mark = marks[position.symbol]
            pools.append(isolated_pool(scenario.rules, position, mark, held * scale, fee_rate))
    pools.append(shared_pool(scenario, variant))
    return tuple(pools)


def shared_pool(scenario: Scenario, variant: Variant) -> Pool:
    """The last pool of ``variant``: the cross pool (the wallet less every isolated margin,
    and the cross positions), or the free balance where no position is cross. Remembered by
    the scenario object, as ``build_pools``."""
    return _SHARED.get(scenario, variant)


def _shared_pool(scenario: Scenario, variant: Variant) -> Pool:
    cross_legs: list[Leg] = []
    isolated_total = 0.0  # summed in the positions' order: the same figure at every build
    scale = isolated_margin_scale(scenario, variant)
    every = book_legs(scenario)
    for position, held, leg in zip(scenario.positions, margins_held(scenario), every, strict=True):
        if mode_in(variant, position) == "isolated":
            isolated_total += held * scale
        else:
            cross_legs.append(leg)
    rest = max(scenario.account.wallet_balance - isolated_total, 0.0)
    if cross_legs:
        return Pool("cross", "cross", rest, tuple(cross_legs))
    return Pool("free balance", "free", rest, ())


_SHARED: ByScenario[Variant, Pool] = ByScenario(_shared_pool, kept=12)


def book_legs(scenario: Scenario) -> list[Leg]:
    """Every position's leg at today's marks (``make_leg``), in order; made once per
    scenario (each variant's cross pool takes its own from them)."""
    return _BOOK_LEGS.get(scenario, None)


def _book_legs(scenario: Scenario, _: None) -> list[Leg]:
    """Each leg's terms as ``make_leg`` finds them, from the book's columns (its schedules and
    entry maintenance found there once, for every position at once)."""
    from marginlab.engine.margin.columns import book_columns  # columns build on pools

    book = book_columns(scenario)
    marks, positions = scenario.marks(), scenario.positions
    return list(
        map(
            Leg,
            [p.id for p in positions],
            [p.symbol for p in positions],
            [p.sign for p in positions],
            [p.quantity for p in positions],
            [p.entry_price for p in positions],
            [marks[p.symbol] for p in positions],
            book.schedules,
            book.entry_maintenance.tolist(),
        )
    )


_BOOK_LEGS: ByScenario[None, list[Leg]] = ByScenario(_book_legs, kept=6)


_POOLS: ByScenario[Variant, tuple[Pool, ...]] = ByScenario(_build_pools, kept=12)


def as_entered_with_order(account: Scenario, before: Scenario) -> tuple[Pool, ...]:
    """``build_pools(account, "as_entered")`` for an ``account`` that is ``before`` with one
    position more, last (an order opened: ``planning.opened``), made from ``before``'s pools:
    the same pools, summed in the same order, without walking the book again. A pre-trade
    search opens its order at dozens of sizes; each probe is used once, so neither its pool
    nor its leg is remembered. Any other ``account`` is built whole."""
    position = account.positions[-1]
    marks = before.marks()
    given = position.mark_price
    mark = marks.get(position.symbol, position.entry_price if given is None else given)
    if (
        len(account.positions) != len(before.positions) + 1
        or (before.positions and account.positions[0] is not before.positions[0])
        or (given is not None and given != mark)  # a mark that would move its symbol's
        or account.account != before.account
        or account.rules != before.rules
        or account.taker_fee != before.taker_fee
        or position.inverse
        or before.coin_margined
    ):
        return build_pools(account, "as_entered")
    *isolated, last = build_pools(before, "as_entered")
    rate = taker_rate(account)
    held = held_margin(account.rules, rate, position)
    # Past the wallet (a venue's fee to close on top: ``isolated_margin_scale``) the general
    # build scales them all: the book's pools already were, and adding the order's tips it over.
    isolated_total = _BOOK_ISOLATED.get(before, None)
    added: Leg | None = None
    if position.margin_mode == "isolated":
        if isolated_total + held > account.account.wallet_balance * (1 + 1e-12):
            return build_pools(account, "as_entered")  # scaled: the general build's
        isolated_total += held
        leg = make_leg(account.rules, position, mark, rate)
        isolated.append(Pool(f"isolated {position.id}", "isolated", held, (leg,)))
    else:
        added = make_leg(account.rules, position, mark, rate)
    rest = max(account.account.wallet_balance - isolated_total, 0.0)
    if last.legs or added is not None:
        return (*isolated, _cross_with(last, rest, added))
    return (*isolated, Pool("free balance", "free", rest, ()))


def _book_isolated(before: Scenario, _: None) -> float:
    """The margins of the book's isolated pools as entered, summed in position order as
    ``_build_pools`` sums them: every probe of a pre-trade check adds its order's to it."""
    total = 0.0
    for pool in build_pools(before, "as_entered")[:-1]:
        total += pool.cash
    return total


_BOOK_ISOLATED: ByScenario[None, float] = ByScenario(_book_isolated, kept=4)


def _cross_with(last: Pool, cash: float, leg: Leg | None) -> Pool:
    """``Pool("cross", "cross", cash, (*last.legs, leg))``, keeping ``last``'s symbol parts
    where ``leg`` leaves them alone (all of them without one): a part is its legs' alone, and
    ``Pool`` groups legs in this order, the new leg last in its symbol's part."""
    pool = Pool("cross", "cross", cash, ())
    parts = dict(last.parts)
    legs = last.legs
    if leg is not None:
        legs = (*legs, leg)
        before = parts[leg.symbol].legs if leg.symbol in parts else ()
        parts[leg.symbol] = SymbolPart(leg.symbol, (*before, leg))
    object.__setattr__(pool, "legs", legs)
    object.__setattr__(pool, "parts", parts)
    return pool


def isolated_pool(rules: str, position: Position, mark: float, margin: float, fee: float) -> Pool:
    """An isolated position's pool, remembered by everything that decides it (the rules, the
    position's every field, its mark, margin and fee rate): it is the same pool in "as
    entered" and "all isolated", and an edit of one position leaves every other one's alone,
    with the figures and thresholds it already holds (``Pool.memo``, ``SymbolPart.roots``)."""
    key = (rules, mark, margin, fee, *position.__dict__.values())
    return _ISOLATED.get(
        key,
        lambda: Pool(
            f"isolated {position.id}", "isolated", margin, (make_leg(rules, position, mark, fee),)
        ),
    )


# Two variants' worth of a 5,000-position book (about 4.6 KB a pool with its figures).
_ISOLATED: Remembered[tuple[object, ...], Pool] = Remembered(12_000)


def equity_now(pool: Pool, marks: Mapping[str, float]) -> float:
    """Pool equity at today's marks, floored at 0: a venue never leaves a pool below 0 (the
    insurance fund covers the rest; Binance "Insurance Fund", Hyperliquid docs)."""
    return max(float(pool.equity(marks)), 0.0)


def start_equity(scenario: Scenario) -> float:
    """The account's equity today, as entered: Σ pool equity at the marks, each floored at 0
    (the start line of plots, replays and Monte Carlo runs)."""
    # Each pool's equity at its legs' marks (today's) is remembered on it (``Pool.at_marks``):
    # a sweep asks at every keystroke, and an edit keeps all pools but a few.
    return sum(max(pool.at_marks()[0], 0.0) for pool in build_pools(scenario, "as_entered"))
