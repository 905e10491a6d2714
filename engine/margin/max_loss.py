"""Max loss if wrong: the loss from today's equity to the worst equity a move can reach.

A move is one straight move of the marks to new prices ``P`` (``evaluate(at=P)``). Along such
a move a pool's health (equity − maintenance margin) is concave, because maintenance is convex
in each price (``solver``): so the move liquidates the pool exactly when its health at ``P`` is
≤ 0, whatever the path's length. After the move, a pool is worth its equity if it survived and
0 if it was liquidated (its owner loses the whole pool, DESIGN §1; venues never leave a pool
below 0, the insurance fund takes the rest). The account is worth the sum of its pools.

* **A pool** (the cards' "Max loss"): if some prices liquidate it, its max loss is all of its
  equity today (margin or pool, plus unrealised PnL). Otherwise it is the loss at the worst
  reachable prices: every net-long symbol at 0. Health is a sum of one concave term per
  symbol, so its lowest value is the sum of each term's lowest, each at 0 or at the largest
  price a move may name (10^12): the test is exact.
* **If SYMBOL is wrong**: only that symbol moves, the others stay at their marks. The account's
  worth along that one price is linear between the prices where some pool is liquidated, so
  its lowest value is at one of them or at 0: the search is exact, in both directions.
* **The account**: the lowest worth over every combination of prices. Where no pool spans
  two symbols the worth is a sum of one-symbol parts and each symbol's exact search gives the
  exact answer; where the cross pool spans several, the symbols it does not hold are first
  set at their own exact lowest (their pools move with them alone), then exact one-symbol
  searches of its symbols in turn (coordinate descent) from there and from its prices all
  at 0, and every symbol's own worst move, give the lowest worth found (each descent's end
  judged by its worth summed afresh: a descent's running total rounds). Where isolated
  pools share symbols with such a cross pool, the worst move can need two symbols at once:
  one fall that alone would feed the cross pool (a short in it) and another that sinks it
  anyway. Starts that weigh the cross
  pool's health against the isolated pools' worth (a Lagrangian relaxation of "the cross pool
  is liquidated": separable, so each symbol's best price is found on its own), each followed
  by a descent, look for those: four weights for a cross pool of up to ``_COMBINED_SYMBOLS``
  symbols, each start descended in both orders of the symbols (which moves first decides
  where a descent ends), the middle two weights and one order beyond (each costs a
  descent). The search is a heuristic there, not exact: against a dense grid of two-symbol
  moves (2,095 Hypothesis books, an offline check), the descents alone missed the worst move
  twice, with these starts never; one order only missed one more book the grid test later
  found (``test_a_fall_that_liquidates_an_isolated_long_then_a_rise_that_sinks_the_cross_pool``),
  both orders none in four more runs of 1,500 generated books each.
  Every figure is the worth at prices the search visited, so a move reaches it. No move can
  leave the account worth less than every live pool at its own lowest (0 where a move
  liquidates it): a search that reaches that floor has found the worst, and stops.
"""

from __future__ import annotations

import math
import operator
from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple, cast

import numpy as np

from marginlab.engine.margin.pools import Pool, SymbolPart, equity_now
from marginlab.engine.margin.remembered import Remembered
from marginlab.engine.margin.report import MAX_PRICE
from marginlab.engine.margin.rules import FloatArray
from marginlab.engine.margin.slices import (
    SCALAR_WORK,
    AloneRows,
    Slice,
    alone_pools,
    alone_rows,
    many_roots,
    nudged,
    slice_worths,
    worths_along,
)

if TYPE_CHECKING:
    from marginlab.engine.margin.columns import IntArray, IsolatedColumns

# Weights of the cross pool's health against the isolated pools' worth, one start each.
_WEIGHTS = (0.0, 1 / 16, 1.0, 16.0)
_FEWER_WEIGHTS = (1 / 16, 1.0)  # for a cross pool of more symbols: each start costs more
# Symbols of a cross pool up to which those starts are searched (each costs a descent).
_COMBINED_SYMBOLS = 12
_PRICES_KEPT = 16  # prices a pool remembers itself at (``pool_at``)
_NO_POOLS = alone_pools(())  # a symbol no pool of one symbol holds
_MANY_PARTS = 8  # parts of a pool from which a move of one updates its figures, not resums
# Pools × places of the symbols only isolated pools hold, from which their searches at the
# marks are made at once (below, numpy's overhead costs more than one by one).
_BATCHED = 2_000
# Symbols only the cross pool holds from which their searches at the marks are made at once.
_BATCHED_SYMBOLS = 8


@dataclass(frozen=True, slots=True)
class WorstMove:
    """Where a search found the lowest worth: ``prices`` (0 means "towards 0"), ``loss`` from
    today's equity, and the positions liquidated on the way. Not those past liquidation at
    today's marks: no move liquidates them ("If BTCUSDT is wrong … also closes E" named an
    ETH position past liquidation already); their figures say so (``past_liquidation``)."""

    loss: float
    prices: dict[str, float]
    liquidated: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class SymbolRisk:
    """ "If SYMBOL is wrong": the worst fall and the worst rise of that symbol alone.

    ``hedged`` is True when the symbol's legs in a cross pool offset each other: then only
    the rise liquidates, because maintenance grows with the price while PnL cancels out.
    """

    symbol: str
    fall: WorstMove
    rise: WorstMove
    hedged: bool

    @property
    def worst(self) -> WorstMove:
        return self.fall if self.fall.loss >= self.rise.loss else self.rise


def worth(pool: Pool, prices: Mapping[str, float], marks: Mapping[str, float]) -> float:
    """A pool's worth after a straight move to ``prices``: its equity if it survives, else 0
    (also 0 when it is liquidated already at ``marks``)."""
    if not pool.legs:
        return max(pool.cash, 0.0)
    if pool.health(prices) <= 0 or (marks is not prices and pool.health(marks) <= 0):
        return 0.0
    return float(pool.equity(prices))


def pool_max_loss(pool: Pool, marks: Mapping[str, float]) -> float:
    """A pool's max loss if wrong (module docstring: exact, by separability). Health and
    equity are sums of one part per symbol, each concave (health) or linear (equity) in its
    price, so each part is lowest at 0 or at the largest price a move may name."""
    now = equity_now(pool, marks)
    if not pool.legs or pool.health(marks) <= 0:
        return now if pool.legs else 0.0
    lowest = lowest_worth(pool)
    return now if lowest is None else max(now - lowest, 0.0)


def lowest_worth(pool: Pool) -> float | None:
    """The lowest equity a move can leave a pool with, None when some move liquidates it
    (``pool_max_loss``); found once per pool."""
    found = pool.memo.get(_LOWEST, _MISSING)
    if found is _MISSING:  # the memo read inline, as ``pool_at``
        found = pool.memo[_LOWEST] = _lowest_worth(pool)
    return cast(float | None, found)


_LOWEST = "lowest worth"
_MISSING = object()


def _lowest_worth(pool: Pool) -> float | None:
    lowest_health = lowest_equity = pool.cash
    for part in pool.parts.values():
        terms = part.lowest_terms
        if terms is None:  # found once per part: pools built anew share their parts
            terms = part.lowest_terms = (
                min(float(part.health(x)) for x in (0.0, MAX_PRICE)),
                min(float(part.equity(x)) for x in (0.0, MAX_PRICE)),
            )
        lowest_health += terms[0]
        lowest_equity += terms[1]
    return None if lowest_health <= 0 else lowest_equity


def _lowest_by_side(places: list[float], values: list[float]) -> dict[int, tuple[float, float]]:
    """The lowest worth and where, both ways (0), down (−1) and up (+1) from ``places[0]``.
    The start wins unless a move is clearly lower; of equally low places, the farthest from
    the start (a pool left just past its threshold could be revived by the next move)."""
    start, here = places[0], values[0]
    low = down = up = here  # each side's lowest, the start's when none is lower
    others = list(zip(places[1:], values[1:], strict=True))
    for x, v in others:
        if v < low:
            low = v
        if x < start:
            if v < down:
                down = v
        elif x > start and v < up:
            up = v
    best = {}
    for side, lowest in ((0, low), (-1, down), (1, up)):
        chosen = (here, start)
        if lowest < here - 1e-12 * max(1.0, abs(here)):
            tied = lowest + 1e-12 * max(1.0, abs(lowest))
            farthest = -1.0
            for x, v in others:
                if v <= tied and _on_side(x, start, side):
                    away = _distance(x, start)
                    if away > farthest:
                        farthest, chosen = away, (v, x)
        best[side] = chosen
    return best


def _lowest_by_sides(
    first: IntArray, places: FloatArray, values: FloatArray
) -> list[dict[int, tuple[float, float]]]:
    """``_lowest_by_side`` of many line searches at once: search ``g`` compares
    ``places[first[g]:first[g + 1]]`` (its start first), worth ``values`` there. Each step as
    there, element by element: the start unless a side is clearly lower, else its farthest
    place of those tied for its lowest (the first of equally far ones)."""
    count = first.size
    size = places.size
    segment = np.repeat(np.arange(count), np.diff(np.append(first, size)))
    start = places[first][segment]
    rest = np.ones(size, dtype=bool)
    rest[first] = False  # the places compared with the start: every one but the start
    side_of = np.where(places < start, -1, np.where(places > start, 1, 0))
    order = np.arange(size)
    with np.errstate(all="ignore"):
        away = np.where(
            start <= 0,
            places,
            np.where(places <= 0, np.inf, np.abs(np.log(places) - np.log(start))),
        )
    here_of = values[first]
    sides: list[list[tuple[float, float]]] = []
    for side in (0, -1, 1):
        on_side = rest if side == 0 else rest & (side_of == side)
        lowest = np.minimum(here_of, np.minimum.reduceat(np.where(on_side, values, np.inf), first))
        lower = lowest < here_of - 1e-12 * np.maximum(1.0, np.abs(here_of))
        tied = lowest + 1e-12 * np.maximum(1.0, np.abs(lowest))
        candidate = on_side & (values <= tied[segment]) & lower[segment]
        distance = np.where(candidate, away, -np.inf)
        farthest = np.maximum.reduceat(distance, first)
        best = candidate & (distance == farthest[segment])
        chosen = np.minimum.reduceat(np.where(best, order, size), first)
        at = np.where(lower & (chosen < size), chosen, first)  # else the start
        sides.append(list(zip(values[at].tolist(), places[at].tolist(), strict=True)))
    return [{0: both, -1: down, 1: up} for both, down, up in zip(*sides, strict=True)]


def _on_side(x: float, start: float, side: int) -> bool:
    return side == 0 or (x < start if side < 0 else x > start)


def _distance(x: float, start: float) -> float:
    """How far ``x`` is from ``start``, as a ratio: 0 is infinitely far. From 0 (a search that
    starts with every price at 0), every price is infinitely far: the larger, the farther."""
    if start <= 0:
        return x
    if x <= 0:
        return math.inf
    return abs(math.log(x) - math.log(start))  # x / start may underflow to 0


class _State(NamedTuple):
    """Every live pool at ``prices``: each symbol part's equity and maintenance, the pool's
    health and equity summed from them (in the order ``Pool.health`` sums), and the account's
    worth there."""

    prices: dict[str, float]
    part_equity: list[list[float]]
    part_maintenance: list[list[float]]
    health: list[float]
    equity: list[float]
    total: float
    down: frozenset[int]  # the pools liquidated there (health ≤ 0)


class _Account:
    """The pools of one variant, searched over prices. A move of one symbol changes only the
    pools that hold it, and in them only that symbol's part: each search step costs the legs
    of the symbol that moves, not the whole book."""

    def __init__(
        self,
        pools: tuple[Pool, ...],
        marks: Mapping[str, float],
        lost_elsewhere: float = 0.0,
        kept_elsewhere: float = 0.0,
        isolated: IsolatedColumns | None = None,
    ) -> None:
        """``lost_elsewhere``: what pools left out of ``pools`` lose at any move of the
        symbols searched (``symbol_loss``), counted in today's equity; ``kept_elsewhere``:
        what they are worth at any such move, counted in the worth everywhere, so the search
        weighs its near-ties on the whole account's scale, as the whole account's does.
        ``isolated``: isolated pools as columns, beside ``pools`` (which then hold none): each
        symbol's live ones are searched as one ``AloneRows``, whose worth follows its price."""
        self.marks = dict(marks)
        self.live: list[Pool] = []
        self.parts: list[list[SymbolPart]] = []
        self.ids: list[list[str]] = []
        # For each symbol: (pool index, index of the symbol's part in that pool).
        self.by_symbol: dict[str, list[tuple[int, int]]] = {symbol: [] for symbol in marks}
        alone: dict[str, list[int]] = {symbol: [] for symbol in marks}
        found: list[_PoolAt] = []
        # One pass over the pools (a book's thousands), summing in their order as before. A
        # pool liquidated today is worth 0 after any move; a free balance stays as it is.
        fixed = now = kept_elsewhere
        lows = 0.0
        for pool in pools:
            if not pool.legs:
                cash = max(pool.cash, 0.0)
                fixed += cash
                now += cash
                continue
            today = pool_at(pool, self.marks)
            now += max(today.equity, 0.0)
            if today.health <= 0:  # liquidated today: no move liquidates it, nor revives it
                continue
            row = pool.memo.get(_ROW)
            if row is None:
                row = pool.memo[_ROW] = _row(pool)
            index = len(self.live)
            self.live.append(pool)
            self.parts.append(row.parts)
            self.ids.append(row.ids)
            found.append(today)
            for k, symbol in enumerate(row.symbols):
                self.by_symbol[symbol].append((index, k))
            if len(row.symbols) == 1:
                alone[row.symbols[0]].append(index)
            # No move leaves the account worth less than each live pool at its own lowest: a
            # search that gets there has found the worst, and looks no further.
            lows += row.lowest
        # Each symbol's isolated pools as columns: alive today, else worth 0 after any move.
        self.rows: dict[str, AloneRows] = {}
        if isolated is not None and len(isolated):
            now += float(np.maximum(isolated.equity, 0.0).sum())
            self.rows = alone_rows(isolated)
            lows += sum(rows.lowest for rows in self.rows.values())
        self.fixed, self.now, self.floor = fixed, now + lost_elsewhere, fixed + lows
        self._searched: dict[tuple[str, tuple[float, ...]], dict[int, tuple[float, float]]] = {}
        self._sharing: dict[str, frozenset[str]] = {}
        self._at_marks_worst: WorstMove | None = None
        # For each symbol: the pools holding it alone (their indices, and as ``AlonePools``).
        self.alone_indices = {symbol: frozenset(rows) for symbol, rows in alone.items() if rows}
        self.alone = {
            symbol: alone_pools(tuple(self.live[i] for i in rows))
            for symbol, rows in alone.items()
            if rows
        }
        self.at_marks = self._state(self.marks, found)

    def at_floor(self, state: _State) -> bool:
        tolerance = 1e-12 * max(1.0, abs(self.floor))
        if state.total <= self.floor + tolerance:
            return True
        if state.total > self.floor + 1e-9 * max(1.0, abs(self.now)):
            return False
        # Near it: the running total carries the rounding of every move (a book whose pools
        # are all liquidated keeps 1e-11 of them), so the worths are summed afresh to decide.
        live = math.fsum(
            [
                *(e for i, e in enumerate(state.equity) if i not in state.down),
                *(rows.worth(state.prices[symbol]) for symbol, rows in self.rows.items()),
            ]
        )
        return self.fixed + live <= self.floor + tolerance

    def state(self, prices: Mapping[str, float]) -> _State:
        # Each pool at some prices is found once per pool (``pool_at``): a book's edit keeps
        # all but a few pools, and its search starts and ends where the last one did.
        return self._state(prices, [pool_at(pool, prices) for pool in self.live])

    def _state(self, prices: Mapping[str, float], found: list[_PoolAt]) -> _State:
        """The account at ``prices``, from each live pool there (``pool_at``)."""
        part_equity = [pool.part_equity for pool in found]
        part_maintenance = [pool.part_maintenance for pool in found]
        health = [pool.health for pool in found]
        equity = [pool.equity for pool in found]
        total = self.fixed + sum(e for h, e in zip(health, equity, strict=True) if h > 0)
        for symbol, rows in self.rows.items():
            total += rows.worth(prices[symbol])
        down = frozenset(i for i, h in enumerate(health) if h <= 0)
        return _State(dict(prices), part_equity, part_maintenance, health, equity, total, down)

    def moved(self, state: _State, symbol: str, x: float) -> _State:
        """``state`` with ``symbol`` at ``x``: only the pools holding it are recomputed."""
        if x == state.prices[symbol]:
            return state
        part_equity, part_maintenance = list(state.part_equity), list(state.part_maintenance)
        health, equity = list(state.health), list(state.equity)
        changed, total, down = self._changed(state, symbol, x)
        for i, equities, maintenances, h, e in changed:
            part_equity[i], part_maintenance[i], health[i], equity[i] = equities, maintenances, h, e
        prices = {**state.prices, symbol: x}
        return _State(prices, part_equity, part_maintenance, health, equity, total, down)

    def moved_worst(self, state: _State, symbol: str, x: float) -> WorstMove:
        """``worst_move(moved(state, symbol, x))``, without copying every pool's figures into
        a new state: "If SYMBOL is wrong" asks it of every symbol both ways, and keeps only
        the figure."""
        if x == state.prices[symbol]:
            return self.worst_move(state)
        _, total, down = self._changed(state, symbol, x, keep=False)
        moved = (symbol,) if state is self.at_marks else None  # the one price off its mark
        return self._worst(total, down, {**state.prices, symbol: x}, moved)

    def _changed(
        self, state: _State, symbol: str, x: float, keep: bool = True
    ) -> tuple[list[tuple[int, list[float], list[float], float, float]], float, frozenset[int]]:
        """The pools holding ``symbol``, with it at ``x``: (index, parts' equity, parts'
        maintenance, health, equity) each, and the account's worth and its liquidated pools.
        Without ``keep``, the worth and the liquidated pools only: no list is copied."""
        total, down = state.total, state.down
        rows = self.rows.get(symbol)
        if rows is not None:
            total += rows.worth(x) - rows.worth(state.prices[symbol])
        added: set[int] = set()
        revived: set[int] = set()
        changed = []
        for i, k in self.by_symbol[symbol]:
            part = self.parts[i][k]
            if state.health[i] > 0:
                total -= state.equity[i]
            equity_k, maintenance_k = float(part.equity(x)), float(part.maintenance(x))
            if keep:
                equities = list(state.part_equity[i])
                equities[k] = equity_k
                maintenances = list(state.part_maintenance[i])
                maintenances[k] = maintenance_k
                h, e = _pool_values(self.live[i].cash, equities, maintenances)
                changed.append((i, equities, maintenances, h, e))
            elif len(state.part_equity[i]) > _MANY_PARTS:
                # A cross pool of many symbols: its figures less the part's old, plus its new
                # (far from 0 at every place a search compares, the rounding decides nothing).
                was_e, was_m = state.part_equity[i][k], state.part_maintenance[i][k]
                e = state.equity[i] - was_e + equity_k
                h = state.health[i] - (was_e - was_m) + (equity_k - maintenance_k)
            else:
                h, e = _pool_values_with(
                    self.live[i].cash,
                    state.part_equity[i],
                    state.part_maintenance[i],
                    k,
                    equity_k,
                    maintenance_k,
                )
            if h > 0:
                total += e
                if i in down:
                    revived.add(i)
            elif i not in down:
                added.add(i)
        if added or revived:  # most moves leave the same pools liquidated: no new set
            down = (down - revived) | added
        return changed, total, down

    def afresh(self, state: _State) -> _State:
        """``state`` with its worth summed afresh: a descent keeps a running total through
        moves to prices near 10^12, whose worths dwarf the answer; two descents' ends are
        compared by what a move there is worth."""
        return state if state is self.at_marks else self.state(state.prices)

    def found(self, state: _State) -> WorstMove:
        """The account's worst move at ``state``'s prices, its worth summed afresh: a descent
        keeps its running total through many moves, some to prices near 10^12 whose worths
        dwarf the answer, and the figure must be the worth a move there gives."""
        return self.worst_move(self.state(state.prices))

    def worst_move(self, state: _State) -> WorstMove:
        """The loss from today's equity to the worth at ``state`` (kept up to date move by
        move: summing every pool again costs a big book more than the search itself). At the
        marks, found once and shared (read only, as every ``WorstMove``): "If SYMBOL is
        wrong" asks it of every side no move of its symbol makes worse."""
        if state is self.at_marks:  # every price at its mark
            if self._at_marks_worst is None:
                self._at_marks_worst = self._worst(state.total, state.down, dict(state.prices), ())
            return self._at_marks_worst
        return self._worst(state.total, state.down, dict(state.prices))

    def _worst(
        self,
        total: float,
        down: frozenset[int],
        prices: dict[str, float],
        moved: tuple[str, ...] | None = None,
    ) -> WorstMove:
        """``moved``: the symbols whose prices are off their marks, when the caller knows."""
        gone: list[str] = []  # not ``dead``: no move liquidates a pool liquidated today
        if self.rows:  # the isolated pools, in the book's order, before ``pools``
            # All alive at the marks: only a symbol moved from its mark liquidates any.
            if moved is not None and len(moved) <= 1:
                rows = self.rows.get(moved[0]) if moved else None
                if rows is not None:
                    gone += [rows.id_of[row] for row in rows.dead(prices[moved[0]])]
            else:
                marks = self.marks
                dead = sorted(
                    (row, rows.id_of[row])
                    for symbol, rows in self.rows.items()
                    if prices[symbol] != marks[symbol]
                    for row in rows.dead(prices[symbol])
                )
                gone += [pid for _, pid in dead]
        for i in sorted(down):
            gone += self.ids[i]
        return WorstMove(max(self.now - total, 0.0), prices, tuple(gone))

    def search_alone(self) -> None:
        """The line searches at the marks of every symbol only isolated pools hold, found at
        once (``slices.worths_along``, ``_lowest_by_sides``): "If SYMBOL is wrong" asks them
        of a book's every symbol. Each is the search ``line_search`` makes, kept as its."""
        state = self.at_marks
        symbols = [s for s in self.rows if not self.by_symbol[s]]
        work = sum(len(self.rows[s].rows) * len(self.rows[s].points) for s in symbols)
        if work < _BATCHED:
            return  # one by one costs no more
        groups = [self.rows[s] for s in symbols]
        starts = [state.prices[s] for s in symbols]
        first, places, local = worths_along(groups, starts)
        bases = [
            state.total - rows.worth(start) for rows, start in zip(groups, starts, strict=True)
        ]
        self._keep(symbols, first, np.diff(np.append(first, places.size)), places, bases, local)

    def search_shared(self) -> None:
        """The line searches at the marks of every symbol one pool of several symbols holds
        and no other pool does (a cross pool's own symbols), found at once
        (``slices.slice_worths``, ``_lowest_by_sides``). Each is the search ``line_search``
        makes, kept as its."""
        state = self.at_marks
        chosen: list[tuple[str, int]] = []
        pieces: list[Slice] = []
        for symbol, held in self.by_symbol.items():
            if len(held) != 1 or symbol in self.rows or symbol in self.alone_indices:
                continue
            i, k = held[0]
            chosen.append((symbol, i))
            pieces.append(self._slice(state, i, k))
        if len(chosen) < _BATCHED_SYMBOLS:
            return  # one by one costs no more
        many_roots(pieces)
        place_lists, bases = [], []
        for (symbol, i), piece in zip(chosen, pieces, strict=True):
            points = {*_NO_POOLS.points, *nudged(piece.roots())}
            place_lists.append([state.prices[symbol], *sorted(x for x in points if x <= MAX_PRICE)])
            bases.append(state.total - state.equity[i] if state.health[i] > 0 else state.total)
        counts = np.array([len(places) for places in place_lists], dtype=np.intp)
        first = (np.cumsum(counts) - counts).astype(np.intp)
        places = np.array([x for found in place_lists for x in found], dtype=float)
        local = slice_worths(pieces, place_lists)
        self._keep([symbol for symbol, _ in chosen], first, counts, places, bases, local)

    def _slice(self, state: _State, i: int, k: int) -> Slice:
        """Live pool ``i`` at ``state``, seen along its part ``k``'s symbol."""
        return Slice.apart(
            self.parts[i][k],
            state.part_equity[i][k],
            state.part_maintenance[i][k],
            state.health[i],
            state.equity[i],
        )

    def _keep(
        self,
        symbols: list[str],
        first: IntArray,
        counts: IntArray,
        places: FloatArray,
        bases: list[float],
        local: FloatArray,
    ) -> None:
        """Each symbol's searches at the marks, found at once: its places (``counts`` of
        them from ``first``) worth the rest of the account (``bases``) plus its own pools
        (``local``); kept as ``line_search`` keeps its own."""
        values = np.repeat(np.array(bases, dtype=float), counts) + local
        key = tuple(self.at_marks.prices.values())
        for symbol, found in zip(symbols, _lowest_by_sides(first, places, values), strict=True):
            self._searched[symbol, key] = found

    def line_search(self, symbol: str, state: _State, side: int = 0) -> tuple[float, float]:
        """The lowest worth moving ``symbol`` alone, and where: both ways (side 0), down (−1)
        or up (+1)."""
        key = (symbol, tuple(state.prices.values()))
        found = self._searched.get(key)
        if found is None:
            found = self._searched[key] = self._line_search(symbol, state)
        return found[side]

    def _line_search(self, symbol: str, state: _State) -> dict[int, tuple[float, float]]:
        """Lowest worth and where, for each side (0 both, −1 down, +1 up). Only the pools
        holding ``symbol`` change; the candidates are 0, every threshold (just past it) and
        the largest price a move may name (module docstring)."""
        start = state.prices[symbol]
        base = state.total
        alone = self.alone.get(symbol, _NO_POOLS)
        indices = self.alone_indices.get(symbol, frozenset())
        rows = self.rows.get(symbol)
        if rows is not None:
            base -= rows.worth(start)
        slices = []  # the pools holding other symbols too: their rest moves with the state
        for i, k in self.by_symbol[symbol]:
            if state.health[i] > 0:
                base -= state.equity[i]
            if i in indices:
                continue
            slices.append(self._slice(state, i, k))
        if not slices and rows is not None and not alone.slices:  # its isolated pools only
            places, worths = rows.worths_from(start)
            return _lowest_by_side(places, [base + value for value in worths])
        if not slices and rows is None:  # the symbol's pools hold it alone: from the start
            if len(alone.slices) * len(alone.points) > SCALAR_WORK:
                places, local = alone.worths_from(start)
                return _lowest_by_side(places, (local + base).tolist())
            places, sums = alone.sums_from(start)
            return _lowest_by_side(places, [base + total for total in sums])
        points = set(alone.points) if rows is None else alone.points | rows.points
        for piece in slices:
            points.update(nudged(piece.roots()))
        places = [start, *sorted(x for x in points if x <= MAX_PRICE)]
        pieces = len(alone.slices) + len(slices)
        if rows is None and len(places) * pieces <= SCALAR_WORK:  # numpy's overhead costs more
            every = [*alone.slices, *slices]
            values = [base + sum(piece.worth(x) for piece in every) for x in places]
        else:
            xs = np.array(places, dtype=float)
            array = np.full(xs.shape, float(base))
            alone.add_worths(array, xs)
            if rows is not None:
                rows.add_worths(array, xs)
            for piece in slices:
                array += piece.worths(xs)
            values = array.tolist()
        return _lowest_by_side(places, values)

    def at_lowest(self, state: _State, lowest: float | None) -> bool:
        """Whether ``state`` is worth the account's ``lowest`` (``lowest_apart``; None when
        it is not known), to rounding: no move goes lower."""
        return lowest is not None and state.total <= lowest + 1e-12 * max(1.0, abs(self.now))

    def lowest_apart(self, start: _State) -> float | None:
        """The account's lowest worth, exactly, where one pool spans several symbols and no
        other pool holds any of them: ``start`` (every other symbol at its own lowest, that
        pool's at their marks) with that pool at its own lowest (``lowest_worth``: 0 where a
        move liquidates it). Its symbols move that pool only, the others every pool but it,
        so the two lowest add up. None in any other book."""
        spanning = [i for i, parts in enumerate(self.parts) if len(parts) > 1]
        if len(spanning) != 1:
            return None
        (i,) = spanning
        if any(
            len(self.by_symbol[part.symbol]) > 1 or part.symbol in self.rows
            for part in self.parts[i]
        ):
            return None
        own = lowest_worth(self.live[i])
        worth = start.equity[i] if start.health[i] > 0 else 0.0
        return start.total - worth + (0.0 if own is None else own)

    def coupled(self) -> int | None:
        """The live pool spanning several symbols (the cross pool), when there is one only and
        another pool (an isolated one) shares one of its symbols: only then can a move that
        sinks both be missed by moving one symbol at a time."""
        found = [i for i, parts in enumerate(self.parts) if len(parts) > 1]
        if len(found) != 1:
            return None
        cross = found[0]
        shared = any(
            i != cross for part in self.parts[cross] for i, _ in self.by_symbol[part.symbol]
        ) or any(part.symbol in self.rows for part in self.parts[cross])
        return cross if shared else None

    def lagrangian_starts(self, cross: int, weights: tuple[float, ...]) -> list[_State]:
        """Where to start looking for a move that sinks the cross pool and the isolated pools
        together (module docstring): for each weight ``λ`` of ``weights``, every symbol at its
        own price minimising "its isolated pools' worth + λ · its part of the cross pool's
        health". At λ = 0 that is the isolated pools' worst; as λ grows, prices that sink the
        cross pool win. Each term is piecewise linear between the pools' thresholds and the
        cross part's tier boundaries, so its minimum is at one of them, at 0 or at the
        largest price a move may name; of equal minima, the nearest to the mark."""
        chosen = [dict(self.marks) for _ in weights]
        lambdas = np.array(weights)
        for symbol, mark in self.marks.items():
            alone, rows = self.alone.get(symbol, _NO_POOLS), self.rows.get(symbol)
            held = [k for i, k in self.by_symbol[symbol] if i == cross]
            part = self.parts[cross][held[0]] if held else None
            points = {*alone.points, mark, *(() if rows is None else rows.points)}
            if part is not None:
                points.update(part.edges)
            xs = np.array(sorted(x for x in points if x <= MAX_PRICE))
            values = np.zeros(xs.shape)
            with np.errstate(all="ignore"):  # prices near 0 or 10^12: inf, as in floats
                alone.add_worths(values, xs)
                if rows is not None:
                    rows.add_worths(values, xs)
                health = np.zeros(xs.shape) if part is None else part.health(xs)
                costs = values[None, :] + lambdas[:, None] * health[None, :]
                lowest = np.nanmin(costs, axis=1, keepdims=True)
                ties = costs <= lowest + 1e-12 * np.maximum(1.0, np.abs(lowest))
                away = np.where(xs > 0, np.abs(np.log(xs) - math.log(mark)), np.inf)
            nearest = np.argmin(np.where(ties, away[None, :], np.inf), axis=1)
            for prices, index in zip(chosen, nearest.tolist(), strict=True):
                prices[symbol] = float(xs[index])
        unique = {tuple(prices.values()): prices for prices in chosen}
        return [self.state(prices) for prices in unique.values()]

    def descend(self, start: _State, order: list[str], lowest: float | None = None) -> _State:
        """Exact one-symbol searches in turn, pass after pass, until a pass improves nothing.
        A symbol is searched again only when a pool it shares with a symbol moved since: a
        move of another symbol shifts its line's worth and the account's by the same amount
        (the pools that hold it are untouched), so it cannot improve then; and a symbol just
        moved stands at its own line's lowest. In a book of isolated positions beside a cross
        pool, the second pass searched every isolated symbol again for nothing."""
        state = start
        settled: set[str] = set()  # searched (or moved) since anything it shares moved
        for _ in range(6):
            improved = False
            for symbol in order:
                if symbol in settled:
                    continue
                value, x = self.line_search(symbol, state)
                settled.add(symbol)
                if value < state.total - 1e-9 * max(1.0, abs(state.total)):
                    state, improved = self.moved(state, symbol, x), True
                    if self.at_floor(state) or self.at_lowest(state, lowest):
                        return state  # no move goes lower
                    settled -= self.sharing(symbol)
                    settled.add(symbol)
            if not improved:
                break
        return state

    def sharing(self, symbol: str) -> frozenset[str]:
        """The symbols of every live pool that holds ``symbol`` (itself included)."""
        found = self._sharing.get(symbol)
        if found is None:
            found = self._sharing[symbol] = frozenset(
                part.symbol for i, _ in self.by_symbol[symbol] for part in self.parts[i]
            )
        return found


def _pool_values(
    cash: float, equities: list[float], maintenances: list[float]
) -> tuple[float, float]:
    """A pool's health and equity from its parts' equity and maintenance, summed in the
    order ``Pool.health`` sums them."""
    equity = cash
    for value in equities:
        equity += value
    maintenance = 0.0
    for value in maintenances:
        maintenance += value
    return equity - maintenance, equity


def _pool_values_with(
    cash: float,
    equities: list[float],
    maintenances: list[float],
    k: int,
    equity_k: float,
    maintenance_k: float,
) -> tuple[float, float]:
    """``_pool_values`` with part ``k``'s figures replaced, summed in the same order, without
    copying the lists: "If SYMBOL is wrong" asks it of every pool holding every symbol."""
    if len(equities) == 1:
        equity = cash + equity_k
        return equity - (0.0 + maintenance_k), equity
    equity = cash
    for j, value in enumerate(equities):
        equity += equity_k if j == k else value
    maintenance = 0.0
    for j, value in enumerate(maintenances):
        maintenance += maintenance_k if j == k else value
    return equity - maintenance, equity


class _Row(NamedTuple):
    """What an account's search reads of a pool whatever the prices, found once per pool (a
    book's edit keeps all its pools but a few, and each search walks them all): its parts,
    its positions' IDs, its symbols in its parts' order, and its lowest worth (0 where a move
    liquidates it). Read only: every search shares the lists."""

    parts: list[SymbolPart]
    ids: list[str]
    symbols: tuple[str, ...]
    lowest: float


def _row(pool: Pool) -> _Row:
    return _Row(
        list(pool.parts.values()),
        [leg.position_id for leg in pool.legs],
        tuple(pool.parts),
        lowest_worth(pool) or 0.0,
    )


_ROW = "account row"


class _PoolAt(NamedTuple):
    """A pool at some prices: its parts' equity and maintenance, its health and equity."""

    part_equity: list[float]
    part_maintenance: list[float]
    health: float
    equity: float


def pool_at(pool: Pool, prices: Mapping[str, float]) -> _PoolAt:
    """A pool at ``prices``, found once per pool and prices (shared: a search copies a pool's
    lists before it moves it). A pool keeps up to ``_PRICES_KEPT`` prices it was seen at: the
    marks, and the few places a search starts from and ends at."""
    seen: Remembered[tuple[float, ...], _PoolAt] | None = pool.memo.get(_PARTS_AT)
    if seen is None:  # the memo read inline: a search starts at every pool of a book
        seen = pool.memo[_PARTS_AT] = Remembered(_PRICES_KEPT)
    key = tuple([prices[symbol] for symbol in pool.parts])
    return seen.get(key, lambda: _parts_at(pool, prices))


_PARTS_AT = "parts at"


def _parts_at(pool: Pool, prices: Mapping[str, float]) -> _PoolAt:
    parts = pool.parts.values()
    equities = [float(part.equity(prices[part.symbol])) for part in parts]
    maintenances = [float(part.maintenance(prices[part.symbol])) for part in parts]
    return _PoolAt(equities, maintenances, *_pool_values(pool.cash, equities, maintenances))


def _symbol_risks(account: _Account, pools: tuple[Pool, ...]) -> dict[str, SymbolRisk]:
    out = {}
    at_marks = account.at_marks
    hedged = _hedged_symbols(pools)
    account.search_alone()
    account.search_shared()
    for symbol in account.marks:
        _, fall = account.line_search(symbol, at_marks, -1)
        _, rise = account.line_search(symbol, at_marks, +1)
        out[symbol] = SymbolRisk(
            symbol,
            account.moved_worst(at_marks, symbol, fall),
            account.moved_worst(at_marks, symbol, rise),
            symbol in hedged,
        )
    return out


class Settled(NamedTuple):
    """What ``symbol_loss`` reads of some pools for one symbol, found once (``settled``): the
    pools, those of them holding the symbol, and what the others lose and keep at any move of
    it, summed in the pools' order."""

    pools: tuple[Pool, ...]
    moving: tuple[Pool, ...]
    lost: float
    kept: float


_NOTHING_SETTLED = Settled((), (), 0.0, 0.0)


def settled(pools: tuple[Pool, ...], symbol: str) -> Settled:
    """``Settled`` of ``pools`` for ``symbol``: a pre-trade check's probes all start with the
    book's own pools, a thousand of them in a big book, and differ only in the order's."""
    moving, lost, kept = _settle([], 0.0, 0.0, pools, symbol)
    return Settled(pools, tuple(moving), lost, kept)


def _settle(
    moving: list[Pool], lost: float, kept: float, pools: tuple[Pool, ...], symbol: str
) -> tuple[list[Pool], float, float]:
    """``moving``, ``lost`` and ``kept`` (``Settled``) continued over ``pools``, in order."""
    for pool in pools:
        if symbol in pool.parts:
            moving.append(pool)
        elif pool.legs:
            found = pool.memo.get(_TODAY)  # inline: a book's thousands, at every probe
            if found is None:
                found = pool.memo[_TODAY] = _today(pool)
            lost += found[0]
            kept += found[1]
        else:
            kept += max(pool.cash, 0.0)
    return moving, lost, kept


def symbol_loss(
    pools: tuple[Pool, ...],
    marks: Mapping[str, float],
    symbol: str,
    side: int,
    known: Settled | None = None,
) -> WorstMove:
    """The worst the account can reach moving ``symbol`` alone, down (−1) or up (+1): the same
    exact search as "If SYMBOL is wrong", for one symbol and one side. Only the pools holding
    ``symbol`` are searched: any other keeps its worth at every price of ``symbol``, so it
    adds nothing to the loss, unless it is liquidated today already (worth 0 after any move),
    when it adds its equity today, as the whole account's search counts it. A pre-trade check
    asks this at dozens of sizes of one order, in a book of thousands of positions: ``known``,
    ``settled`` of the pools its probes start with, is read instead where ``pools`` do start
    with those very pools (the sums then go on from it, in the same order)."""
    if known is None or not _starts_with(pools, known.pools):
        known = _NOTHING_SETTLED
    rest = pools[len(known.pools) :]
    moving, lost, kept = _settle(list(known.moving), known.lost, known.kept, rest, symbol)
    account = _Account(tuple(moving), marks, lost, kept)
    _, x = account.line_search(symbol, account.at_marks, side)
    return account.moved_worst(account.at_marks, symbol, x)


def _starts_with(pools: tuple[Pool, ...], first: tuple[Pool, ...]) -> bool:
    """Whether ``pools`` begin with the very pools of ``first``, in their order."""
    return len(first) <= len(pools) and all(map(operator.is_, first, pools))


_TODAY = "lost or kept today"


def _today(pool: Pool) -> tuple[float, float]:
    """What a move of a symbol the pool does not hold does to it, judged at its legs' marks as
    ``_Account`` judges it: liquidated today already, it loses its equity (first figure);
    alive, it keeps it (second)."""
    today = pool_at(pool, {leg.symbol: leg.mark for leg in pool.legs})
    if today.health <= 0:
        return max(today.equity, 0.0), 0.0
    return 0.0, today.equity


def max_losses(
    pools: tuple[Pool, ...], marks: Mapping[str, float], isolated: IsolatedColumns | None = None
) -> tuple[dict[str, SymbolRisk], WorstMove]:
    """ "If SYMBOL is wrong" for every symbol, and the account's max loss, sharing one search.
    ``isolated``: the isolated pools as columns, where ``pools`` hold the rest."""
    account = _Account(pools, marks, isolated=isolated)
    risks = _symbol_risks(account, pools)
    return risks, _account_max_loss(account, risks)


def _account_max_loss(account: _Account, risks: Mapping[str, SymbolRisk]) -> WorstMove:
    symbols = list(account.marks)
    at_marks = account.at_marks
    best = at_marks
    # Every symbol's own worst move is a candidate, so the account's figure is never below
    # what one symbol alone can do; the descents look for combinations beyond them.
    chosen, lowest = None, at_marks.total
    for risk in risks.values():
        for move in (risk.fall, risk.rise):
            if move.loss > 0 and account.now - move.loss < lowest:  # its worth there
                chosen, lowest = (risk.symbol, move.prices[risk.symbol]), account.now - move.loss
    if chosen is not None:
        best = account.moved(at_marks, *chosen)
    if account.at_floor(best):
        return account.found(best)
    if all(len(pool.parts) == 1 for pool in account.live):
        # No pool spans two symbols: the worth is a sum of one-symbol parts, and each part's
        # own lowest, found by its exact search, together give the exact lowest.
        separable = account.state({s: account.line_search(s, at_marks)[1] for s in symbols})
        if separable.total < best.total:
            return account.worst_move(separable)  # summed afresh by ``state``
        return account.found(best)
    # A symbol no pool of several symbols holds moves its pools alone: its own exact search
    # gives where it sinks them most, whatever the other prices. Those symbols are set there
    # first; the descents then move only the symbols pools of several symbols hold.
    coupled = {part.symbol for parts in account.parts if len(parts) > 1 for part in parts}
    held = [s for s in symbols if s in coupled]
    base = {**account.marks}
    for symbol in symbols:
        if symbol not in coupled:
            base[symbol] = account.line_search(symbol, at_marks)[1]
    start = account.state(base) if len(held) < len(symbols) else at_marks
    if start.total < best.total:
        best = start
        if account.at_floor(best):
            return account.found(best)
    exact = account.lowest_apart(start)
    symbols = held
    starts = [(start, held), (account.state({**base, **dict.fromkeys(held, 0.0)}), held[::-1])]
    for start, order in starts:
        found = account.afresh(account.descend(start, order, exact))
        if found.total < best.total:
            best = found
        if account.at_floor(best) or account.at_lowest(best, exact):
            return account.found(best)
    cross = account.coupled()
    if cross is not None:
        few = len(account.parts[cross]) <= _COMBINED_SYMBOLS
        # Which symbol moves first decides where a descent ends (one that first revives an
        # isolated pool to sink the cross pool stops there): a few symbols go both ways.
        orders = [symbols, symbols[::-1]] if few else [symbols]
        for start in account.lagrangian_starts(cross, _WEIGHTS if few else _FEWER_WEIGHTS):
            for order in orders:
                found = account.afresh(account.descend(start, order))
                if found.total < best.total:
                    best = found
                if account.at_floor(best):
                    return account.found(best)
    return account.found(best)


def _hedged_symbols(pools: tuple[Pool, ...]) -> set[str]:
    """The symbols a cross pool holds both ways in legs that cancel out."""
    return {
        symbol
        for pool in pools
        if pool.kind == "cross"
        for symbol, part in pool.parts.items()
        if len({leg.sign for leg in part.legs}) > 1
        and abs(part.net) <= 1e-9 * sum(leg.quantity for leg in part.legs)
    }
