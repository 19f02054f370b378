"""The words that may stand between an amount and its conversion: "RMB 10 billion (or about
$1.54 billion)", "£5 million, equivalent to $6.3 million", "Rs 500 crore (~$60 million)".

Data only. One table, read by both patterns that recognize such a gloss: the conversion check's
(figures.checks.conversion, which pairs an amount with its conversion) and the extractor's
(figures.extract.currency_context, which takes a '$' glossing a settled amount for a conversion
and not for that amount's currency). A space in a phrase stands for any run of spaces.

Each phrase lists the places it may stand:
- "word": any of the words the check lets stand, in any order, after "(" or a link ("X (or
  about $Y)", "X, which is just over $Y");
- "link": introduces the conversion after the amount, with or without a comma ("X, or $Y",
  "X equivalent to $Y");
- "hedge": says the conversion is approximate, after a comma ("X, roughly $Y"), or opening the
  converted figure's own text;
- "x-bracket", "x-link", "x-hedge": the same places in the extractor's narrower pattern: right
  after the bracket, as the link, and after the link. The extractor keeps to the plainest glosses
  because a wrong reading there labels a currency, where the check only compares two figures.
"""

from __future__ import annotations

GLOSS_WORDS: dict[str, frozenset[str]] = {
    "or": frozenset({"word", "link", "x-bracket", "x-link"}),
    "i.e.": frozenset({"word", "link", "x-link"}),
    "i.e.,": frozenset({"word", "link"}),
    "equivalent to": frozenset({"word", "link", "x-link"}),
    "equal to": frozenset({"word", "link", "x-link"}),
    "the equivalent of": frozenset({"word", "link"}),
    "which is": frozenset({"word", "link"}),
    "worth": frozenset({"word", "link"}),
    "about": frozenset({"word", "hedge", "x-bracket", "x-hedge"}),
    "around": frozenset({"word", "hedge", "x-bracket", "x-hedge"}),
    "approximately": frozenset({"word", "hedge", "x-bracket", "x-hedge"}),
    "roughly": frozenset({"word", "hedge", "x-bracket", "x-hedge"}),
    "some": frozenset({"word", "hedge", "x-bracket", "x-hedge"}),
    "nearly": frozenset({"word", "hedge", "x-hedge"}),
    "almost": frozenset({"word", "hedge", "x-hedge"}),
    "~": frozenset({"x-bracket"}),  # the check reads "~" as part of the converted figure
    "approx": frozenset({"word"}),
    "approx.": frozenset({"word"}),
    "c.": frozenset({"word"}),
    "ca.": frozenset({"word"}),
    "converted": frozenset({"word"}),
    "just over": frozenset({"word"}),
    "just under": frozenset({"word"}),
    "at least": frozenset({"word"}),
    "up to": frozenset({"word"}),
    "more than": frozenset({"word"}),
    "over": frozenset({"word"}),
    "under": frozenset({"word"}),
}
