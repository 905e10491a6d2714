"""Engine messages a face can say in another language (issue 20).

A message is its English text, so the CLI (English, a scripting interface) prints and compares
it as any string, and it also keeps its message id, the English template, with the values
put into it. The desktop translates the template and then the values that are themselves
messages (``desktop.i18n.said``); figures and names are passed through as they are.

The template is the id: it is what a translator sees in the catalogue
(``translations/marginlab_zh_CN.ts``), and a test there fails when a template has no
translation. Changing a template's words therefore changes its id on purpose.
"""

from __future__ import annotations


class Said(str):
    """An English message with its id (``template``) and the values put into it.

    Slots, not an instance dict: an evaluation of a big book says hundreds of warnings, and
    each dict was one more object for the cyclic collector to count and scan."""

    __slots__ = ("params", "template")

    template: str
    params: dict[str, object]

    def __new__(cls, template: str, **params: object) -> Said:
        said = super().__new__(cls, template.format(**params) if params else template)
        said.template = template
        said.params = params
        return said


def say(template: str, **params: object) -> Said:
    """The message ``template`` with ``params`` put in (``str.format`` fields)."""
    return Said(template, **params)
