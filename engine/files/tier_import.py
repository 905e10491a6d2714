"""Tier tables imported from a venue's own answer into the per-user folder (issue 14); they
take precedence over the bundled tables for the symbols they hold (``rules.rule_table``)."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

from marginlab.engine.files.bounded import ReadError, read_bounded
from marginlab.engine.files.scenario_io import write_atomic
from marginlab.engine.files.venue_import import VenueFileError
from marginlab.engine.files.venue_tables import read_tier_answer
from marginlab.engine.margin.evaluate import clear_headline_cache
from marginlab.engine.margin.pools import clear_schedule_cache
from marginlab.engine.margin.rules import (
    imported_tables_folder,
    read_imported_table,
    rule_table,
    usual_first_rate,
)
from marginlab.engine.text.said import say

MAX_TIER_BYTES = 64 << 20


def import_tier_table(path: str) -> tuple[str, int, str]:
    """Read a venue's tier answer and store it, dated today; returns the rule set, how many
    symbols it priced and the file written. ``VenueFileError`` names what is wrong."""
    source = Path(path).name
    try:
        document = json.loads(read_bounded(path, MAX_TIER_BYTES, "tier table answer"))
        rules, symbols = read_tier_answer(document)
    except ReadError as error:
        raise VenueFileError([str(error)]) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise VenueFileError([say("{source}: {error}", source=source, error=error)]) from None
    except (KeyError, TypeError, AttributeError, IndexError) as error:
        raise VenueFileError(
            [
                say(
                    "{source}: unexpected shape ({name}: {error})",
                    source=source,
                    name=type(error).__name__,
                    error=error,
                )
            ]
        ) from None
    if not symbols:
        raise VenueFileError([say("{source}: no USDT perpetual tiers in it", source=source)])
    today = datetime.now(UTC).date().isoformat()
    earlier = read_imported_table(rules) or {"symbols": {}}
    table = {
        "rules": rules,
        "as_of": today,
        "source": f"{source}, imported {today}",
        "symbols": {**earlier["symbols"], **symbols},
    }
    folder = imported_tables_folder()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        target = folder / f"{rules}.json"
        write_atomic(target, json.dumps(table).encode("utf-8"))
    except OSError as error:
        raise VenueFileError(
            [
                say(
                    "{folder}: cannot be written ({value})",
                    folder=folder,
                    value=error.strerror or error,
                )
            ]
        ) from None
    rule_table.cache_clear()
    usual_first_rate.cache_clear()  # the rate offered for a symbol no table covers
    clear_schedule_cache()
    clear_headline_cache()  # the figures found with the tiers before
    return rules, len(symbols), str(target)
