"""The one stop-word list.

Data only: dicts and frozensets, no logic."""

from __future__ import annotations

# Function words: never a counted noun, never a model name.
STOPWORDS = frozenset("""
a an the this that these those there their they them it its he she his her we our you your i
me my of in on at to for from by with without into onto over under about above below between
among through during before after since until till upon per via than then and or nor but so yet
if as is are was were be been being am do does did done has have had having will would shall
should can could may might must not no yes also already still even just only very more most
less least much many few such each every either neither both all any some other another own
same which who whom whose what when where why how while whereas although though because
compared according including like unlike versus vs respectively year-on-year year-over-year
again ago later earlier now today yesterday tomorrow around nearly almost roughly approximately
about annually respectively apiece each per cent percent
""".split())
