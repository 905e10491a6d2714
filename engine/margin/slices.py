"""Pools seen along one symbol's price, the other prices held (the max-loss search).

A pool's health and equity are a constant plus the part of the symbol that moves
(``SymbolPart``): ``Slice`` is that view of one pool. ``AlonePools`` holds every live pool of
one symbol only (each isolated position; a cross pool of one symbol): nothing else moves
them, so their thresholds are found once per search, and their worth at many prices is one
array operation per tier schedule rather than one per pool.
"""

from __future__ import annotations

import math
from itertools import chain
from typing import TYPE_CHECKING, Any, cast

import numpy as np
import numpy.typing as npt

from marginlab.engine.margin.pools import Pool, SymbolPart, schedule_arrays
from marginlab.engine.margin.remembered import Remembered
from marginlab.engine.margin.report import MAX_PRICE
from marginlab.engine.margin.rules import FloatArray, Schedule

if TYPE_CHECKING:
    from marginlab.engine.margin.columns import IntArray, IsolatedColumns, Tiers

NUDGE = 1e-9  # past a threshold by this fraction: liquidated there, whatever the rounding
SCALAR_WORK = 48  # places × pools a line search evaluates one by one; more as arrays
_LONG_PART = 24  # tier boundaries of a part from which its roots are found over an array


class Slice:
    """One pool seen along one symbol's price, the other prices held: health and equity are
    a constant plus that symbol's part (``SymbolPart``)."""

    __slots__ = ("equity0", "health0", "part")

    def __init__(self, part: SymbolPart, health0: float, equity0: float) -> None:
        self.part = part
        self.health0 = health0
        self.equity0 = equity0

    @classmethod
    def apart(
        cls,
        part: SymbolPart,
        part_equity: float,
        part_maintenance: float,
        health: float,
        equity: float,
    ) -> Slice:
        """The pool seen along ``part``'s symbol from where it stands (its ``health`` and
        ``equity``, the part's own equity and maintenance there): all but the part is held."""
        return cls(part, health - (part_equity - part_maintenance), equity - part_equity)

    def worth(self, x: float) -> float:
        """Equity at ``x`` if the pool survives a move there, else 0."""
        if self.health0 + float(self.part.health(x)) <= 0:
            return 0.0
        return self.equity0 + float(self.part.equity(x))

    def worths(self, xs: FloatArray) -> FloatArray:
        """Equity at each price of ``xs`` if the pool survives a move there, else 0."""
        with np.errstate(all="ignore"):  # a price typed near 0 or 10^12: inf, as in floats
            alive = self.health0 + self.part.health(xs) > 0
            result: FloatArray = np.where(alive, self.equity0 + self.part.equity(xs), 0.0)
        return result

    def roots(self) -> list[float]:
        """Every price in (0, ∞) where health is 0, remembered on the part by the rest of the
        pool's health (``SymbolPart.roots``): an isolated pool's rest is its cash, so its
        roots are found once, not once per step of every descent, nor again in the other
        variant or after an edit of another position, which see the same pool."""
        return self.part.roots.get(self.health0, self._roots)

    def _roots(self) -> list[float]:
        """Health is piecewise linear between tier boundaries and concave (``solver``), so it
        rises to one peak and falls after it: the segments that hold the roots are found
        from its values at every boundary at once, and each root is exact on its segment."""
        edges = self.part.edges
        n = len(edges)
        if n > _LONG_PART:  # the same steps over an array: a cross part of many legs
            return self._roots_over_array()
        at: list[float] = [0.0, *edges]
        values = [self.health0 + value for value in self.part.boundary_health()]
        peak = max(range(n + 1), key=values.__getitem__)  # the first of the highest
        rising = falling = None
        if values[peak] > 0:
            if values[0] <= 0:  # rising side: the last point at or below 0
                rising = max(i for i in range(peak + 1) if values[i] <= 0)
            if values[n] <= 0:  # falling side: the last point above 0
                falling = max(i for i in range(peak, n + 1) if values[i] > 0)
        return self._found(at, values, 0, n, peak, rising, falling)

    def _roots_over_array(self) -> list[float]:
        """``_roots`` of a part of many tier boundaries, each step over an array."""
        edges = self.part.edges
        n = len(edges)
        array = self.health0 + self.part.boundary_array()
        peak = int(np.argmax(array))  # the first of the highest
        rising = falling = None
        if array[peak] > 0:
            if array[0] <= 0:
                rising = int(np.flatnonzero(array[: peak + 1] <= 0)[-1])
            if array[n] <= 0:
                falling = peak + int(np.flatnonzero(array[peak:] > 0)[-1])
        at = [0.0, *edges]
        return self._found(at, array.tolist(), 0, n, peak, rising, falling)

    def _found(
        self,
        at: list[float],
        value: list[float],
        start: int,
        n: int,
        peak: int,
        rising: int | None,
        falling: int | None,
    ) -> list[float]:
        """The roots, from where health crosses 0 on each side of its peak (``rising``,
        ``falling``: the boundary before each crossing) or beyond the last boundary. ``at``
        and ``value``: the boundaries and health there, this part's from ``start`` on (the
        indices are its own)."""
        slope = self.part.final_slope()
        roots = []
        if value[start + peak] > 0:
            if rising is not None:
                i = start + rising
                roots.append(_cross(at[i], at[i + 1], value[i], value[i + 1]))
            if falling is not None:
                i = start + falling
                roots.append(_cross(at[i], at[i + 1], value[i], value[i + 1]))
            elif slope < 0:
                roots.append(_beyond(at[start + n], value[start + n], slope))
        elif slope > 0 and value[start + n] <= 0:
            roots.append(_beyond(at[start + n], value[start + n], slope))
        return [r for r in roots if r > 0 and math.isfinite(r)]


def many_roots(slices: list[Slice]) -> None:
    """``Slice.roots`` of many slices at once (every symbol of a cross pool, at the marks),
    remembered on each part as ``roots`` keeps them: the same steps as ``Slice._roots``, each
    over one array of every part's boundaries (``np.*.reduceat``, part by part), then each
    crossing exact on its segment by the same ``_found``. A part whose health is not a number
    at some boundary (an edge near 10^308) is left to its own search, which orders NaN as
    it always has."""
    todo = [piece for piece in slices if piece.part.roots.peek(piece.health0) is None]
    if len(todo) < _MANY_SLICES:
        return  # one by one costs no more
    parts = [piece.part for piece in todo]
    sizes = np.array([len(part.at_edges) for part in parts], dtype=np.intp)
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1])).astype(np.intp)
    edges = np.concatenate([part.breakpoints for part in parts])
    at = np.insert(edges, np.cumsum(sizes - 1) - (sizes - 1), 0.0)  # 0, then each's edges
    maintenance = np.fromiter(chain.from_iterable(part.at_edges for part in parts), float)

    def each(values: list[float]) -> FloatArray:
        return np.repeat(np.array(values, dtype=float), sizes)

    with np.errstate(all="ignore"):  # an edge near 10^308: inf, as in floats
        health = at * each([p.net for p in parts]) - each([p.cost for p in parts])
        health = health - (maintenance + each([p.fixed for p in parts]))
        values = each([piece.health0 for piece in todo]) + health
    index = np.arange(values.size)
    top = np.maximum.reduceat(values, starts)
    peak = np.minimum.reduceat(
        np.where(values == np.repeat(top, sizes), index, values.size), starts
    )
    below = np.repeat(peak, sizes)
    rising = np.maximum.reduceat(np.where((values <= 0) & (index <= below), index, -1), starts)
    falling = np.maximum.reduceat(np.where((values > 0) & (index >= below), index, -1), starts)
    number = np.logical_and.reduceat(~np.isnan(values), starts).tolist()
    at_list, value_list = at.tolist(), values.tolist()
    for g, (piece, part) in enumerate(zip(todo, parts, strict=True)):
        if not number[g]:
            continue
        a = int(starts[g])
        n = int(sizes[g]) - 1
        p = int(peak[g]) - a
        up = down = None
        if value_list[a + p] > 0:
            if value_list[a] <= 0:
                up = int(rising[g]) - a
            if value_list[a + n] <= 0:
                down = int(falling[g]) - a
        part.keep_boundary_array(health[a : a + n + 1])  # a descent reads it
        part.roots.put(piece.health0, piece._found(at_list, value_list, a, n, p, up, down))


_MANY_SLICES = 4  # slices from which their roots are found at once


def slice_worths(pieces: list[Slice], place_lists: list[list[float]]) -> FloatArray:
    """Each slice's worth at each of its own places (``Slice.worth``, element by element),
    slice after slice in one array: every cross symbol's line search at the marks at once.

    A part's maintenance at ``x`` is its segment's line ``x · slope − amount``, the segment
    the count of its edges at or below ``x`` (``SymbolPart.maintenance``); a part of one
    marked leg reads its own schedule, ``fixed + (n · MMR_k − cum_k)`` at the notional
    ``n = x · Q``, ``k`` the count of its floors above the first at or below ``n``
    (``Schedule.maintenance``). Every part's count is one stable sort of its edges and its
    places together, keyed by part, then value (edges first of equals)."""
    count = len(pieces)
    parts = [piece.part for piece in pieces]
    singles = [part.single() for part in parts]
    edge_arrays: list[FloatArray] = []
    slope_arrays: list[FloatArray] = []
    amount_arrays: list[FloatArray] = []
    scale, fixed = [], []
    for part, single in zip(parts, singles, strict=True):
        if single is None:  # its segments' lines, as ``slope_list`` and ``amount_list``
            edge_arrays.append(part.breakpoints)
            slope_arrays.append(part.slopes)
            amount_arrays.append(part.amounts)
            scale.append(1.0)
            fixed.append(0.0)
        else:
            schedule, quantity = single
            floors, rates, amounts = schedule_arrays(schedule)
            edge_arrays.append(floors[1:])
            slope_arrays.append(rates)
            amount_arrays.append(amounts)
            scale.append(quantity)
            fixed.append(float(part.fixed))
    edge_counts = np.array([edges.size for edges in edge_arrays], dtype=np.intp)
    place_counts = np.array([len(places) for places in place_lists], dtype=np.intp)
    xs = np.array([x for places in place_lists for x in places], dtype=float)
    owner = np.repeat(np.arange(count), place_counts)
    at = xs * np.array(scale)[owner]  # the notional for a part of one leg, else the price
    edges = np.concatenate(edge_arrays)
    key = np.empty(edges.size + at.size, dtype=complex)  # set part by part: 1j · inf is nan
    key.real = np.concatenate((np.repeat(np.arange(count), edge_counts), owner))
    key.imag = np.concatenate((edges, at))
    order = np.argsort(key, kind="stable")
    seen = np.cumsum(order < edges.size)  # edges sorted at or before each position
    rank = np.empty(order.size, dtype=np.intp)
    rank[order] = np.arange(order.size)
    below = seen[rank[edges.size :]] - (np.cumsum(edge_counts) - edge_counts)[owner]
    line = below + (np.cumsum(edge_counts + 1) - (edge_counts + 1))[owner]
    slope, amount = np.concatenate(slope_arrays)[line], np.concatenate(amount_arrays)[line]
    net = np.array([part.net for part in parts], dtype=float)[owner]
    cost = np.array([part.cost for part in parts], dtype=float)[owner]
    with np.errstate(all="ignore"):  # a price near 0 or 10^12: inf, as in floats
        maintenance = np.array(fixed)[owner] + (at * slope - amount)
        equity = xs * net - cost
        health0 = np.array([piece.health0 for piece in pieces], dtype=float)[owner]
        equity0 = np.array([piece.equity0 for piece in pieces], dtype=float)[owner]
        alive = health0 + (equity - maintenance) > 0
        worths: FloatArray = np.where(alive, equity0 + equity, 0.0)
    return worths


def nudged(roots: list[float]) -> list[float]:
    """Just before and just past each threshold: the places a line search compares."""
    return [x for root in roots for x in (root * (1 - NUDGE), root * (1 + NUDGE))]


def _beyond(x: float, value: float, slope: float) -> float:
    """Where health, ``value`` at the last boundary ``x`` and then of ``slope``, meets 0."""
    with np.errstate(all="ignore"):  # a slope near 0: a root beyond any price, inf
        return float(x - value / slope)


def _cross(a: float, b: float, fa: float, fb: float) -> float:
    """Where the line through (a, fa) and (b, fb) meets 0."""
    return float(a if fa == fb else a + (b - a) * fa / (fa - fb))


class _SameSchedule:
    """Pools of one marked leg on one tier schedule, as columns: their worth at many prices
    in one array operation, each element computed as ``Slice.worths`` computes it."""

    def __init__(
        self, schedule: Schedule, rows: list[int], parts: list[SymbolPart], quantities: list[float]
    ) -> None:
        self.schedule = schedule
        self.rows = rows
        self.quantity = np.array([[quantity] for quantity in quantities])
        self.net = np.array([[part.net] for part in parts])
        self.cost = np.array([[part.cost] for part in parts])
        self.fixed = np.array([[part.fixed] for part in parts])
        self.rates = np.asarray(schedule.rates, dtype=float)
        self.amounts = np.asarray(schedule.amounts, dtype=float)

    def worths(self, xs: FloatArray, cash: FloatArray) -> FloatArray:
        with np.errstate(all="ignore"):
            notional = xs[None, :] * self.quantity
            tiers = np.maximum(np.searchsorted(self.schedule.floors, notional, side="right") - 1, 0)
            maintenance = self.fixed + (notional * self.rates[tiers] - self.amounts[tiers])
            equity = xs[None, :] * self.net - self.cost
            alive = cash + (equity - maintenance) > 0
            result: FloatArray = np.where(alive, cash + equity, 0.0)
        return result


class AlonePools:
    """The live pools holding ``symbol`` only, in pool order (module docstring)."""

    def __init__(self, pools: tuple[Pool, ...]) -> None:
        self.pools = pools  # held, so the ids in the cache key stay theirs
        self.slices = [Slice(next(iter(p.parts.values())), p.cash, p.cash) for p in pools]
        self.cash = np.array([[p.cash] for p in pools])
        self._local: Remembered[float, tuple[list[float], FloatArray]] = Remembered(64)
        self._sums: Remembered[float, tuple[list[float], list[float]]] = Remembered(64)
        # Before and past every threshold, 0 and the largest price: the places they add.
        self.points = {0.0, MAX_PRICE, *(x for s in self.slices for x in nudged(s.roots()))}
        by_schedule: dict[int, tuple[Schedule, list[int], list[SymbolPart], list[float]]] = {}
        self._others: list[int] = []
        for row, piece in enumerate(self.slices):
            single = piece.part.single()
            if single is None:
                self._others.append(row)
                continue
            schedule, quantity = single
            group = by_schedule.setdefault(id(schedule), (schedule, [], [], []))
            group[1].append(row)
            group[2].append(piece.part)
            group[3].append(quantity)
        self._groups = [_SameSchedule(*group) for group in by_schedule.values()]

    def worths_from(self, start: float) -> tuple[list[float], FloatArray]:
        """The places a search of these pools alone compares from ``start`` (the start, then
        ``points`` in order), and their worth there, summed: remembered by the start, as a
        search at today's marks asks again after an edit of another symbol."""
        return self._local.get(start, lambda: self._worths_from(start))

    def sums_from(self, start: float) -> tuple[list[float], list[float]]:
        """``worths_from`` for a few pools and places, one price at a time (numpy's overhead
        costs more there), each place's worths summed as ``sum`` sums them: a search adds the
        rest of the account to each, and an edit of another symbol's position searches again
        from the same start with a new rest only."""
        return self._sums.get(start, lambda: self._sums_from(start))

    def _places(self, start: float) -> list[float]:
        """The start, then ``points`` in order, up to the largest price a move may name."""
        return [start, *sorted(x for x in self.points if x <= MAX_PRICE)]

    def _sums_from(self, start: float) -> tuple[list[float], list[float]]:
        places = self._places(start)
        return places, [sum(piece.worth(x) for piece in self.slices) for x in places]

    def _worths_from(self, start: float) -> tuple[list[float], FloatArray]:
        places = self._places(start)
        xs = np.array(places, dtype=float)
        total = np.zeros(xs.shape)
        self.add_worths(total, xs)
        return places, total

    def add_worths(self, total: FloatArray, xs: FloatArray) -> None:
        """Add each pool's worth at the prices ``xs`` to ``total``, pool after pool (in the
        order ``Slice.worths`` would add them, so the sums round alike)."""
        rows: dict[int, FloatArray] = {}
        for group in self._groups:
            values = group.worths(xs, self.cash[group.rows])
            for k, row in enumerate(group.rows):
                rows[row] = values[k]
        for row in self._others:
            rows[row] = self.slices[row].worths(xs)
        for row in range(len(self.slices)):
            total += rows[row]


def alone_pools(pools: tuple[Pool, ...]) -> AlonePools:
    """``AlonePools`` of ``pools``, remembered by the pools themselves: an edit rebuilds the
    pools of one position, and every other symbol's are the ones searched before."""
    return _ALONE.get(tuple(id(pool) for pool in pools), lambda: AlonePools(pools))


_ALONE: Remembered[tuple[int, ...], AlonePools] = Remembered(4_096)


# A pool's row, cash, net quantity, cost, quantity, fixed MM, entry basis, schedule.
_Terms = tuple[int, float, float, float, float, float, bool, Schedule]


class AloneRows:
    """The isolated pools of one symbol alive today, as columns (rows of ``columns.
    IsolatedColumns``): their worth along the symbol's price in one array operation (a few
    pools at a few prices one by one: numpy's overhead costs more there), each element as
    ``Slice.worths`` computes it. One leg's health is monotone in its price (slope ``Q·(s −
    MMR)``, and every MMR is below 1), so its liquidation price is its only threshold: the
    places a search compares are just before and past each."""

    def __init__(self, columns: IsolatedColumns, rows: list[int]) -> None:
        self.rows = rows
        self.id_of = columns.ids  # each row's position ID, by row
        # The columns' terms, not the columns: the columns remember these rows (``alone_rows``),
        # and a reference back would leave both, arrays and all, to the cyclic collector.
        self._source = _row_terms(columns)
        self._arrays: tuple[npt.NDArray[Any], ...] | None = None
        self._tiers: Tiers | None = None
        self._found_terms: list[_Terms] | None = None
        below, above = _nudged_liquidation(columns)
        self.points = {0.0, MAX_PRICE}
        for row in rows:
            if below[row] == below[row]:  # not NaN: some price liquidates it
                self.points.add(below[row])
                self.points.add(above[row])
        equity, lowest = _lists(columns)
        self.lowest = sum(map(lowest.__getitem__, rows))
        # The worth at each price seen, and which pools it liquidates there (a list, or where
        # to read them: few are asked, the prices a worst move ends at). At the mark, all alive.
        self._at: dict[float, tuple[float, object]] = {}
        self._from: dict[float, tuple[list[float], list[float]]] = {}
        # The arrays ``_remember`` found, newest last: prices, worths, who survives where.
        self._batches: list[tuple[list[float], list[float], npt.NDArray[np.bool_]]] = []
        self.mark = float(columns.mark[rows[0]])
        self._at[self.mark] = (sum(map(equity.__getitem__, rows)), [])  # as ``_remember`` sums

    def _terms(self) -> list[_Terms]:
        """Each pool's row, cash, net quantity, cost, quantity, fixed MM, basis, schedule."""
        found = self._found_terms
        if found is None:
            every = self._source.terms()
            found = self._found_terms = [every[row] for row in self.rows]
        return found

    def _alive(self, xs: FloatArray) -> tuple[npt.NDArray[np.bool_], FloatArray]:
        """Whether each pool survives a move to each price of ``xs``, and its worth there."""
        if self._arrays is None:
            c, index = self._source, np.asarray(self.rows, dtype=np.intp)
            self._arrays = (
                c.quantity[index][:, None],
                c.net[index][:, None],
                c.cost[index][:, None],
                c.cash[index][:, None],
                c.fixed[index][:, None],
                c.by_entry[index][:, None],
            )
            self._tiers = c.tiers.subset(index)
        quantity, net, cost, cash, fixed, by_entry = self._arrays
        tiers = cast("Tiers", self._tiers)
        with np.errstate(all="ignore"):  # a price near 0 or 10^12: inf, as in floats
            notional: npt.NDArray[np.float64] = quantity * xs[None, :]
            k = tiers.index(notional)
            maintenance = np.where(by_entry, fixed, notional * tiers.rates[k] - tiers.amounts[k])
            equity = xs[None, :] * net - cost
            alive = cash + (equity - maintenance) > 0
            worth: FloatArray = np.where(alive, cash + equity, 0.0)
        return alive, worth

    def _remember(self, xs: list[float]) -> list[float]:
        """The pools' summed worth at each price of ``xs``, kept: one by one for a few pools
        at a few prices, else as the array they were found in (a line search compares a
        few dozen prices and ends at one or two of them)."""
        if len(self.rows) * len(xs) <= SCALAR_WORK:
            at = self._at
            sums = []
            for x in xs:
                total, dead = 0.0, []
                for row, cash, net, cost, quantity, fixed, by_entry, schedule in self._terms():
                    equity = x * net - cost
                    maintenance = fixed if by_entry else schedule.maintenance(x * quantity)
                    if cash + (equity - maintenance) > 0:
                        total += cash + equity
                    else:
                        dead.append(row)
                sums.append(total)
                at.setdefault(x, (total, dead))
            return sums
        alive, worth = self._alive(np.array(xs, dtype=float))
        found: list[float] = worth.sum(axis=0).tolist()
        if len(self._batches) >= 8:
            del self._batches[0]
        self._batches.append((xs, found, alive))
        return found

    def keep(self, xs: list[float], sums: list[float], alive: npt.NDArray[np.bool_]) -> None:
        """Worths found for these pools elsewhere (``worths_along``), kept as its own."""
        if len(self._batches) >= 8:
            del self._batches[0]
        self._batches.append((xs, sums, alive))

    def _found(self, x: float) -> tuple[float, object]:
        """The worth at ``x`` and where its liquidated pools are read, found if not yet."""
        found = self._at.get(x)
        if found is None:
            for xs, sums, alive in reversed(self._batches):
                if x in xs:
                    j = xs.index(x)
                    found = self._at[x] = (sums[j], (alive, j))
                    return found
            self._remember([x])
            return self._found(x)
        return found

    def worth(self, x: float) -> float:
        """Σ worth of the pools after a move of their symbol to ``x``."""
        return self._found(x)[0]

    def dead(self, x: float) -> list[int]:
        """The rows a move to ``x`` liquidates."""
        where = self._found(x)[1]
        if isinstance(where, list):
            return where
        alive, j = cast("tuple[npt.NDArray[np.bool_], int]", where)
        return [row for row, ok in zip(self.rows, alive[:, j].tolist(), strict=True) if not ok]

    def worths_from(self, start: float) -> tuple[list[float], list[float]]:
        """The start, then ``points`` in order up to the largest price a move may name, and
        the pools' summed worth at each."""
        found = self._from.get(start)
        if found is None:
            places = [start, *sorted(x for x in self.points if x <= MAX_PRICE)]
            found = self._from[start] = (places, self._remember(places))
        return found

    def add_worths(self, total: FloatArray, xs: FloatArray) -> None:
        total += np.asarray(self._remember(xs.tolist()))


class _RowTerms:
    """What the ``AloneRows`` of one set of columns read of them: each row's terms, as arrays
    and (made once, when first asked) as one tuple a row."""

    __slots__ = (
        "_terms",
        "by_entry",
        "cash",
        "cost",
        "fixed",
        "net",
        "quantity",
        "schedules",
        "tiers",
    )

    def __init__(self, columns: IsolatedColumns) -> None:
        self.quantity, self.net, self.cost = columns.quantity, columns.net, columns.cost
        self.cash, self.fixed, self.by_entry = columns.cash, columns.fixed, columns.by_entry
        self.tiers, self.schedules = columns.tiers, columns.schedules
        self._terms: list[_Terms] | None = None

    def terms(self) -> list[_Terms]:
        """``AloneRows._terms`` of every row."""
        if self._terms is None:
            self._terms = list(
                zip(
                    range(len(self.schedules)),
                    self.cash.tolist(),
                    self.net.tolist(),
                    self.cost.tolist(),
                    self.quantity.tolist(),
                    self.fixed.tolist(),
                    self.by_entry.tolist(),
                    self.schedules,
                    strict=True,
                )
            )
        return self._terms


def _row_terms(columns: IsolatedColumns) -> _RowTerms:
    """The columns' ``_RowTerms``, made once: every symbol's ``AloneRows`` shares them."""
    found: _RowTerms | None = columns.memo.get("row terms")
    if found is None:
        found = columns.memo["row terms"] = _RowTerms(columns)
    return found


def _nudged_liquidation(columns: IsolatedColumns) -> tuple[list[float], list[float]]:
    """Each pool's liquidation price ``nudged`` (just before, just past; NaN where no price
    liquidates it), made once for every row: each symbol's ``AloneRows`` reads its own."""
    found: tuple[list[float], list[float]] | None = columns.memo.get("nudged")
    if found is None:
        prices = np.array(columns.liquidation_prices(), dtype=float)  # None: NaN
        found = columns.memo["nudged"] = (
            (prices * (1 - NUDGE)).tolist(),
            (prices * (1 + NUDGE)).tolist(),
        )
    return found


def _lists(columns: IsolatedColumns) -> tuple[list[float], list[float]]:
    """The pools' equity today and lowest worth (0 where a move liquidates it), as lists,
    made once: each symbol's ``AloneRows`` sums its own."""
    found: tuple[list[float], list[float]] | None = columns.memo.get("lists")
    if found is None:
        lowest = columns.lowest_worth()
        found = columns.memo["lists"] = (
            columns.equity.tolist(),
            np.where(np.isnan(lowest), 0.0, lowest).tolist(),
        )
    return found


def alone_rows(columns: IsolatedColumns) -> dict[str, AloneRows]:
    """Each symbol's isolated pools alive today (health above 0 at the marks), as ``AloneRows``:
    remembered on the columns, which a scenario's every search shares."""
    found = columns.memo.get("alone rows")
    if found is None:
        by_symbol: dict[str, list[int]] = {}
        healthy = (columns.health > 0).tolist()
        for row, symbol in enumerate(columns.symbols):
            if healthy[row]:
                by_symbol.setdefault(symbol, []).append(row)
        found = columns.memo["alone rows"] = {
            symbol: AloneRows(columns, rows) for symbol, rows in by_symbol.items()
        }
    return found


def worths_along(
    groups: list[AloneRows], starts: list[float]
) -> tuple[IntArray, FloatArray, FloatArray]:
    """``AloneRows.worths_from`` of many symbols' pools at once (one set of columns): each
    group's places from its start (``first``: where each begins in ``places``), and its
    pools' summed worth at each, summed in row order as there. Each group keeps the worths
    and who survives at the places it was asked, as its own search would (``_batches``)."""
    columns = groups[0]._source
    place_lists = [
        [start, *sorted(x for x in rows.points if x <= MAX_PRICE)]
        for rows, start in zip(groups, starts, strict=True)
    ]
    place_counts = np.array([len(found) for found in place_lists], dtype=np.intp)
    row_counts = np.array([len(rows.rows) for rows in groups], dtype=np.intp)
    first = np.concatenate(([0], np.cumsum(place_counts)[:-1])).astype(np.intp)
    places = np.array([x for found in place_lists for x in found], dtype=float)
    every_row = np.array([row for rows in groups for row in rows.rows], dtype=np.intp)
    row_first = np.concatenate(([0], np.cumsum(row_counts)[:-1])).astype(np.intp)
    # One pair per place and pool of its symbol, place by place, pools in their order.
    group_of_place = np.repeat(np.arange(len(groups)), place_counts)
    per_place = row_counts[group_of_place]
    pair_place = np.repeat(np.arange(places.size), per_place)
    ends = np.cumsum(per_place)
    within = np.arange(int(ends[-1]) if ends.size else 0) - np.repeat(ends - per_place, per_place)
    pair_row = every_row[row_first[group_of_place][pair_place] + within]
    x = places[pair_place]
    with np.errstate(all="ignore"):  # a price near 0 or 10^12: inf, as in floats
        notional = columns.quantity[pair_row] * x
        tiers = columns.tiers
        k = tiers.index_in(tiers.group[pair_row], notional)
        marked = notional * tiers.rates[k] - tiers.amounts[k]
        maintenance = np.where(columns.by_entry[pair_row], columns.fixed[pair_row], marked)
        equity = x * columns.net[pair_row] - columns.cost[pair_row]
        cash = columns.cash[pair_row]
        alive = cash + (equity - maintenance) > 0
        worth = np.where(alive, cash + equity, 0.0)
    local: FloatArray = np.bincount(pair_place, weights=worth, minlength=places.size).astype(float)
    pair_first = np.concatenate(([0], ends)).astype(np.intp)
    sums = local.tolist()
    for g, rows in enumerate(groups):
        a, b = int(first[g]), int(first[g]) + int(place_counts[g])
        xs = place_lists[g]
        # Who survives where, as ``_alive`` gives it: one row per pool, one column per place.
        survives = alive[pair_first[a] : pair_first[b]].reshape(b - a, len(rows.rows)).T
        rows.keep(xs, sums[a:b], survives)
    return first, places, local
