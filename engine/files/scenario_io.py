"""The one place scenario files are read, checked, migrated and written (DESIGN §2).

Every refusal is a ``ScenarioError`` holding one readable line per problem, each naming the
field: ``positions[1].quantity: must be > 0``.
"""

from __future__ import annotations

import contextlib
import glob
import json
import os
import re
import shutil
import stat
import tempfile
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from marginlab.engine.files.bounded import ReadError, capped, read_bounded
from marginlab.engine.margin.models import (
    FORMAT,
    MAX_LINKED_ACCOUNTS,
    PROBLEM_SEPARATOR,
    VERSION,
    Scenario,
)
from marginlab.engine.text.pydantic_words import rule_message
from marginlab.engine.text.said import say

MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_DEPTH = 20
MAX_POSITIONS = 5_000  # Scenario.positions' own limit


class ScenarioError(ValueError):
    """A scenario that cannot be used, with one message per problem (at most 20, then "and N
    more"), each on one line."""

    def __init__(self, problems: list[str]) -> None:
        problems = capped([_one_line(p) for p in problems])
        super().__init__("\n".join(problems))
        self.problems = problems


def _one_line(problem: str) -> str:
    """A message as one readable line: no raw newline or control character, no 300-digit
    number pasted from the input. A message already so is kept as it is, with its id for the
    window to say it in its language (``Said``)."""
    text = "".join(c if c.isprintable() else repr(c)[1:-1] for c in problem)
    text = re.sub(r"\d{40,}", lambda m: f"{m.group()[:12]}…({len(m.group())} digits)", text)
    return problem if text == problem else text


class _DuplicateKey(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects with a key given twice are refused: the last one silently winning hides
    a typo ("quantity": 10, "quantity": 20 would be read as 20)."""
    document: dict[str, Any] = {}
    for key, value in pairs:
        if key in document:
            raise _DuplicateKey(key)
        document[key] = value
    return document


# version -> function turning a document of that version into one of version + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    # Version 2 added coin-margined contracts (``contract``, ``contract_size``): a version 1
    # position is linear, which is what the new fields say when left out.
    1: lambda document: document,
    # Version 3 added ``linked_accounts``: a version 2 file is one account, as it says.
    2: lambda document: document,
}
# The oldest version this app can migrate from; version 1 is the first published format.
_OLDEST = 1


def migrate(document: dict[str, Any]) -> dict[str, Any]:
    """Bring an older document up to ``VERSION``; refuse other formats and newer versions."""
    if "format" not in document:
        raise ScenarioError(
            [
                say(
                    'format: missing; a scenario file says "format": "{format}" (a venue\'s '
                    "positions answer comes in with File → Import positions…, or marginlab-cli "
                    "import)",
                    format=FORMAT,
                )
            ]
        )
    if document.get("format") != FORMAT:
        raise ScenarioError(
            [
                say(
                    'format: expected "{format}", found {value}',
                    format=FORMAT,
                    value=repr(document.get("format")),
                )
            ]
        )
    version = document.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < _OLDEST:
        raise ScenarioError(
            [
                say(
                    "version: must be a whole number >= {oldest}, found {version}",
                    oldest=_OLDEST,
                    version=repr(version),
                )
            ]
        )
    if version > VERSION:
        raise ScenarioError(
            [
                say(
                    "version: this file is version {version}; this Margin Lab reads scenario "
                    "versions up to {version2}. Update Margin Lab to open it.",
                    version=version,
                    version2=VERSION,
                )
            ]
        )
    while version < VERSION:
        document = MIGRATIONS[version](document)
        version += 1
        document["version"] = version
    return document


def _reject_constant(name: str) -> float:
    raise ValueError(say("{name} is not a number JSON allows", name=name))


def _depth(value: Any, level: int = 1) -> int:
    if level > MAX_DEPTH:
        return level
    if isinstance(value, dict):
        return max([_depth(v, level + 1) for v in value.values()], default=level)
    if isinstance(value, list):
        return max([_depth(v, level + 1) for v in value], default=level)
    return level


def parse_scenario(text: str | bytes) -> Scenario:
    """Check and migrate one scenario document given as JSON text."""
    if len(text) > MAX_FILE_BYTES:
        raise ScenarioError(
            [say("file: larger than {value} MB", value=MAX_FILE_BYTES // (1024 * 1024))]
        )
    try:
        document = json.loads(text, parse_constant=_reject_constant, object_pairs_hook=_unique_keys)
    except _DuplicateKey as error:
        raise ScenarioError(
            [say("file: the key {error} is given twice in one object", error=repr(str(error)))]
        ) from None
    except RecursionError:
        raise ScenarioError(
            [say("file: JSON nested deeper than {max_depth} levels", max_depth=MAX_DEPTH)]
        ) from None
    except (ValueError, UnicodeDecodeError) as error:
        raise ScenarioError([say("file: not valid JSON ({error})", error=error)]) from None
    if _depth(document) > MAX_DEPTH:
        raise ScenarioError(
            [say("file: JSON nested deeper than {max_depth} levels", max_depth=MAX_DEPTH)]
        )
    if not isinstance(document, dict):
        raise ScenarioError(
            [
                say(
                    "file: the top level must be a JSON object (a venue's positions answer "
                    "comes in with File → Import positions…, or marginlab-cli import)"
                )
                if isinstance(document, list)  # a venue's answer is often a list of rows
                else say("file: the top level must be a JSON object")
            ]
        )
    _check_lengths(document)
    document = migrate(document)
    try:
        return Scenario.model_validate_json(json.dumps(document), strict=True)
    except ValidationError as error:
        raise ScenarioError(format_errors(error)) from None


def _check_lengths(document: dict[str, Any]) -> None:
    """Refuse overlong lists before the models read them: two million bad entries must not
    make two million errors."""
    linked = document.get("linked_accounts")
    if isinstance(linked, list) and len(linked) > MAX_LINKED_ACCOUNTS:
        raise ScenarioError(
            [
                say(
                    "linked_accounts: {count} accounts; a file links at most {most}",
                    count=f"{len(linked):,}",
                    most=MAX_LINKED_ACCOUNTS,
                )
            ]
        )
    bodies = [("", document)]
    if isinstance(linked, list):
        bodies += [(f"linked_accounts[{i}].", body) for i, body in enumerate(linked)]
    for where, body in bodies:
        positions = body.get("positions") if isinstance(body, dict) else None
        if isinstance(positions, list) and len(positions) > MAX_POSITIONS:
            raise ScenarioError(
                [
                    say(
                        "{where}positions: {positions} entries; a scenario holds at most "
                        "{max_positions}",
                        where=where,
                        positions=f"{len(positions):,}",
                        max_positions=f"{MAX_POSITIONS:,}",
                    )
                ]
            )


def load_scenario(path: str | os.PathLike[str]) -> Scenario:
    """Read a scenario file; any problem, including I/O, becomes a ``ScenarioError``."""
    try:
        data = read_bounded(path, MAX_FILE_BYTES, "scenario file (.json)")
    except ReadError as error:
        raise ScenarioError([str(error)]) from None
    return parse_scenario(data)


def dump_scenario(scenario: Scenario) -> str:
    """The file text of ``scenario``: defaults left out, stable key order."""
    document = scenario.model_dump(mode="json", exclude_defaults=True)
    document = {"format": FORMAT, "version": VERSION, **document}
    return json.dumps(document, indent=1, ensure_ascii=False, allow_nan=False) + "\n"


def save_scenario(scenario: Scenario, path: str | os.PathLike[str]) -> None:
    """Write atomically (``write_atomic``), keeping the file being replaced beside it as
    ``<name>.bak``."""
    write_atomic(Path(path), dump_scenario(scenario).encode("utf-8"), backup=True)


def write_atomic(path: Path, data: bytes, backup: bool = False) -> None:
    """A temporary file in the target's folder, fsync, then a rename over it: a kill leaves
    the old file or the new one, never half of one.

    A symbolic link is written through, to the file it points at (the link stays a link);
    the file keeps its permissions; temporary files an interrupted save left are removed.
    """
    target = Path(os.path.realpath(path)) if Path(path).is_symlink() else Path(path)
    _remove_leftovers(target)
    try:
        mode: int | None = stat.S_IMODE(os.stat(target).st_mode)
    except OSError:
        mode = None
    handle, temporary = tempfile.mkstemp(
        prefix=f".{target.name}.", suffix=".tmp", dir=target.parent
    )
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
            stream.flush()
            if mode is not None and hasattr(os, "fchmod"):  # not on Windows
                os.fchmod(stream.fileno(), mode)
            os.fsync(stream.fileno())
        if backup and target.exists():
            _keep_backup(target)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    _fsync_folder(target.parent)


def _remove_leftovers(target: Path) -> None:
    """Temporary files of earlier saves of ``target`` that a kill interrupted, if no process
    is still writing them (older than a minute)."""
    with contextlib.suppress(OSError):
        for leftover in target.parent.glob(f".{glob.escape(target.name)}.*.tmp"):
            with contextlib.suppress(OSError):
                if time.time() - leftover.stat().st_mtime > 60:
                    leftover.unlink()


def _keep_backup(target: Path) -> None:
    """Copy ``target`` to ``<name>.bak`` while ``target`` stays in place: renaming it away
    would leave a moment with no file at all, and a kill then would lose the scenario."""
    backup = target.with_name(target.name + ".bak")
    staging = target.with_name(f".{target.name}.bak.{os.getpid()}.tmp")
    staging.unlink(missing_ok=True)
    try:
        os.link(target, staging)  # instant and atomic where the file system has hard links
    except OSError:
        shutil.copy2(target, staging)
    os.replace(staging, backup)


def _fsync_folder(folder: Path) -> None:
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return  # folders cannot be opened on Windows; the rename is still atomic there
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


# "maintenance_amount: …" from a position's validator; "positions[1].id: …" from a linked
# account's (a scenario inside the file).
_FIELD_PREFIX = re.compile(r"^[a-z_]+(?:\[\d+\])?(?:\.[a-z_]+)*: ")
_PLAIN_KEY = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,60}$")


def _where(location: tuple[int | str, ...]) -> str:
    """``positions[1].quantity``; a key that is not a plain name is quoted: ``account['\\x1e']``."""
    text = ""
    for part in location:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not _PLAIN_KEY.match(part):
            text += f"[{part!r}]"
        else:
            text += f".{part}" if text else part
    return text


def format_errors(error: ValidationError) -> list[str]:
    """One ``field: message`` line per pydantic error."""
    return format_error_items(error.errors(include_url=False))


def format_error_items(items: Iterable[ErrorDetails]) -> list[str]:
    """``format_errors`` of some of a ``ValidationError``'s errors."""
    lines: list[str] = []
    for item in items:
        location = tuple(p for p in item["loc"] if p not in ("function-after",))
        kind = item["type"]
        context = item.get("ctx") or {}
        if kind == "value_error":
            message = str(context.get("error", item["msg"]))
            problems = message.split(PROBLEM_SEPARATOR)
            if not location:
                lines.extend(problems)
                continue
            if all(_FIELD_PREFIX.match(problem) for problem in problems):
                lines.extend(
                    say("{location}.{message}", location=_where(location), message=problem)
                    for problem in problems
                )
                continue
        else:
            message = rule_message(item)
        lines.append(say("{value}: {message}", value=_where(location) or "file", message=message))
    return lines
