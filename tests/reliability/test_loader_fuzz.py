"""Fuzzing the scenario loader: random JSON and random mutations of valid files.

Every input either loads or is refused with a ScenarioError (never another exception), and
the CLI answers every refusal with exit status 2 and one line per problem.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from marginlab.cli.main import main as cli
from marginlab.engine.files.scenario_io import ScenarioError, parse_scenario
from marginlab.engine.margin.models import Scenario

PRESETS = Path(__file__).parents[2] / "resources" / "presets"
VALID = [
    json.loads(p.read_text()) for p in sorted(PRESETS.glob("*.json")) if p.name != "index.json"
]

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(10**20), 10**20),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)
json_values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=10), inner, max_size=4)
    ),
    max_leaves=25,
)
keys = st.sampled_from(
    [
        "format",
        "version",
        "name",
        "rules",
        "account",
        "positions",
        "id",
        "symbol",
        "side",
        "quantity",
        "entry_price",
        "mark_price",
        "leverage",
        "margin_mode",
        "margin",
        "maintenance_rate",
        "maintenance_amount",
        "wallet_balance",
        "currency",
        "max_acceptable_loss",
        "extra",
    ]
)


def outcome(text: str | bytes) -> Scenario | ScenarioError:
    try:
        return parse_scenario(text)
    except ScenarioError as error:
        assert error.problems and all(isinstance(p, str) and p for p in error.problems)
        return error


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix]
    if isinstance(value, dict):
        for k, v in value.items():
            found += paths(v, (*prefix, k))
    elif isinstance(value, list):
        for i, v in enumerate(value):
            found += paths(v, (*prefix, i))
    return found


@st.composite
def mutated(draw: st.DrawFn) -> dict[str, Any]:
    document = json.loads(json.dumps(draw(st.sampled_from(VALID))))
    for _ in range(draw(st.integers(1, 4))):
        where = draw(st.sampled_from(paths(document)[1:]))
        parent = document
        for part in where[:-1]:
            parent = parent[part]
        action = draw(st.sampled_from(["replace", "delete", "add"]))
        if action == "replace":
            parent[where[-1]] = draw(json_values)
        elif action == "delete":
            del parent[where[-1]]
        elif isinstance(parent, dict):
            parent[draw(keys)] = draw(json_values)
        else:
            parent.append(draw(json_values))
        if not paths(document)[1:]:
            break
    return document


@given(json_values)
def test_random_json_never_crashes_the_loader(value: Any) -> None:
    result = outcome(json.dumps(value))
    assert isinstance(result, ScenarioError)  # nothing random is a scenario


@given(st.binary(max_size=200))
def test_random_bytes_never_crash_the_loader(data: bytes) -> None:
    assert isinstance(outcome(data), Scenario | ScenarioError)


@given(mutated())
def test_mutated_files_load_or_are_refused_cleanly(document: dict[str, Any]) -> None:
    result = outcome(json.dumps(document))
    if isinstance(result, Scenario):
        assert parse_scenario(json.dumps(result.model_dump(mode="json"))) == result


@given(mutated())
def test_cli_exits_2_on_every_refusal(tmp_path_factory, document: dict[str, Any]) -> None:
    import contextlib
    import io

    target = tmp_path_factory.mktemp("fuzz") / "s.json"
    target.write_text(json.dumps(document))
    expected = 0 if isinstance(outcome(target.read_bytes()), Scenario) else 2
    err = io.StringIO()
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
        status = cli(["evaluate", str(target)])
    assert status == expected, err.getvalue()
    if expected == 2:
        lines = err.getvalue().splitlines()
        assert lines and all(line.startswith("marginlab-cli: ") for line in lines)
        assert "Traceback" not in err.getvalue()
