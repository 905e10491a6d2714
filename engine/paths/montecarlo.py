"""Monte Carlo odds of liquidation in each variant (issue 6).

Two models of the price paths:

* correlated geometric Brownian motion: ``d ln S = (μ − σ²/2) dt + σ dW`` with one volatility
  per symbol (annualised) and a correlation matrix (Cholesky factor of it mixes the shocks;
  Glasserman, *Monte Carlo Methods in Financial Engineering*, 2003, §3.2);
* a moving-block bootstrap (Künsch, Annals of Statistics 17, 1989) of imported candles:
  blocks of consecutive candles, the same blocks for every symbol (so their co-movement is
  kept), each candle's close-to-close log return and its low and high relative to the
  previous close (so wicks are kept).

Liquidations follow ``paths.replay``: a pool is gone from the first step where its health is
≤ 0 at the step's prices (at its lows/highs, for candles). Seeded and reproducible: paths are
drawn in batches of ``BATCH``, each from its own stream spawned from the seed, and each batch
walks its steps in blocks that fit ``MEMORY_BUDGET`` (only the current block of prices is
held). So memory is bounded for any steps and symbols, the batches can run on both cores, and
the same seed gives the same figures whatever the number of workers; cancel is checked
between blocks.
"""

from __future__ import annotations

import math
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from marginlab.engine.margin.inverse import twin
from marginlab.engine.margin.models import Scenario
from marginlab.engine.margin.pools import VARIANTS, Pool, build_pools, start_equity
from marginlab.engine.margin.solver import crossings
from marginlab.engine.paths.defaults import DEFAULT_VOLATILITY, MAX_SEED, PERCENTILES
from marginlab.engine.paths.replay import FloatArray, PricePath
from marginlab.engine.text.moves import resolve_symbol
from marginlab.engine.text.said import say

BATCH = 1000  # paths a batch: fixed, so the figures never depend on how batches are spread
WORKERS = 2  # threads over batches: numpy releases the GIL in the heavy array work
# What a run may ask of this 2-core, 24 GB class of machine: the arrays of one block of steps
# of one batch (about 6 float32 copies of paths × steps × symbols) per worker, and the total
# work (about 4·10^7 path-steps-symbols a second here, so 2.4·10^10 is some 10 minutes).
MEMORY_BUDGET = 96 * 2**20
BLOCK_POINTS = 400_000  # paths × steps × symbols of one block: ~30 ms of work here
WORK_BUDGET = 2.4e10
BYTES_PER_POINT = 6 * 4
AnyArray = npt.NDArray[Any]  # float32 paths (Monte Carlo) or float64


class Cancelled(Exception):
    """The caller asked to stop; no partial figures are returned."""


@dataclass(frozen=True, slots=True)
class GBM:
    """Annualised volatility per symbol (0.8 = 80 %), optional drift and correlation."""

    volatility: dict[str, float]
    correlation: FloatArray | None = None
    drift: dict[str, float] = field(default_factory=dict)


SECONDS_PER_YEAR = 365 * 86_400


@dataclass(frozen=True, slots=True)
class Bootstrap:
    """Blocks of ``block`` consecutive candles drawn from ``history``. It steps one candle at a
    time, so its time step is the candles' interval, whatever the caller would like it to be."""

    history: PricePath
    block: int = 30

    @property
    def step_years(self) -> float:
        """The candles' interval in years: the median gap between their timestamps."""
        gaps = np.diff(self.history.time)
        return float(np.median(gaps)) / SECONDS_PER_YEAR if gaps.size else 0.0

    def steps_for(self, years: float) -> int:
        """How many candles make a horizon of ``years``."""
        step = self.step_years
        if not step > 0:
            raise ValueError(say("bootstrap: the candles need at least 2 distinct timestamps"))
        steps = round(years / step)
        if steps < 1:
            raise ValueError(
                say(
                    "horizon: shorter than one candle ({value} s)",
                    value=f"{step * SECONDS_PER_YEAR:,.0f}",
                )
            )
        return steps


@dataclass(frozen=True, slots=True)
class VariantRisk:
    liquidation_probability: float
    standard_error: float
    # P(start equity − end equity > max acceptable loss): the brief's own comparison; None
    # when the account states no acceptable loss.
    excess_loss_probability: float | None
    end_equity_percentiles: dict[int, float]
    expected_shortfall_95: float  # mean end equity of the worst 5 % of paths
    median_steps_to_first_liquidation: float | None
    paths_with_liquidation: int
    end_equity: FloatArray
    # The positions of the pools past liquidation at today's marks: every path liquidates
    # them at its first step, so ``liquidation_probability`` is 1 whatever the path does.
    # ``further``: the odds of the other pools, which the paths decide (None when none is past).
    past_liquidation: tuple[str, ...] = ()
    further: FurtherOdds | None = None


@dataclass(frozen=True, slots=True)
class FurtherOdds:
    """Liquidation odds of the pools alive today, beside pools past liquidation already."""

    probability: float
    standard_error: float
    median_steps_to_first_liquidation: float | None


@dataclass(frozen=True, slots=True)
class Risk:
    model: str
    paths: int
    steps: int
    step_years: float
    seed: int
    start_equity: float
    variants: dict[str, VariantRisk]
    parameters: dict[str, Any]  # every model input, for the text and JSON outputs


Progress = Callable[[int, int], None]


MAX_VOLATILITY = 20.0  # 2,000 % a year


def parse_volatilities(
    text: str, symbols: list[str], default: float = DEFAULT_VOLATILITY
) -> dict[str, float]:
    """Annual volatilities (0.8 = 80 %) from what a trader types: ``80`` for every symbol, or
    ``BTCUSDT=60, ETHUSDT=90`` per symbol; a lone number sets the others. Percent, not
    fractions. Raises ``ValueError`` naming the item that is wrong."""
    volatilities = dict.fromkeys(symbols, default)
    named: dict[str, float] = {}
    for item in text.replace(",", " ").split():
        symbol, equals, number = item.rpartition("=") if "=" in item else ("", "", item)
        try:
            value = float(number) / 100
        except ValueError:
            raise ValueError(
                say("'{item}': expected a percentage, e.g. 80 or BTCUSDT=60", item=item)
            ) from None
        if not 0 < value <= MAX_VOLATILITY:
            raise ValueError(say("'{item}': must be more than 0 % and at most 2,000 %", item=item))
        if not equals:
            volatilities = dict.fromkeys(symbols, value)
        elif (held := resolve_symbol(symbol, list(volatilities))) is not None:
            named[held] = value  # in any case typed, or the one it starts: as a what-if names it
        else:
            raise ValueError(
                say(
                    "'{item}': {value} is not a symbol of the scenario ({value2})",
                    item=item,
                    value=symbol or "nothing",
                    value2=", ".join(symbols) or "none",
                )
            )
    return {**volatilities, **named}


def uniform_correlation(count: int, rho: float) -> FloatArray:
    """A correlation matrix with ``rho`` between every pair of ``count`` symbols."""
    return np.full((count, count), rho) + np.eye(count) * (1 - rho)


def _symbols(scenario: Scenario) -> list[str]:
    return scenario.symbols()


def _cholesky(model: GBM, symbols: list[str]) -> npt.NDArray[np.float64]:
    k = len(symbols)
    corr = np.eye(k) if model.correlation is None else np.asarray(model.correlation, float)
    if corr.shape != (k, k):
        raise ValueError(
            say(
                "correlation: must be {k}×{k}, one row per symbol ({value})",
                k=k,
                value=", ".join(symbols),
            )
        )
    if not np.allclose(corr, corr.T) or not np.allclose(np.diag(corr), 1):
        raise ValueError(say("correlation: must be symmetric with ones on the diagonal"))
    try:
        return np.linalg.cholesky(corr)
    except np.linalg.LinAlgError:
        raise ValueError(say("correlation: not positive definite")) from None


Blocks = Iterator[tuple[dict[str, AnyArray], dict[str, AnyArray], dict[str, AnyArray]]]


def _gbm_blocks(
    model: GBM,
    symbols: list[str],
    marks: dict[str, float],
    n: int,
    steps: int,
    block: int,
    dt: float,
    rng: np.random.Generator,
    chol: npt.NDArray[np.float64],
) -> Blocks:
    """Closes of ``n`` paths, ``block`` steps at a time (a GBM step has no wick: its low and
    high are its close); the log level carries over from one block to the next."""
    sigma = np.array([model.volatility[s] for s in symbols], dtype=np.float32)
    mu = np.array([model.drift.get(s, 0.0) for s in symbols], dtype=np.float32)
    mix = chol.T.astype(np.float32)
    level = np.zeros((n, 1, len(symbols)), dtype=np.float32)
    for first in range(0, steps, block):
        k = min(block, steps - first)
        shocks = rng.standard_normal((n, k, len(symbols)), dtype=np.float32)
        if len(symbols) > 1:
            shocks = shocks @ mix
        drift = (mu - 0.5 * sigma**2) * np.float32(dt)
        log_paths = level + np.cumsum(drift + sigma * np.float32(np.sqrt(dt)) * shocks, axis=1)
        level = log_paths[:, -1:, :]
        close = {s: marks[s] * np.exp(log_paths[:, :, j]) for j, s in enumerate(symbols)}
        yield close, close, close


def _bootstrap_blocks(
    model: Bootstrap,
    symbols: list[str],
    marks: dict[str, float],
    n: int,
    steps: int,
    block: int,
    rng: np.random.Generator,
) -> Blocks:
    """Closes, lows and highs of ``n`` resampled paths, ``block`` steps at a time: the blocks
    of candles are drawn up front (one start per block a path), the prices walked in turn."""
    history = model.history
    count = history.steps - 1
    size = max(1, min(model.block, count))
    starts = rng.integers(0, count - size + 1, size=(n, -(-steps // size)))
    returns = {}
    for s in symbols:
        if s in history.close:
            c = history.close[s]
            returns[s] = (
                np.log(c[1:] / c[:-1]).astype(np.float32),
                np.log(history.low[s][1:] / c[:-1]).astype(np.float32),
                np.log(history.high[s][1:] / c[:-1]).astype(np.float32),
            )
    level = {s: np.zeros((n, 1), np.float32) for s in symbols}
    for first in range(0, steps, block):
        k = min(block, steps - first)
        t = np.arange(first, first + k)
        index = starts[:, t // size] + (t % size)  # 0-based candle returns
        close, low, high = {}, {}, {}
        for s in symbols:
            if s not in returns:
                const = np.full((n, k), marks[s], dtype=np.float32)
                close[s] = low[s] = high[s] = const
                continue
            r, r_low, r_high = returns[s]
            path = level[s] + np.cumsum(r[index], axis=1)
            before = np.concatenate([level[s], path[:, :-1]], axis=1)
            level[s] = path[:, -1:]
            close[s] = marks[s] * np.exp(path)
            low[s] = marks[s] * np.exp(before + r_low[index])
            high[s] = marks[s] * np.exp(before + r_high[index])
        yield close, low, high


def _first_hit(
    pool: Pool,
    close: dict[str, AnyArray],
    low: dict[str, AnyArray],
    high: dict[str, AnyArray],
) -> npt.NDArray[np.int64]:
    """First step of each path at which ``pool`` is liquidated; ``steps`` where it never is."""
    symbols = sorted({leg.symbol for leg in pool.legs})
    some = close[symbols[0]]
    steps = some.shape[1]
    if len(symbols) == 1:
        # Health is concave in the price: liquidated exactly outside (down, up).
        s = symbols[0]
        c = crossings(pool, {s: 1.0})
        if not c.healthy:
            return np.zeros(some.shape[0], dtype=np.int64)
        mark = pool.legs[0].mark
        hit = np.zeros(some.shape, dtype=bool)
        if c.down is not None:
            hit |= low[s] <= mark + c.down
        if c.up is not None:
            hit |= high[s] >= mark + c.up
    else:
        # Several symbols: the lowest health within the step, one check per symbol.
        hit = pool.lowest_health(low, high) <= 0
    first = np.argmax(hit, axis=1)
    rows = np.arange(first.size)
    return np.asarray(np.where(hit[rows, first], first, steps), np.int64)


@dataclass(frozen=True, slots=True)
class _Barriers:
    """The pools of a run that hold one symbol and are healthy today, each once ("as entered"
    and "all isolated" share their isolated pools), as two price barriers each: health is
    concave in the price, so such a pool is liquidated exactly at or below ``down`` or at or
    above ``up`` (``solver.crossings``; −inf and +inf where it never is). Their first hits
    are found symbol by symbol in array operations (``_barrier_hits``): a book of thousands
    of isolated positions checked them one pool at a time, about 60 µs each per block."""

    rows: dict[int, int]  # id(pool) -> its row of the hit table
    symbols: dict[str, tuple[npt.NDArray[np.int64], FloatArray, FloatArray]]  # rows, down, up


def _barriers(pools: list[Pool]) -> _Barriers:
    rows: dict[int, int] = {}
    by_symbol: dict[str, tuple[list[int], list[float], list[float]]] = {}
    for pool in pools:
        symbols = {leg.symbol for leg in pool.legs}
        if id(pool) in rows or len(symbols) != 1:
            continue
        (symbol,) = symbols
        c = crossings(pool, {symbol: 1.0})
        if not c.healthy:
            continue  # liquidated at step 0 of every path: ``_first_hit``
        mark = pool.legs[0].mark
        rows[id(pool)] = len(rows)
        found = by_symbol.setdefault(symbol, ([], [], []))
        found[0].append(rows[id(pool)])
        found[1].append(-math.inf if c.down is None else mark + c.down)
        found[2].append(math.inf if c.up is None else mark + c.up)
    return _Barriers(
        rows,
        {
            s: (np.array(r, dtype=np.int64), np.array(d), np.array(u))
            for s, (r, d, u) in by_symbol.items()
        },
    )


CHUNK_POINTS = 4_000_000  # candidate paths × steps looked at once (4 MB of booleans)


def _barrier_hits(
    barriers: _Barriers,
    low: dict[str, AnyArray],
    high: dict[str, AnyArray],
    table: npt.NDArray[np.int64],
    alive: npt.NDArray[np.bool_],
    done: int,
) -> None:
    """Record in ``table`` (a row per pool, a column per path) the step at which each pool of
    ``barriers`` still ``alive`` on a path is first liquidated within this block, which starts
    at step ``done``, and clear ``alive`` there. A pool is hit in the block exactly when the
    block's lowest low or highest high reaches a barrier: only those pairs of pool and path
    (few: a liquidation happens once) are looked at step by step, as ``_first_hit`` looks at
    them (the same comparisons, in the prices' own type, and the first step that makes one).
    ``alive`` is one byte a pair: the table itself, compared whole, cost eight."""
    for symbol, (rows, down, up) in barriers.symbols.items():
        lows, highs = low[symbol], high[symbol]
        k = lows.shape[1]
        down_t, up_t = down.astype(lows.dtype), up.astype(highs.dtype)
        lowest, highest = lows.min(axis=1), highs.max(axis=1)
        reach = alive[rows] & (
            (lowest[None, :] <= down_t[:, None]) | (highest[None, :] >= up_t[:, None])
        )
        pools, paths = np.nonzero(reach)
        chunk = max(1, CHUNK_POINTS // k)
        for start in range(0, pools.size, chunk):
            p, path = pools[start : start + chunk], paths[start : start + chunk]
            hit = (lows[path] <= down_t[p, None]) | (highs[path] >= up_t[p, None])
            table[rows[p], path] = done + np.argmax(hit, axis=1)
            alive[rows[p], path] = False


def _inverted(prices: dict[str, AnyArray]) -> dict[str, AnyArray]:
    return {s: 1.0 / v for s, v in prices.items()}


def close_steps(close: dict[str, AnyArray]) -> int:
    """Steps in a block of closes."""
    return int(next(iter(close.values())).shape[1])


def step_block(paths: int, steps: int, symbols: int) -> int:
    """Steps a batch walks at once: as many as fit MEMORY_BUDGET, and few enough that a
    block takes some 30 ms (cancel is seen between blocks); at least one."""
    points = min(paths, BATCH) * max(symbols, 1)
    fits = min(MEMORY_BUDGET // (points * BYTES_PER_POINT), BLOCK_POINTS // points)
    return max(1, min(steps, int(fits)))


def run_problems(paths: int, steps: int, symbols: int) -> list[str]:
    """Why a run cannot be done on this machine in reasonable time and memory, if it cannot;
    each message names the setting to change (the CLI's flags)."""
    problems: list[str] = []
    work = paths * steps * max(symbols, 1)
    if work > WORK_BUDGET:
        minutes = work / 4e7 / 60
        problems.append(
            say(
                "--paths/--steps: {paths} paths × {steps} steps × {symbols} symbols would run "
                "for about {minutes} minutes; keep paths × steps × symbols under {work_budget}",
                paths=f"{paths:,}",
                steps=f"{steps:,}",
                symbols=symbols,
                minutes=f"{minutes:,.0f}",
                work_budget=f"{WORK_BUDGET:.1e}",
            )
        )
    return problems


def simulate(
    scenario: Scenario,
    model: GBM | Bootstrap,
    paths: int,
    steps: int,
    step_years: float,
    seed: int = 0,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Risk:
    """Liquidation odds and end-equity distribution of each variant over ``paths`` paths.
    Prices are drawn in USD as for any book; a coin-margined one is priced by its linear twin
    along ``1/P`` (``margin.inverse``: a candle's high is the twin's low), equity in the coin."""
    if not 1 <= paths <= 1_000_000 or not 1 <= steps <= 100_000:
        raise ValueError(say("--paths/--steps: 1-1,000,000 paths and 1-100,000 steps"))
    if not 0 <= seed <= MAX_SEED:
        raise ValueError(
            say(
                "--seed {seed}: must be a whole number from 0 to {most}",
                seed=seed,
                most=f"{MAX_SEED:,}",
            )
        )
    if not 0 < step_years <= 1:
        raise ValueError(say("horizon: each step must be longer than 0 and at most a year"))
    symbols = _symbols(scenario)
    if not symbols:
        raise ValueError(say("positions: the scenario has none to simulate"))
    marks = scenario.marks()
    chol = np.eye(len(symbols))
    if isinstance(model, GBM):
        missing = [s for s in symbols if s not in model.volatility]
        if missing:
            raise ValueError(say("volatility: missing for {value}", value=", ".join(missing)))
        chol = _cholesky(model, symbols)
    elif model.history.steps < 3:
        raise ValueError(say("bootstrap: needs at least 3 candles of history"))
    elif not math.isclose(step_years, model.step_years, rel_tol=1e-9):
        # Hourly candles stepped as minutes would report a day that is really 60 days.
        raise ValueError(
            say(
                "step_years: a bootstrap steps one candle at a time ({step_years} years); use "
                "Bootstrap.step_years and Bootstrap.steps_for(horizon)",
                step_years=f"{model.step_years:.3g}",
            )
        )
    too_much = run_problems(paths, steps, len(symbols))
    if too_much:
        raise ValueError("\n".join(too_much))
    coin = scenario.coin_margined
    priced = twin(scenario) if coin else scenario
    pools = {v: build_pools(priced, v) for v in VARIANTS}
    end = {v: np.empty(paths) for v in VARIANTS}
    first = {v: np.empty(paths, dtype=np.int64) for v in VARIANTS}
    # Per pool, whether it is past liquidation at today's marks (as ``evaluate`` decides it):
    # liquidated at step 0 of every path. The first liquidation among the others, apart.
    past = {v: [pool.past_liquidation() for pool in pools[v]] for v in VARIANTS}
    further = {v: np.empty(paths, dtype=np.int64) for v in VARIANTS if any(past[v])}
    batches = [(start, min(BATCH, paths - start)) for start in range(0, paths, BATCH)]
    streams = np.random.SeedSequence(seed).spawn(len(batches))
    block = step_block(paths, steps, len(symbols))
    barriers = _barriers([pool for v in VARIANTS for pool in pools[v]])
    # The other pools (several symbols, or liquidated today), each once, pool by pool.
    one_by_one = {
        id(pool): pool
        for v in VARIANTS
        for pool in pools[v]
        if pool.legs and id(pool) not in barriers.rows
    }
    stop = threading.Event()

    def run(i: int) -> int:
        start, n = batches[i]
        rng = np.random.default_rng(streams[i])
        if isinstance(model, GBM):
            blocks = _gbm_blocks(model, symbols, marks, n, steps, block, step_years, rng, chol)
        else:
            blocks = _bootstrap_blocks(model, symbols, marks, n, steps, block, rng)
        table = np.full((len(barriers.rows), n), steps, dtype=np.int64)
        open_pairs = np.ones(table.shape, dtype=bool)  # pool and path not hit yet
        own = {key: np.full(n, steps, dtype=np.int64) for key in one_by_one}
        done = 0
        last: dict[str, FloatArray] = {}
        for close, low, high in blocks:
            if coin:
                close, low, high = _inverted(close), _inverted(high), _inverted(low)
            if stop.is_set() or (cancelled is not None and cancelled()):
                stop.set()
                raise Cancelled()
            k = close_steps(close)
            _barrier_hits(barriers, low, high, table, open_pairs, done)
            for key, pool in one_by_one.items():
                here = _first_hit(pool, close, low, high)  # k where never
                hit = own[key]
                fresh = (hit == steps) & (here < k)
                hit[fresh] = done + here[fresh]
            done += k
            last = {s: close[s][:, -1].astype(np.float64) for s in symbols}
        none = np.full(n, steps, dtype=np.int64)  # a free balance: never liquidated
        hits = {
            v: [
                table[barriers.rows[id(pool)]]
                if id(pool) in barriers.rows
                else own.get(id(pool), none)
                for pool in pools[v]
            ]
            for v in VARIANTS
        }
        for variant in VARIANTS:
            total = np.zeros(n)
            earliest = np.full(n, steps, dtype=np.int64)
            alive = np.full(n, steps, dtype=np.int64)  # among the pools alive today
            for pool, hit, gone in zip(pools[variant], hits[variant], past[variant], strict=True):
                if not pool.legs:
                    total += pool.cash
                    continue
                total += np.where(hit < steps, 0.0, pool.equity(last))
                earliest = np.minimum(earliest, hit)
                if not gone:
                    alive = np.minimum(alive, hit)
            end[variant][start : start + n] = total
            first[variant][start : start + n] = earliest
            if variant in further:
                further[variant][start : start + n] = alive
        return n

    finished = 0
    with ThreadPoolExecutor(max_workers=min(WORKERS, len(batches))) as workers:
        try:
            for n in workers.map(run, range(len(batches))):
                finished += n
                if progress is not None:
                    progress(finished, paths)
        except BaseException:
            stop.set()  # the other workers stop at their next block
            raise
    equity_today = start_equity(priced)
    name = "gbm" if isinstance(model, GBM) else "bootstrap"
    limit = scenario.account.max_acceptable_loss
    return Risk(
        model=name,
        paths=paths,
        steps=steps,
        step_years=step_years,
        seed=seed,
        start_equity=equity_today,
        variants={
            v: _summary(
                end[v],
                first[v],
                steps,
                equity_today,
                limit,
                _past_ids(pools[v], past[v]),
                further.get(v),
            )
            for v in VARIANTS
        },
        parameters=model_parameters(model, symbols, paths, steps, step_years, seed),
    )


def model_parameters(
    model: GBM | Bootstrap,
    symbols: list[str],
    paths: int,
    steps: int,
    step_years: float,
    seed: int,
) -> dict[str, Any]:
    """Every input that shaped a run, as plain numbers (volatility and drift in % a year)."""
    out: dict[str, Any] = {
        "model": "gbm" if isinstance(model, GBM) else "bootstrap",
        "paths": paths,
        "steps": steps,
        "step_seconds": step_years * SECONDS_PER_YEAR,
        "horizon_seconds": steps * step_years * SECONDS_PER_YEAR,
        "seed": seed,
    }
    if isinstance(model, GBM):
        out["volatility_pct"] = {s: model.volatility[s] * 100 for s in symbols}
        out["drift_pct"] = {s: model.drift.get(s, 0.0) * 100 for s in symbols}
        corr = model.correlation
        out["correlation"] = (
            None if corr is None else [[float(x) for x in row] for row in np.asarray(corr)]
        )
    else:
        out["block"] = model.block
        out["history"] = model.history.name
        out["history_candles"] = model.history.steps
    return out


def _past_ids(pools: tuple[Pool, ...], past: list[bool]) -> tuple[str, ...]:
    return tuple(
        leg.position_id for pool, gone in zip(pools, past, strict=True) if gone for leg in pool.legs
    )


def never_seen_bound(paths: int, confidence: float = 0.95) -> float:
    """The most a probability can be, at ``confidence``, when none of ``paths`` independent
    paths showed the event: ``1 − (1 − confidence)^(1/n)``, the exact one-sided
    Clopper–Pearson bound for 0 events (about ``3/n`` at 95 %, the "rule of three": Hanley &
    Lippman-Hand, "If nothing goes wrong, is everything all right?", JAMA 1983). Where the
    share is 0 (or 1), its standard error ``√(p(1−p)/n)`` is 0 and says nothing of the odds
    the paths were too few to show."""
    return float(-np.expm1(np.log1p(-confidence) / paths))


def _odds(first: npt.NDArray[np.int64], steps: int) -> tuple[float, float, float | None]:
    """The share of paths with a liquidation (``first`` < ``steps``), its standard error, and
    the median step of the first one (1 for the first step), None when no path has one."""
    liquidated = first < steps
    p = float(liquidated.mean())
    median = float(np.median(first[liquidated] + 1)) if liquidated.any() else None
    return p, float(np.sqrt(p * (1 - p) / first.size)), median


def _summary(
    end: FloatArray,
    first: npt.NDArray[np.int64],
    steps: int,
    start_equity: float,
    limit: float | None,
    past: tuple[str, ...],
    further: npt.NDArray[np.int64] | None,
) -> VariantRisk:
    p, error, median = _odds(first, steps)
    worst = np.sort(end)[: max(1, int(np.ceil(0.05 * end.size)))]
    excess = None if limit is None else float(np.mean(start_equity - end > limit))
    return VariantRisk(
        p,
        error,
        excess,
        {q: float(np.percentile(end, q)) for q in PERCENTILES},
        float(worst.mean()),
        median,
        int(np.count_nonzero(first < steps)),
        end,
        past,
        None if further is None else FurtherOdds(*_odds(further, steps)),
    )
