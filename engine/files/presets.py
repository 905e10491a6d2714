"""Bundled preset scenarios (``resources/presets``), each with a one-line explanation."""

from __future__ import annotations

import json
from dataclasses import dataclass
from importlib import resources

from marginlab.engine.files.scenario_io import parse_scenario
from marginlab.engine.margin.models import Scenario


@dataclass(frozen=True, slots=True)
class Preset:
    file: str
    title: str
    explanation: str
    order: str = ""  # an order to check before opening it ("BTCUSDT long 0.4 @ 50000 x10")


def preset_list() -> list[Preset]:
    """The presets in menu order."""
    text = resources.files("marginlab.resources.presets").joinpath("index.json").read_text("utf-8")
    return [Preset(**item) for item in json.loads(text)["presets"]]


def load_preset(file: str) -> Scenario:
    """One bundled preset, checked like any scenario file."""
    return parse_scenario(
        resources.files("marginlab.resources.presets").joinpath(file).read_bytes()
    )
