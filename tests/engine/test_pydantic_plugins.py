"""Pydantic's plugins off, without its plugin loader (``engine.pydantic_plugins``): the same
answer as pydantic's own switch, and ``importlib.metadata`` left unimported. Each case runs in
a fresh interpreter: the switch must act before any model is built, and pytest itself has
imported ``importlib.metadata`` long before a test runs."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.fresh_interpreter import fresh_json

SEED = Path(__file__).parents[2] / "resources" / "presets" / "seed-example.json"


def _fresh(code: str, switch: str | None) -> dict[str, object]:
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    if switch is not None:
        env["PYDANTIC_DISABLE_PLUGINS"] = switch
    return fresh_json(code, env)


_AFTER_SWITCH = f"""
import json, os, sys
from marginlab.engine.pydantic_plugins import switch_off
stubbed = switch_off()
from marginlab.engine.files.scenario_io import load_scenario
scenario = load_scenario({str(SEED)!r})
from pydantic.plugin import _loader
print(json.dumps({{
    "stubbed": stubbed,
    "switch": os.environ.get("PYDANTIC_DISABLE_PLUGINS"),
    "plugins": list(_loader.get_plugins()),
    "metadata": "importlib.metadata" in sys.modules,
    "positions": len(scenario.positions),
}}))
"""


def test_with_no_switch_set_every_plugin_is_off_and_no_plugin_is_looked_for() -> None:
    found = _fresh(_AFTER_SWITCH, None)
    assert found == {
        "stubbed": True,
        "switch": "__all__",
        "plugins": [],
        "metadata": False,
        "positions": 2,
    }


@pytest.mark.parametrize("switch", ["__all__", "1", "true"])
def test_the_stand_in_answers_as_pydantic_does_with_every_plugin_off(switch: str) -> None:
    pydantic_own = _fresh(
        "import json\nfrom pydantic.plugin import _loader\n"
        "print(json.dumps({'plugins': list(_loader.get_plugins())}))",
        switch,
    )
    ours = _fresh(_AFTER_SWITCH, switch)
    assert ours["stubbed"] is True
    assert ours["plugins"] == pydantic_own["plugins"] == []


def test_a_user_who_names_the_plugins_to_disable_keeps_pydantics_own_loader() -> None:
    found = _fresh(_AFTER_SWITCH, "some_plugin,another")
    assert found["stubbed"] is False
    assert found["switch"] == "some_plugin,another"
    assert found["metadata"] is True  # pydantic's loader, which looks plugins up


def test_cli_evaluate_switches_plugins_off_before_its_first_model() -> None:
    code = (
        "import json, sys\n"
        "from marginlab.cli.launch import main\n"
        f"status = main(['evaluate', {str(SEED)!r}])\n"
        "print(json.dumps({'status': status, 'metadata': 'importlib.metadata' in sys.modules}))"
    )
    assert _fresh(code, None) == {"status": 0, "metadata": False}
