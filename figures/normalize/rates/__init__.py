"""Exchange rates: the rate table (table: RateTable and the default tables; store: its series,
sources, constants and the lookup rule; reading: CSV/gzip/zip tables; columns: vectorized
look-ups; explain: no-rate reasons and coverage; scans: a pair's series), the sources in order
(sources: ECB, NBP, legal pegs; nbp), the user's updated copies (user, nbp_api), the optional live
provider (live), and the maintainer's refresh and build code (refresh, nbp_build)."""
