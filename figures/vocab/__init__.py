"""The vocabulary the extractor reads, as data: currencies and their markers, scale words,
qualifiers and directions, counted nouns, number words, time words and one stop-word list.

Every pattern in figures.extract that recognizes a word is built from these tables, so adding a
scale word or a currency sign is one entry here (and one case row in the tests). Units come
from pint: their tables will sit here too (figures/vocab/units_table.py)."""
