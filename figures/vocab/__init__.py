"""Vocabulary as data (units, and more as the extractor moves its word lists here)."""
