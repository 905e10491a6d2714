"""Where price paths come from: the built-in shapes, and the user's own CSV candles."""

from __future__ import annotations

import csv
import io
import math
from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path

import numpy as np

from marginlab.engine.files.bounded import MAX_PROBLEMS, ReadError, capped, read_bounded
from marginlab.engine.margin.report import MAX_PRICE
from marginlab.engine.paths.replay import FloatArray, PricePath
from marginlab.engine.text.said import say

STEP_SECONDS = 60.0  # built-in shapes use one-minute candles
MAX_CANDLES = 1_000_000
MAX_CSV_BYTES = 128 * 2**20  # a million candles at ~100 bytes a row, with room to spare
MAX_CELL = 100  # characters: no timestamp or price is longer


class PathError(ValueError):
    """A path that cannot be used, one message per problem (naming the row and column)."""

    def __init__(self, problems: list[str]) -> None:
        problems = capped(problems, MAX_PROBLEMS + 1)  # 20, and the reader's "stopped" line
        super().__init__("\n".join(problems))
        self.problems = problems


def _wick(n: int, depth: float) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Flat; one candle's low dips ``depth`` below and the close is back within 1 %."""
    close = np.ones(n)
    at = n // 3
    close[at : at + 5] = 1 - np.minimum(0.01, depth) * np.linspace(1, 0, 5)
    open_ = np.concatenate([[1.0], close[:-1]])
    low = np.minimum(open_, close) * (1 - 0.0005)
    high = np.maximum(open_, close) * (1 + 0.0005)
    low[at] = 1 - depth
    return open_, high, low, close


def _bleed(n: int, depth: float) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """A steady decline of ``depth`` over the whole horizon."""
    close = np.linspace(1, 1 - depth, n + 1)[1:]
    open_ = np.concatenate([[1.0], close[:-1]])
    return open_, np.maximum(open_, close) * 1.001, np.minimum(open_, close) * 0.999, close


def _v_shape(n: int, depth: float) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Down by ``depth`` at mid-horizon, back to the start by the end."""
    half = n // 2
    close = np.concatenate(
        [np.linspace(1, 1 - depth, half + 1)[1:], np.linspace(1 - depth, 1, n - half + 1)[1:]]
    )
    open_ = np.concatenate([[1.0], close[:-1]])
    return open_, np.maximum(open_, close) * 1.001, np.minimum(open_, close) * 0.999, close


def _gap(n: int, depth: float) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    """Flat, then the market reopens ``depth`` lower and stays there: no price in between."""
    close = np.where(np.arange(n) < n // 2, 1.0, 1 - depth)
    open_ = np.concatenate([[1.0], close[:-1]])
    open_[n // 2] = 1 - depth
    return open_, np.maximum(open_, close) * 1.0005, np.minimum(open_, close) * 0.9995, close


Shape = Callable[[int, float], tuple[FloatArray, FloatArray, FloatArray, FloatArray]]
SHAPES: dict[str, tuple[Shape, float, str]] = {
    "flash-crash": (_wick, 0.15, "a one-candle wick down that recovers at once"),
    "slow-bleed": (_bleed, 0.60, "a steady decline over the whole horizon"),
    "v-shape": (_v_shape, 0.30, "down, then all the way back"),
    "overnight-gap": (_gap, 0.20, "the market reopens lower with no trade in between"),
}


def builtin_path(
    name: str,
    marks: dict[str, float],
    symbols: Iterable[str],
    depth: float | None = None,
    steps: int = 240,
) -> PricePath:
    """Shape ``name`` applied to each of ``symbols`` from its mark; ``depth`` is a fraction."""
    if name not in SHAPES:
        raise PathError(
            [say("path: unknown '{name}' (built-in: {value})", name=name, value=", ".join(SHAPES))]
        )
    shape, default, _ = SHAPES[name]
    depth = default if depth is None else depth
    if not 0 < depth < 1:
        raise PathError([say("depth: must be between 0 and 100 %")])
    if not 10 <= steps <= 100_000:
        raise PathError([say("steps: must be between 10 and 100,000")])
    o, h, lo, c = shape(steps, depth)
    time: FloatArray = np.arange(steps, dtype=np.float64) * STEP_SECONDS
    chosen = list(symbols)
    return PricePath(
        name,
        time,
        {s: o * marks[s] for s in chosen},
        {s: h * marks[s] for s in chosen},
        {s: lo * marks[s] for s in chosen},
        {s: c * marks[s] for s in chosen},
    )


def _timestamp(text: str) -> float:
    value = text.strip()
    try:
        number = float(value)
    except ValueError:
        return datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp()
    # Epoch microseconds (Binance's spot klines since 2025), milliseconds, or seconds.
    return number / 1e6 if number > 1e14 else number / 1000 if number > 1e11 else number


COLUMNS = ("timestamp", "open", "high", "low", "close")
# The time column as the places traders take candles from name it (TradingView "time",
# Binance "open_time", spreadsheets "Date"): the first of these in the header is it.
TIME_NAMES = ("timestamp", "time", "open_time", "open time", "date", "datetime")
# Binance's kline downloads (data.binance.vision) have no header: open time, open, high,
# low, close, then volume, close time and five more, twelve in all.
BINANCE_KLINE_CELLS = 12


def read_candles(text: str, source: str) -> tuple[FloatArray, dict[str, FloatArray]]:
    """Parse CSV candles: a header naming a time column (``TIME_NAMES``) and open, high, low,
    close, in any order, other columns ignored; or a Binance kline file as downloaded, with no
    header (``BINANCE_KLINE_CELLS`` numbers a row, open time first).

    Read row by row, never all at once; at most 20 problems are reported, then the reading
    stops; blank rows are skipped but counted, so a file of nothing but blank lines ends too.
    """
    reader = csv.reader(io.StringIO(text))
    problems: list[str] = []
    values: dict[str, list[float]] = {c: [] for c in COLUMNS}
    where: dict[str, int] | None = None
    try:
        for number, row in enumerate(reader, start=1):
            if number > MAX_CANDLES + 1:
                raise PathError(
                    [
                        say(
                            "{source}: more than {max_candles} rows",
                            source=source,
                            max_candles=f"{MAX_CANDLES:,}",
                        )
                    ]
                )
            if where is None:
                where = _columns(row, source)
                if where is not _BINANCE_KLINES:
                    continue  # a header; a Binance kline file's first row is a candle
            if not any(cell.strip() for cell in row):
                continue
            _read_row(row, number, where, source, values, problems)
            if len(problems) >= MAX_PROBLEMS:
                problems[MAX_PROBLEMS:] = [f"{source}: stopped after {MAX_PROBLEMS} problems"]
                break
    except csv.Error as error:
        raise PathError(
            [
                say(
                    "{source} row {line_num}: not CSV ({error})",
                    source=source,
                    line_num=reader.line_num,
                    error=error,
                )
            ]
        ) from None
    if where is None:
        raise PathError([say("{source}: empty file", source=source)])
    if problems:
        raise PathError(problems)
    if len(values["close"]) < 2:
        raise PathError([say("{source}: needs at least 2 candles", source=source)])
    time = np.array(values["timestamp"])
    return time, {c: np.array(values[c]) for c in COLUMNS[1:]}


_BINANCE_KLINES = {column: index for index, column in enumerate(COLUMNS)}


def _columns(row: list[str], source: str) -> dict[str, int]:
    if len(row) == BINANCE_KLINE_CELLS and all(_is_number(cell) for cell in row):
        return _BINANCE_KLINES
    header = [h.strip().lower() for h in row]
    time = next((name for name in TIME_NAMES if name in header), None)
    if time is not None:
        header[header.index(time)] = "timestamp"
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise PathError(
            [
                say(
                    "{source} row 1: missing column(s) {value} (need {value2})",
                    source=source,
                    value=", ".join(missing),
                    value2="timestamp (or time, open_time, date), open, high, low, close",
                )
            ]
        )
    return {c: header.index(c) for c in COLUMNS}


def _is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def _read_row(
    row: list[str],
    number: int,
    where: dict[str, int],
    source: str,
    values: dict[str, list[float]],
    problems: list[str],
) -> None:
    parsed: dict[str, float] = {}
    for column, index in where.items():
        cell = row[index] if index < len(row) else ""
        shown = (
            cell.strip()
            if len(cell) <= MAX_CELL
            else f"{cell.strip()[:20]}… ({len(cell):,} characters)"
        )
        try:
            if len(cell) > MAX_CELL:
                raise ValueError(cell)
            value = _timestamp(cell) if column == "timestamp" else float(cell)
        except (ValueError, OverflowError):
            kind = "time" if column == "timestamp" else "number"
            problems.append(
                say(
                    "{source} row {number}, column {column}: '{shown}' is not a {kind}",
                    source=source,
                    number=number,
                    column=column,
                    shown=shown,
                    kind=kind,
                )
            )
            continue
        if not math.isfinite(value) or (column != "timestamp" and not 0 < value <= MAX_PRICE):
            problems.append(
                f"{source} row {number}, column {column}: must be a finite price > 0"
                if column != "timestamp"
                else f"{source} row {number}, column timestamp: not a finite time"
            )
            continue
        parsed[column] = value
    if len(parsed) < len(COLUMNS):
        return
    if parsed["high"] < max(parsed["open"], parsed["close"], parsed["low"]):
        problems.append(
            say(
                "{source} row {number}, column high: below open, close or low",
                source=source,
                number=number,
            )
        )
    if parsed["low"] > min(parsed["open"], parsed["close"]):
        problems.append(
            say(
                "{source} row {number}, column low: above open or close",
                source=source,
                number=number,
            )
        )
    if values["timestamp"] and parsed["timestamp"] <= values["timestamp"][-1]:
        problems.append(
            say(
                "{source} row {number}, column timestamp: not after the row before",
                source=source,
                number=number,
            )
        )
    for column in COLUMNS:
        values[column].append(parsed[column])


def csv_path(files: dict[str, Path]) -> PricePath:
    """A path from one CSV file per symbol; every file must have the same timestamps."""
    time: FloatArray | None = None
    fields: dict[str, dict[str, FloatArray]] = {c: {} for c in COLUMNS[1:]}
    for symbol, file in files.items():
        try:
            text = read_bounded(file, MAX_CSV_BYTES, "CSV file of candles").decode("utf-8-sig")
        except ReadError as error:
            raise PathError([str(error)]) from None
        except UnicodeDecodeError as error:
            raise PathError(
                [say("{name}: not UTF-8 text ({reason})", name=file.name, reason=error.reason)]
            ) from None
        stamps, candles = read_candles(text, file.name)
        if time is None:
            time = stamps
        elif stamps.shape != time.shape or not np.array_equal(stamps, time):
            raise PathError(
                [
                    say(
                        "{name}: its timestamps differ from the first file's; give every symbol "
                        "the same candles times",
                        name=file.name,
                    )
                ]
            )
        for column, series in candles.items():
            fields[column][symbol] = series
    if time is None:
        raise PathError([say("path: no CSV file given")])
    name = ", ".join(f"{s}={f.name}" for s, f in files.items())
    return PricePath(
        name, time - time[0], fields["open"], fields["high"], fields["low"], fields["close"]
    )
