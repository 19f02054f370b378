"""Reading documents (inputs) and writing figures and findings (export: CSV, JSONL, Parquet), with
the pydantic models of the interface contract (schema)."""
