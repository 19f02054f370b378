"""Vocabulary as data: currencies, markers, scale words and the other tables the extractor is built from."""
