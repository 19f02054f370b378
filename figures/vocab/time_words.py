"""Time units, month names and the words that make a number a year.

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

TIME_UNITS: dict[str, str] = {
    "year": "year", "years": "year", "yr": "year", "yrs": "year",
    "month": "month", "months": "month", "week": "week", "weeks": "week",
    "day": "day", "days": "day", "hour": "hour", "hours": "hour", "hr": "hour", "hrs": "hour",
    "minute": "minute", "minutes": "minute", "mins": "minute",
    "seconds": "second", "decade": "decade", "decades": "decade", "century": "century",
    "centuries": "century", "quarters": "quarter", "sessions": "session",
}

# Modifiers that become part of a time unit: "23 trading days" -> "trading day".
TIME_MODIFIERS = frozenset({"trading", "business", "working", "calendar", "school", "fiscal"})

MONTHS = frozenset("""
january february march april may june july august september october november december
jan feb mar apr jun jul aug sep sept oct nov dec jan. feb. mar. apr. jun. jul. aug. sep. sept.
oct. nov. dec.
""".split())

# Left context meaning the number is a year, not a count ("in 2024", "fiscal 2021").
YEAR_CONTEXT = frozenset({
    "in", "since", "by", "of", "from", "to", "until", "till", "before", "after", "during",
    "fiscal", "fy", "year", "the", "for", "early", "late", "mid", "around", "through", "end",
    "summer", "winter", "spring", "autumn", "fall", "circa", "christmas",
}) | MONTHS
