"""A pydantic refusal said in the trader's words: "must be <= 1e+12", not pydantic's "Input
should be less than or equal to 1000000000000".

One place for the words, so a file's field, an order's and a ticket's read alike (the order
tabs and ``marginlab-cli check`` printed pydantic's own sentence, with its long numbers)."""

from __future__ import annotations

from typing import Any

from marginlab.engine.text.said import say

# By pydantic's error type; the bounds are filled in from the error's context.
MESSAGES = {
    "greater_than": say("must be > {gt}"),
    "greater_than_equal": say("must be >= {ge}"),
    "less_than": say("must be < {lt}"),
    "less_than_equal": say("must be <= {le}"),
    "missing": say("required"),
    "extra_forbidden": say("unknown key"),
    "finite_number": say("must be a finite number"),
    "string_too_short": say("must not be empty"),
    "string_too_long": say("too long (at most {max_length} characters)"),
    "too_long": say("too many entries (at most {max_length})"),
    # Letters of any script are allowed: the message does not say "Latin".
    "string_pattern_mismatch": say("use letters, digits and . _ : / - only"),
}


def rule_message(item: Any) -> str:
    """What is wrong with the value of one pydantic error (``ValidationError.errors()``), without
    the field's name: a bound it breaks, with the bound written short (1e+12), or pydantic's
    own message with "must be" for "Input should be". A validator's own message (a
    ``value_error``) is its text as raised."""
    kind = item["type"]
    context = item.get("ctx") or {}
    if kind == "value_error":
        return str(context.get("error", item["msg"])).removeprefix("Value error, ")
    if kind in MESSAGES:
        template = MESSAGES[kind].template
        return say(template, **{key: _bound(value) for key, value in context.items()})
    return str(item["msg"]).replace("Input should be", "must be")


def _bound(value: Any) -> Any:
    """A whole bound written short (1e+12, 1000), as a file's limits are documented, not
    pydantic's 1000000000000000.0."""
    if isinstance(value, float) and value.is_integer():
        return f"{value:g}"
    return value
