"""Case tables as data modules: sentences written for figures' tests, with the meaning by hand."""
