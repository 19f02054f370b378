"""pandas and Dask: the frame API (frame), vectorized normalize, the df.figures accessor
(accessor) and the Dask partition mapping (dask)."""
