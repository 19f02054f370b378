"""Embedded, dated exchange-rate tables (data only). See manifest.json for source and attribution."""
