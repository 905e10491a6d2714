"""``--account``: which account of a file a command works on. A file (format version 3) may
hold a trader's accounts in several settlement currencies, a USDT-margined one and a
BTC-margined one; they never share collateral, so each is evaluated on its own."""

from __future__ import annotations

import sys
from typing import Any

from marginlab.engine.files.scenario_io import ScenarioError, load_scenario
from marginlab.engine.margin.models import Scenario

HELP = (
    "which account of the file: its number (1 is the file's own) or its name; evaluate shows "
    "every account when this is left out, the other commands the file's own"
)


def add_account_option(parser: Any) -> None:
    parser.add_argument("--account", metavar="N|NAME", help=HELP)


def account_label(scenario: Scenario, index: int) -> str:
    """ "2 'BTC-margined' (BTC)": an account as the messages name it."""
    account = scenario.accounts[index]
    return f"{index + 1} '{account.name}' ({account.account.currency})"


def pick_account(scenario: Scenario, key: str | None) -> Scenario:
    """The account ``key`` names, by number from 1 or by name (case aside); the file's own
    when ``key`` is None, with a note on standard error when the file holds others."""
    accounts = scenario.accounts
    if key is None:
        if len(accounts) > 1:
            print(
                f"note: this file holds {len(accounts)} accounts; this is account "
                f"{account_label(scenario, 0)}. --account picks another.",
                file=sys.stderr,
            )
        return accounts[0]
    text = key.strip()
    if text.isdigit() and 1 <= int(text) <= len(accounts):
        return accounts[int(text) - 1]
    named = [a for a in accounts if a.name.casefold() == text.casefold()]
    if len(named) == 1:
        return named[0]
    listed = ", ".join(account_label(scenario, i) for i in range(len(accounts)))
    if named:
        raise ScenarioError([f"--account {key}: two accounts have that name; give its number"])
    raise ScenarioError([f"--account {key}: no such account (the file has: {listed})"])


def load_account(file: str, key: str | None) -> Scenario:
    """``load_scenario``, then ``pick_account``."""
    return pick_account(load_scenario(file), key)
