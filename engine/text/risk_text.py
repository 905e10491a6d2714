"""Monte Carlo runs as text: the model inputs on one line, and spans of time."""

from __future__ import annotations

from typing import Any

from marginlab.engine.paths.montecarlo import SECONDS_PER_YEAR


def parameters_text(parameters: dict[str, Any]) -> str:
    """Every model input on one line: what a reader needs to reproduce the figures."""
    parts = [f"horizon {duration_text(parameters['horizon_seconds'] / SECONDS_PER_YEAR)}"]
    parts.append(f"step {interval_text(parameters['step_seconds'])}")
    if parameters["model"] == "gbm":
        vols = ", ".join(f"{s} {v:g} %" for s, v in parameters["volatility_pct"].items())
        parts.append(f"volatility {vols} a year")
        corr = parameters["correlation"]
        if corr is not None and len(corr) > 1:
            pairs = {round(corr[i][j], 6) for i in range(len(corr)) for j in range(i)}
            shown = f"{pairs.pop():g}" if len(pairs) == 1 else "per pair (see --json)"
            parts.append(f"correlation {shown}")
        drifts = {d for d in parameters["drift_pct"].values() if d}
        parts.append("no drift" if not drifts else "drift (see --json)")
    else:
        files = ", ".join(
            f"{file} ({symbol})" if sep else item
            for item in parameters["history"].split(", ")
            for symbol, sep, file in [item.partition("=")]
        )
        parts.append(
            f"bootstrap of {files} in blocks of {parameters['block']} "
            f"{interval_text(parameters['step_seconds'])} candles "
            f"({parameters['history_candles']:,} candles of history)"
        )
    parts.append(f"{parameters['paths']:,} paths, seed {parameters['seed']}")
    return "; ".join(parts)


def duration_text(years: float) -> str:
    """A span of time as a trader reads it: 90 min, 36.0 h, 7.0 days."""
    minutes = years * 525_600
    if minutes < 120:
        return f"{minutes:.0f} min"
    if minutes < 2 * 1440:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} days"


def interval_text(seconds: float) -> str:
    """A candle interval: 1 min, 1 h, 4 h, 1 d."""
    for size, unit in ((86_400, "d"), (3_600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds / size:g} {unit}"
    return f"{seconds:g} s"
