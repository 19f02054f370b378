"""The vocabulary the extractor reads, as data: currencies and their markers, scale words,
qualifiers and directions, counted nouns, number words, time words and one stop-word list.

Every pattern in figures.extract that recognizes a word is built from these tables, so adding a
scale word or a currency sign is one entry here (and one case row in the tests). Currency names,
codes, symbols and territories come from CLDR (cldr_currencies.py, generated from Babel by
scripts/build_vocab.py); units will come from pint (units_table.py)."""
