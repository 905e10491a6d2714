"""Positions as columns (issue 16, the vectorised core): the figures ``evaluate`` shows of a
variant's isolated pools, and each position's own figures, in array operations over all of
them rather than one ``Pool`` or ``Leg`` each.

An isolated pool is one position and its margin (DESIGN §1; ``pools``). Each figure here is
the one ``figures`` gives that position's ``Pool``, by the same formula, element by element in
the same order of operations, so the two agree to the last bit. At or past liquidation, the
price that would revive a pool is solved on its tier's line, the solver's to 1e-12. Where a
closed form does not decide (a threshold within rounding of 0 or of the largest price a move
may name), the row's own ``Pool`` is built and asked (``IsolatedColumns.pool``).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from operator import attrgetter
from typing import Any, NamedTuple, TypeVar

import numpy as np
import numpy.typing as npt

from marginlab.engine.margin import figures
from marginlab.engine.margin.by_scenario import ByScenario
from marginlab.engine.margin.fees import CLOSE_FEE_IN_MAINTENANCE, maintenance_fee, taker_rate
from marginlab.engine.margin.models import Position, Scenario, Variant
from marginlab.engine.margin.pools import (
    Pool,
    isolated_margin_scale,
    isolated_pool,
    schedule_of,
)
from marginlab.engine.margin.remembered import Remembered
from marginlab.engine.margin.report import MAX_PRICE
from marginlab.engine.margin.rules import Schedule

T = TypeVar("T")
FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.intp]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, slots=True)
class _Table:
    """One schedule's tiers as arrays, read by every row on it: each tier's floor, rate and
    amount, and the notionals it spans (``low`` −inf for the first, ``high`` inf for the
    last)."""

    schedule: Schedule  # held, so the id in the cache key stays its own
    floors: FloatArray
    rates: FloatArray
    amounts: FloatArray
    low: FloatArray
    high: FloatArray


def _table(schedule: Schedule) -> _Table:
    found = _TABLES.get(id(schedule), lambda: _make_table(schedule))
    return found if found.schedule is schedule else _make_table(schedule)


def _make_table(schedule: Schedule) -> _Table:
    floors = np.asarray(schedule.floors, dtype=float)
    return _Table(
        schedule,
        floors,
        np.asarray(schedule.rates, dtype=float),
        np.asarray(schedule.amounts, dtype=float),
        np.concatenate(([-math.inf], floors[1:])),
        np.concatenate((floors[1:], [math.inf])),
    )


_TABLES: Remembered[int, _Table] = Remembered(4_096)


_BISECTED = 2_000  # notionals from which ``index_in`` halves rows of floors, not compares all


class Tiers:
    """The schedules of some rows, end to end: a row's tier ``k`` of its own schedule is
    ``start[row] + k`` here, so one gather reads every row's rate, amount and bounds."""

    def __init__(self, schedules: list[Schedule]) -> None:
        ids = list(map(id, schedules))
        unique = {key: schedule for key, schedule in zip(ids, schedules, strict=True)}
        place = {key: g for g, key in enumerate(unique)}
        parts = [_table(schedule) for schedule in unique.values()]
        sizes = np.array([table.floors.size for table in parts], dtype=np.intp)
        offsets = np.cumsum(sizes) - sizes
        # Each table, in the order rows first use it, and where its tiers start here.
        self.groups: list[tuple[_Table, int]] = list(zip(parts, offsets.tolist(), strict=True))
        # Each row's entry in ``groups`` (a subset keeps its rows' entries: ``floor_rows``).
        self.group = np.array([place[key] for key in ids], dtype=np.intp)
        self.offsets = offsets.astype(np.intp)
        self.start = self.offsets[self.group]
        self.last = self.start + sizes[self.group] - 1  # each row's top tier
        empty = np.zeros(0)
        self.floors = np.concatenate([t.floors for t in parts]) if parts else empty
        self.rates = np.concatenate([t.rates for t in parts]) if parts else empty
        self.amounts = np.concatenate([t.amounts for t in parts]) if parts else empty
        self.low = np.concatenate([t.low for t in parts]) if parts else empty
        self.high = np.concatenate([t.high for t in parts]) if parts else empty
        self._floor_rows: FloatArray | None = None
        self._root: Tiers | None = None  # the tiers a subset was taken from

    @property
    def floor_rows(self) -> FloatArray:
        """Each group's floors in one row, padded with inf: any rows' tiers in one
        comparison (``index_in``). Made on first use, shared with every subset."""
        if self._root is not None:
            return self._root.floor_rows
        if self._floor_rows is None:
            widest = max((table.floors.size for table, _ in self.groups), default=0)
            self._floor_rows = np.full((len(self.groups), widest), np.inf)
            for g, (table, _) in enumerate(self.groups):
                self._floor_rows[g, : table.floors.size] = table.floors
        return self._floor_rows

    def subset(self, index: IntArray) -> Tiers:
        """The same tiers for the rows ``index`` only, renumbered in that order."""
        found = object.__new__(Tiers)
        found.floors, found.rates, found.amounts = self.floors, self.rates, self.amounts
        found.low, found.high = self.low, self.high
        found.offsets = self.offsets
        found._floor_rows = None
        found._root = self if self._root is None else self._root
        found.start, found.last = self.start[index], self.last[index]
        found.group = self.group[index]
        found.groups = []  # a subset reads its tiers through ``floor_rows`` (``index``)
        return found

    def index(self, notional: FloatArray) -> IntArray:
        """Each row's tier at its ``notional`` (``Schedule.tier_index``: the largest floor not
        above it), as an index here; ``notional`` one value per row, or a row of values per
        row (a pool at many prices)."""
        return self.index_in(self.group, notional)

    def index_in(self, groups: IntArray, notional: FloatArray) -> IntArray:
        """The tier of each ``notional`` on its row's schedule (``groups``: the rows'
        ``group``), as an index here: the count of its floors not above it, less one
        (``Schedule.tier_index``)."""
        if notional.ndim == 1 and notional.size > _BISECTED:
            return self._bisected(groups, notional)
        floors = self.floor_rows[groups]
        offsets = self.offsets[groups]
        if notional.ndim == 2:  # a row of prices per row: each row's floors against each
            floors, offsets = floors[:, None, :], offsets[:, None]
        below = (floors <= notional[..., None]).sum(axis=-1) - 1
        found: IntArray = np.maximum(below, 0) + offsets
        return found

    def _bisected(self, groups: IntArray, notional: FloatArray) -> IntArray:
        """``index_in`` of many notionals: the same count of floors at or below each, found
        by halving each one's row of floors (sorted, padded with inf: "floor ≤ notional"
        holds on a first stretch of it, so halving finds where that stretch ends, as
        counting does), a few steps over all at once rather than one comparison per floor."""
        rows = self.floor_rows
        width = rows.shape[1]
        flat, start = rows.ravel(), groups * width
        low = np.zeros(notional.size, dtype=np.intp)
        high = np.full(notional.size, width, dtype=np.intp)
        for _ in range(width.bit_length()):
            middle = (low + high) >> 1
            open_ = middle < high
            holds = open_ & (flat[start + np.minimum(middle, width - 1)] <= notional)
            low = np.where(holds, middle + 1, low)
            high = np.where(open_ & ~holds, middle, high)
        found: IntArray = np.maximum(low - 1, 0) + self.offsets[groups]
        return found

    def maintenance(self, notional: FloatArray) -> FloatArray:
        """``Schedule.maintenance`` of each row's ``notional``: ``N · MMR_k − cum_k``."""
        k = self.index(notional)
        result: FloatArray = notional * self.rates[k] - self.amounts[k]
        return result


class FigureLists(NamedTuple):
    """Each position's side, quantity, entry price, the venue's liquidation price typed and
    its pool's name when isolated (``PositionFigures``), in the book's order."""

    sides: list[str]
    quantities: list[float]
    entries: list[float]
    venue_prices: list[float | None]
    isolated_names: list[str]


def _every_row(rows: list[int], size: int) -> bool:
    """Whether ``rows`` (distinct, in order) are all ``size`` rows."""
    return len(rows) == size and (not rows or rows[-1] == size - 1)


def pick(values: list[T], rows: list[int]) -> list[T]:
    """``values`` at ``rows``, distinct and in order (read only: all of them is ``values``
    itself, not a copy)."""
    return values if _every_row(rows, len(values)) else list(map(values.__getitem__, rows))


def pick_positions(positions: tuple[Position, ...], rows: list[int]) -> tuple[Position, ...]:
    """``pick`` of a tuple of positions."""
    if _every_row(rows, len(positions)):
        return positions
    return tuple(map(positions.__getitem__, rows))


# What the book's columns read of each position, in one pass.
_FIELD_NAMES = (
    "id",
    "symbol",
    "side",
    "quantity",
    "entry_price",
    "leverage",
    "margin",
    "margin_mode",
)
_FIELDS = attrgetter(*_FIELD_NAMES)


class BookColumns:
    """Every position of a scenario as columns, with what no variant changes: its leg's terms
    (``pools.make_leg``), its margin if isolated (``pools.margins_held``), its tiers."""

    def __init__(self, scenario: Scenario) -> None:
        rules = scenario.rules
        fee_rate = taker_rate(scenario)
        marks = scenario.marks()
        positions = scenario.positions
        schedules = [schedule_of(rules, p) for p in positions]
        self.positions = positions
        self.schedules = schedules
        # Each field once, every position at a time (one pass, not one per field).
        fields = list(zip(*map(_FIELDS, positions), strict=True)) or [()] * len(_FIELD_NAMES)
        ids, symbols, sides, quantities, entries, leverages, given, modes = fields
        self.ids, self.symbols = list(ids), list(symbols)
        self._figure_lists: FigureLists | None = None
        self.tiers = Tiers(schedules)
        self.entry_notional = np.array([p.entry_notional for p in positions], dtype=float)
        # The fee to close, where the venue counts it in the maintenance (``fees``).
        close_fees = np.zeros(len(positions))
        if rules in CLOSE_FEE_IN_MAINTENANCE and fee_rate:
            close_fees = np.array([maintenance_fee(rules, p, fee_rate) for p in positions])
        leverage = np.array(leverages, dtype=float)
        # Each position's margin if isolated (``pools.held_margin``): the margin given, else
        # ``Q·EP / L`` and the fee to close where the venue counts it.
        self.held = self.entry_notional / leverage + close_fees
        for row in [row for row, margin in enumerate(given) if margin is not None]:
            self.held[row] = given[row]
        # ``Leg.entry_maintenance`` (``pools.make_leg``): MM on the entry value, and the fee.
        with np.errstate(all="ignore"):  # a notional near 10^24: inf, as in floats
            self.entry_maintenance = self.tiers.maintenance(self.entry_notional) + close_fees
        self.sides = list(sides)
        self.sign = np.array([1.0 if side == "long" else -1.0 for side in sides])  # ``.sign``
        self.quantity = np.array(quantities, dtype=float)
        self.entry = np.array(entries, dtype=float)
        self.mark = np.array(list(map(marks.__getitem__, symbols)), dtype=float)
        self.by_entry = np.array([s.basis == "entry" for s in schedules], dtype=bool)
        self.isolated = np.array([mode == "isolated" for mode in modes], dtype=bool)
        # The maintenance an entry basis fixes; 0 on a mark basis, where the tiers decide it.
        self.fixed = np.where(self.by_entry, self.entry_maintenance, 0.0)
        # ``SymbolPart``: net quantity ``s·Q`` and cost ``s·Q·EP``, so equity is ``x·net − cost``.
        self.net = self.sign * self.quantity
        self.cost = self.net * self.entry
        self.notional = self.quantity * self.mark
        with np.errstate(all="ignore"):  # a notional near 10^24: inf, as in floats
            marked = self.tiers.maintenance(self.notional)
        self.maintenance = np.where(self.by_entry, self.fixed, marked)
        # MMR of the tier in force at the mark, at the entry value on an entry basis
        # (``Leg.tier_rate``).
        basis = np.where(self.by_entry, self.entry, self.mark)
        self.tier_rate = self.tiers.rates[self.tiers.index(self.quantity * basis)]
        # A cross position's margin put in: ``Q·EP / L``, and the fee to close where the venue
        # counts it (``figures.initial_margin``).
        self.cross_initial = self.entry_notional / leverage + close_fees
        self._limits: tuple[FloatArray, FloatArray, FloatArray] | None = None
        self._caps: tuple[FloatArray, BoolArray, BoolArray] | None = None

    def tier_limits(self) -> tuple[FloatArray, FloatArray, FloatArray]:
        """Each position's notional as its tiers read it (at the mark; at the entry on an
        entry basis), the most leverage its tier allows there and its table's largest
        notional (NaN: no limit): what ``risk_warnings`` checks. Found once."""
        if self._limits is None:
            basis = np.where(self.by_entry, self.quantity * self.entry, self.notional)
            tables = [table.schedule for table, _ in self.tiers.groups]
            # Each tier's leverage cap, in the order ``tiers`` lays the tables end to end.
            caps = [cap for schedule in tables for cap in schedule.max_leverages]
            tops = [schedule.top_cap for schedule in tables]
            every_cap = np.array([math.nan if c is None else c for c in caps], dtype=float)
            every_top = np.array([math.nan if t is None else t for t in tops], dtype=float)
            self._limits = (
                basis,
                every_cap[self.tiers.index(basis)] if caps else np.full(basis.shape, math.nan),
                every_top[self.tiers.group] if tops else np.full(basis.shape, math.nan),
            )
        return self._limits

    def tier_limit(self, row: int) -> tuple[float, float | None, float | None]:
        """``tier_limits`` of one position, None where there is no limit."""
        basis, allowed, top = (float(values[row]) for values in self.tier_limits())
        return basis, None if math.isnan(allowed) else allowed, None if math.isnan(top) else top

    def figure_lists(self) -> FigureLists:
        """What each position's figures repeat of it, as lists, made once per book."""
        if self._figure_lists is None:
            positions = self.positions
            self._figure_lists = FigureLists(
                self.sides,
                self.quantity.tolist(),
                self.entry.tolist(),
                [p.venue_liquidation_price for p in positions],
                [f"isolated {pid}" for pid in self.ids],
            )
        return self._figure_lists

    def tier_caps(self) -> tuple[FloatArray, BoolArray, BoolArray]:
        """What ``risk_warnings`` compares each position's leverage with: the most its tier
        allows, less rounding (NaN: no cap), whether there is a cap, and whether its notional
        is beyond its table's largest. Found once."""
        if self._caps is None:
            basis, allowed, top = self.tier_limits()
            with np.errstate(invalid="ignore"):  # no largest: NaN, compared False
                self._caps = (allowed * (1 + 1e-9), ~np.isnan(allowed), basis > top)
        return self._caps


def book_columns(scenario: Scenario) -> BookColumns:
    """``BookColumns`` of ``scenario``, remembered by the scenario object."""
    return _BOOKS.get(scenario, None)


_BOOKS: ByScenario[None, BookColumns] = ByScenario(lambda scenario, _: BookColumns(scenario), 6)


class IsolatedColumns:
    """The isolated pools of one variant, one row each, in the order ``build_pools`` makes
    them (the scenario's order): one position, its margin (``cash``) and its leg's terms."""

    def __init__(
        self, rules: str, fee_rate: float, book: BookColumns, index: IntArray, cash: FloatArray
    ) -> None:
        """The rows ``index`` of ``book``, holding ``cash`` each."""
        self.rules = rules
        self.fee_rate = fee_rate
        self.index = index
        self.book = book
        rows = self.rows = index.tolist()
        self.positions = pick_positions(book.positions, rows)
        self.ids = pick(book.ids, rows)
        self.symbols = pick(book.symbols, rows)
        self.schedules = pick(book.schedules, rows)
        self.cash = cash
        self.sign, self.quantity = book.sign[index], book.quantity[index]
        self.entry, self.mark = book.entry[index], book.mark[index]
        self.fixed, self.by_entry = book.fixed[index], book.by_entry[index]
        self.tiers = book.tiers.subset(index)
        self.net, self.cost = book.net[index], book.cost[index]
        self.notional = book.notional[index]
        self.equity = self.equity_at(self.mark)
        self.maintenance = book.maintenance[index]
        self.tier_rate = book.tier_rate[index]
        self.entry_notional = book.entry_notional[index]
        self.health = self.equity - self.maintenance
        self._liquidation: list[float | None] | None = None
        self.memo: dict[str, Any] = {}  # what a search finds of these rows, once

    def rows_of(self, index: IntArray) -> IsolatedColumns:
        """Some of these pools, with the figures found for them already (the pools isolated
        as entered are the same pools in "all isolated", margins unscaled)."""
        if index.size == len(self):
            return self  # all of them, in order (``flatnonzero`` of every row)
        found = object.__new__(IsolatedColumns)
        rows = index.tolist()
        found.rules, found.fee_rate = self.rules, self.fee_rate
        found.index, found.book = self.index[index], self.book
        found.rows = found.index.tolist()
        found.positions = pick_positions(self.positions, rows)
        found.ids = pick(self.ids, rows)
        found.symbols = pick(self.symbols, rows)
        found.schedules = pick(self.schedules, rows)
        for name in _ARRAYS:
            setattr(found, name, getattr(self, name)[index])
        found.tiers = self.tiers.subset(index)
        every = self.liquidation_prices()
        found._liquidation = [every[row] for row in rows]
        found.memo = {"lowest worth": self.lowest_worth()[index]}
        return found

    def __len__(self) -> int:
        return len(self.positions)

    def equity_at(self, price: FloatArray) -> FloatArray:
        """Each pool's equity with its symbol at ``price``: ``cash + s·Q·(P − EP)`` (``Pool.
        equity``, summed as it sums)."""
        result: FloatArray = self.cash + (price * self.net - self.cost)
        return result

    def maintenance_at(self, price: FloatArray) -> FloatArray:
        """Each pool's MM with its symbol at ``price``: the tier's ``Q·P·MMR − cum`` on a mark
        basis, the entry's on an entry basis (``Leg.maintenance``)."""
        with np.errstate(all="ignore"):  # a price near 10^12 times a large quantity: inf
            marked = self.tiers.maintenance(price * self.quantity)
        result: FloatArray = np.where(self.by_entry, self.fixed, marked)
        return result

    def tier_rates(self) -> FloatArray:
        """MMR of the tier in force at the mark, at the entry value on an entry basis
        (``Leg.tier_rate``)."""
        return self.tier_rate

    def pool(self, row: int) -> Pool:
        """The row's own ``Pool``, as ``build_pools`` makes it (remembered there by all that
        decides it): for what a closed form leaves to the solver."""
        position = self.positions[row]
        return isolated_pool(
            self.rules, position, float(self.mark[row]), float(self.cash[row]), self.fee_rate
        )

    def liquidation_prices(self) -> list[float | None]:
        """Each pool's liquidation price (``figures.liquidation_price`` of its pool): the closed
        form of ``figures.single_leg_liquidation`` (Binance's ``LP = (WB + cum − s·Q·EP) /
        (Q·MMR − s·Q)``, the tier re-solved at the answer; ``EP − s·(cash − MM)/Q`` on an entry
        basis, Bybit), walked for every row at once; the rows it leaves open, by their pools.
        Found once: the report shows them, and the max-loss search starts from them (``slices.
        AloneRows``). Read only."""
        if self._liquidation is None:
            self._liquidation = self._liquidation_prices()
        return self._liquidation

    def _liquidation_prices(self) -> list[float | None]:
        price = np.full(len(self), np.nan)
        tiers = self.tiers
        sign, q = self.sign, self.quantity
        # One leg's health is monotone in its price, so its one threshold lies on the loss
        # side of the mark, or, at or past liquidation, on the side that would revive it
        # (where ``figures.liquidation_price`` finds it from inside).
        side = np.where(self.health > 0, sign, -sign)
        with np.errstate(all="ignore"):
            price[self.by_entry] = (self.entry - sign * (self.cash - self.fixed) / q)[self.by_entry]
            open_rows = ~self.by_entry
            k = tiers.index(self.notional)
            for _ in range(int(np.max(tiers.last - tiers.start, initial=0)) + 1):
                if not open_rows.any():
                    break
                slope = q * (sign - tiers.rates[k])
                candidate = (sign * q * self.entry - self.cash - tiers.amounts[k]) / slope
                notional = q * candidate
                low, high = tiers.low[k], tiers.high[k]
                first = k == tiers.start
                inside = (low <= notional) & (notional < high) | first & (notional < high)
                rising = slope * sign <= 0  # health no longer falls this way: not here
                back = (side > 0) & (notional >= high) | (side < 0) & (notional < low)
                found = open_rows & ~rising & inside
                price[found] = candidate[found]
                open_rows &= ~rising & ~inside & ~back
                k = np.where(notional >= high, k + 1, k - 1)
                open_rows &= (k >= tiers.start) & (k <= tiers.last)
            on_its_side = side * (price - self.mark) <= 0
            edge = figures.SOLVER_EDGE
            clear = (edge * self.mark < price) & (price < MAX_PRICE * (1 - edge))
            solved = np.isfinite(price) & on_its_side & clear
        out: list[float | None] = price.tolist()
        for row in np.flatnonzero(~solved).tolist():
            pool = self.pool(row)
            out[row] = figures.liquidation_price(pool, self.symbols[row], float(self.mark[row]))
        return out

    def margin_ratios(self) -> list[float | None]:
        """Each pool's ``MM / equity`` (``figures.margin_ratio``), None at an equity of 0 or
        less, or beyond ±10^12."""
        with np.errstate(all="ignore"):
            ratio = self.maintenance / self.equity
        return _bounded(ratio, self.equity > 0)

    def effective_leverages(self) -> list[float | None]:
        """Entry notional over the margin put in (``figures.effective_leverage``): the
        leverage typed where the margin rounds to 0."""
        return effective_leverages(self.entry_notional, self.cash, self.positions)

    def liquidation_distances(self) -> list[float | None]:
        """How far the mark must move to liquidate, ``LP / P − 1`` (``figures.
        liquidation_distance``)."""
        return liquidation_distances(self.liquidation_prices(), self.mark)

    def bankruptcy_prices(self) -> list[float | None]:
        """Where each pool's equity is 0, ``mark − equity / (s·Q)`` (``figures.
        bankruptcy_price``; Bybit "Bankruptcy Price"), None where that is 0 or below."""
        with np.errstate(all="ignore"):
            price = self.mark + -self.equity / self.net
        keep = np.isfinite(price) & (price > 0)
        return [p if ok else None for p, ok in zip(price.tolist(), keep.tolist(), strict=True)]

    def lowest_worth(self) -> FloatArray:
        """Each pool's lowest equity a move can leave it with, NaN where some move liquidates
        it (``max_loss.lowest_worth``): health and equity are lowest at 0 or at the largest
        price a move may name. Found once (the report's max loss and every symbol's search
        read it). Read only."""
        found: FloatArray | None = self.memo.get("lowest worth")
        if found is None:
            found = self.memo["lowest worth"] = self._lowest_worth()
        return found

    def _lowest_worth(self) -> FloatArray:
        with np.errstate(all="ignore"):
            ends = (np.zeros(len(self)), np.full(len(self), MAX_PRICE))
            health = [x * self.net - self.cost - self.maintenance_at(x) for x in ends]
            equity = [x * self.net - self.cost for x in ends]
            lowest_health = self.cash + np.minimum(*health)
            lowest_equity: FloatArray = self.cash + np.minimum(*equity)
        return np.where(lowest_health <= 0, np.nan, lowest_equity)

    def max_losses(self) -> FloatArray:
        """Each pool's max loss if wrong (``max_loss.pool_max_loss``): its equity today where a
        move liquidates it (or it is past liquidation), else down to its lowest worth."""
        now = np.maximum(self.equity, 0.0)
        lowest = self.lowest_worth()
        liquidable = (self.health <= 0) | np.isnan(lowest)
        result: FloatArray = np.where(liquidable, now, np.maximum(now - lowest, 0.0))
        return result


_ARRAYS = (
    "cash",
    "sign",
    "quantity",
    "entry",
    "mark",
    "fixed",
    "by_entry",
    "net",
    "cost",
    "notional",
    "equity",
    "maintenance",
    "health",
    "tier_rate",
    "entry_notional",
)


def effective_leverages(
    entry_notional: FloatArray, initial: FloatArray, positions: tuple[Position, ...]
) -> list[float | None]:
    """Entry notional over the margin put in (``figures.effective_leverage``), for each of
    ``positions``: the leverage typed where the margin rounds to 0."""
    with np.errstate(all="ignore"):
        leverage = entry_notional / initial
    found = _bounded(leverage, initial > 0)
    for row in np.flatnonzero(initial <= 0).tolist():
        found[row] = float(positions[row].leverage)
    return found


def liquidation_distances(prices: list[float | None], marks: FloatArray) -> list[float | None]:
    """``LP / P − 1`` of each liquidation price over its mark (``figures.
    liquidation_distance``), None where there is no price or beyond ±10^12."""
    known = np.array([p is not None for p in prices], dtype=bool)
    values = np.array([p if p is not None else np.nan for p in prices], dtype=float)
    with np.errstate(all="ignore"):
        distance = values / marks - 1
    return _bounded(distance, known)


def _bounded(values: FloatArray, valid: BoolArray) -> list[float | None]:
    """``figures.bounded_ratio`` of each value where ``valid``: None where not, or where the
    value is not finite or beyond ±10^12."""
    keep = valid & np.isfinite(values) & (np.abs(values) <= figures.MAX_RATIO)
    return [v if ok else None for v, ok in zip(values.tolist(), keep.tolist(), strict=True)]


def isolated_columns(scenario: Scenario, variant: Variant) -> IsolatedColumns:
    """The isolated pools of ``variant`` as columns, remembered by the scenario object."""
    return _COLUMNS.get(scenario, variant)


def _isolated_columns(scenario: Scenario, variant: Variant) -> IsolatedColumns:
    book = book_columns(scenario)
    scale = isolated_margin_scale(scenario, variant)
    if variant == "isolated":
        index = np.arange(len(book.positions), dtype=np.intp)
    elif variant == "cross":  # none: the "all isolated" pools' columns, none of them
        return isolated_columns(scenario, "isolated").rows_of(np.zeros(0, dtype=np.intp))
    else:
        index = np.flatnonzero(book.isolated)
        if scale == isolated_margin_scale(scenario, "isolated"):
            return isolated_columns(scenario, "isolated").rows_of(index)
    return IsolatedColumns(
        scenario.rules, taker_rate(scenario), book, index, book.held[index] * scale
    )


_COLUMNS: ByScenario[Variant, IsolatedColumns] = ByScenario(_isolated_columns, kept=12)


def clear_columns_cache() -> None:
    """Forget the columns made (a benchmark measures fresh ones; an imported tier table
    prices the same scenario anew)."""
    _COLUMNS.clear()
    _BOOKS.clear()
