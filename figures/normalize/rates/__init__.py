"""Exchange rates: the embedded tables (table), their sources in order (sources: ECB, NBP, legal
pegs), the user's updated copies (user), the optional live provider (live), and the maintainer's
refresh and build code (refresh, nbp_build)."""
