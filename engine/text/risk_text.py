"""Monte Carlo runs as text: the model inputs on one line, and spans of time."""

from __future__ import annotations

import math
from collections import Counter
from typing import Any

from marginlab.engine.paths.montecarlo import SECONDS_PER_YEAR, never_seen_bound
from marginlab.engine.text.said import Said, say

LISTED_VOLATILITIES = 6  # symbols named one by one; beyond, the commonest rate is said once


def parameters_text(parameters: dict[str, Any]) -> str:
    """Every model input on one line: what a reader needs to reproduce the figures."""
    parts: list[str] = [
        say(
            "horizon {duration}",
            duration=duration_text(parameters["horizon_seconds"] / SECONDS_PER_YEAR),
        )
    ]
    parts.append(say("step {value}", value=interval_text(parameters["step_seconds"])))
    if parameters["model"] == "gbm":
        parts.append(_volatilities(parameters["volatility_pct"]))
        corr = parameters["correlation"]
        if corr is not None and len(corr) > 1:
            pairs = {round(corr[i][j], 6) for i in range(len(corr)) for j in range(i)}
            shown = f"{pairs.pop():g}" if len(pairs) == 1 else say("per pair (see --json)")
            parts.append(say("correlation {shown}", shown=shown))
        drifts = {d for d in parameters["drift_pct"].values() if d}
        parts.append(say("no drift") if not drifts else say("drift (see --json)"))
    else:
        files = ", ".join(
            f"{file} ({symbol})" if sep else item
            for item in parameters["history"].split(", ")
            for symbol, sep, file in [item.partition("=")]
        )
        parts.append(
            say(
                "bootstrap of {files} in blocks of {value} {value2} candles ({value3} candles of "
                "history)",
                files=files,
                value=parameters["block"],
                value2=interval_text(parameters["step_seconds"]),
                value3=f"{parameters['history_candles']:,}",
            )
        )
    parts.append(
        say(
            "{value} paths, seed {value2}",
            value=f"{parameters['paths']:,}",
            value2=parameters["seed"],
        )
    )
    # One message of its parts, each said on its own in the window's language.
    template = "; ".join(f"{{p{i}}}" for i in range(len(parts)))
    return say(template, **{f"p{i}": part for i, part in enumerate(parts)})


def odds_text(probability: float, error: float, paths: int, width: int = 0) -> Said:
    """A share of paths and how sure it is: "2.60% ± 0.36%" (one standard error). Where no
    path had the event, or every path did, that error is 0: "0.00% ± 0.00%" read as
    certainty, so the bound the paths leave open is said instead (``never_seen_bound``).
    ``width``: the share's width, so a terminal's rows line up."""
    shown = f"{probability:{width}.2%}"
    if 0 < probability < 1:
        return say("{odds} ± {error}", odds=shown, error=f"{error:.2%}")
    bound = never_seen_bound(paths)
    if probability <= 0:
        return say(
            "{odds} (none of {paths} paths; below {bound} at 95% confidence)",
            odds=shown,
            paths=f"{paths:,}",
            bound=_bound_text(bound),
        )
    return say(
        "{odds} (every one of {paths} paths; above {bound} at 95% confidence)",
        odds=shown,
        paths=f"{paths:,}",
        bound=_bound_text(1 - bound, up=True),
    )


def _bound_text(share: float, up: bool = False) -> str:
    """A bound in % to two significant figures ("0.15%", "0.003%"), rounded away from what
    the paths showed so it never claims more than they allow: a bound below, up; a bound
    above ("99.85%"), down, by what it leaves out."""
    rest = 1 - share if up else share
    exponent = math.floor(math.log10(rest * 100)) - 1  # of the second significant figure
    step = 10.0**exponent
    rounded = math.ceil(rest * 100 / step * (1 - 1e-12)) * step
    decimals = max(-exponent, 0)
    return f"{100 - rounded if up else rounded:.{decimals}f}%"


def duration_text(years: float) -> str:
    """A span of time as a trader reads it: 90 min, 36.0 h, 7.0 days."""
    minutes = years * 525_600
    if minutes < 120:
        return say("{n} min", n=f"{minutes:.0f}")
    if minutes < 2 * 1440:
        return say("{n} h", n=f"{minutes / 60:.1f}")
    return say("{n} days", n=f"{minutes / 1440:.1f}")


def interval_text(seconds: float) -> str:
    """A candle interval: 1 min, 1 h, 4 h, 1 d."""
    for size, unit in ((86_400, "d"), (3_600, "h"), (60, "min")):
        if seconds >= size:
            return f"{seconds / size:g} {unit}"
    return f"{seconds:g} s"


def _volatilities(rates: dict[str, float]) -> str:
    """ "volatility BTCUSDT 60 %, ETHUSDT 80 % a year"; for a book of more symbols the rate most
    of them share is said once ("…, 80 % for the other 47 symbols"): the window's Risk tab
    listed 50 symbols' 80 % over six lines and squeezed its histogram to 25 px."""
    if len(rates) <= LISTED_VOLATILITIES:
        vols = ", ".join(f"{s} {v:g} %" for s, v in rates.items())
        return say("volatility {vols} a year", vols=vols)
    common = Counter(rates.values()).most_common(1)[0][0]
    others = [f"{s} {v:g} %" for s, v in rates.items() if v != common]
    shared = len(rates) - len(others)
    if not others:
        return say(
            "volatility {value} % a year for each of the {n} symbols", value=f"{common:g}", n=shared
        )
    if shared == 1:  # it read "for the other 1 symbols"
        return say(
            "volatility {vols}, {value} % for the other symbol, a year",
            vols=", ".join(others),
            value=f"{common:g}",
        )
    return say(
        "volatility {vols}, {value} % for the other {n} symbols, a year",
        vols=", ".join(others),
        value=f"{common:g}",
        n=shared,
    )
