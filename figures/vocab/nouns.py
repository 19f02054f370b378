"""Counted nouns: irregular plurals, words that are not plurals, ranks and per-units.

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

# Irregular plurals and mass nouns that count people or things.
IRREGULAR_NOUNS: dict[str, str] = {
    "people": "person", "persons": "person", "staff": "person", "personnel": "person",
    "children": "child", "men": "man", "women": "woman", "feet": "foot",
    "mice": "mouse", "geese": "goose", "teeth": "tooth", "sheep": "sheep",
    "fish": "fish", "deer": "deer", "aircraft": "aircraft", "series": "series",
    "species": "species", "headcount": "person", "workforce": "person",
    "employees": "employee", "units": "unit", "shares": "share", "sales": "sale",
    "buses": "bus", "gases": "gas", "lenses": "lens", "viruses": "virus", "bonuses": "bonus",
    "campuses": "campus", "analyses": "analysis", "crises": "crisis", "theses": "thesis",
    "statuses": "status", "censuses": "census", "indices": "index", "matrices": "matrix",
}

# Words ending in "s" that are not plural nouns.
NOT_PLURAL = frozenset({
    "is", "was", "has", "as", "us", "its", "this", "his", "hers", "thus", "plus", "less",
    "unless", "across", "always", "perhaps", "yes", "whereas", "towards", "besides", "news",
    "does", "goes", "says", "makes", "takes", "gives", "shows", "comes", "seems", "means",
    "remains", "includes", "becomes", "needs", "wants", "gets", "ours", "yours", "theirs",
    "various", "previous", "famous", "serious", "numerous", "enormous", "obvious", "nervous",
    "analysis", "basis", "crisis", "status", "bonus", "campus", "virus", "focus", "census",
    "consensus", "bus", "gas", "chaos", "thanks", "afterwards", "sometimes", "nevertheless",
    "hits", "plans", "aims", "expects", "reports", "adds", "notes", "sees",
})

# Words before a numeral that make it a rank, ordinal position or identifier, not a figure.
RANK_WORDS = frozenset({
    "top", "no.", "no", "number", "#", "ranked", "rank", "ranking", "ranks", "bottom", "grade",
    "level", "phase", "chapter", "article", "section", "page", "item", "rule", "room", "route",
    "flight", "gate", "platform", "version", "v", "season", "episode", "vol.", "volume", "step",
    "part", "round", "stage", "tier", "gen", "generation", "model", "class", "type", "category",
    "figure", "table", "line", "exhibit", "schedule", "note", "form", "code", "zone", "lane",
    "ward", "district", "floor", "unit", "block", "building", "row", "act",
})

# Counted nouns that often appear in singular after "1"/"one"/"a" or are units of stock.
PER_UNITS: dict[str, str] = {
    "share": "share", "year": "year", "annum": "year", "month": "month", "day": "day",
    "week": "week", "hour": "hour", "quarter": "quarter", "person": "person",
    "capita": "person", "head": "person", "unit": "unit", "vehicle": "vehicle",
    "car": "vehicle", "barrel": "barrel", "tonne": "tonne", "ton": "ton", "ounce": "ounce",
    "kg": "kg", "kilogram": "kg", "litre": "litre", "liter": "litre", "gallon": "gallon",
    "kwh": "kWh", "mwh": "MWh", "square metre": "square metre", "square meter": "square metre",
    "square foot": "square foot", "sq ft": "square foot", "dozen": "dozen", "item": "item",
    "ticket": "ticket", "night": "night", "household": "household", "employee": "employee",
    "customer": "customer", "user": "user", "subscriber": "subscriber", "piece": "piece",
}

# Adverbs that mean "per year" etc.
PER_ADVERBS: dict[str, str] = {
    "annually": "year", "yearly": "year", "a year": "year", "per year": "year",
    "per annum": "year", "each year": "year", "every year": "year", "a month": "month",
    "monthly": "month", "per month": "month", "each month": "month", "a day": "day",
    "daily": "day", "per day": "day", "each day": "day", "a week": "week", "weekly": "week",
    "per week": "week", "a share": "share", "per share": "share", "each share": "share",
    "an hour": "hour", "per hour": "hour", "a head": "person", "per head": "person",
    "per capita": "person", "per person": "person", "apiece": "unit", "a piece": "unit",
    "per unit": "unit", "a barrel": "barrel", "per barrel": "barrel", "a ton": "ton",
    "per ton": "ton", "a tonne": "tonne", "per tonne": "tonne", "an ounce": "ounce",
    "per ounce": "ounce", "a dozen": "dozen", "per vehicle": "vehicle", "per car": "vehicle",
}
