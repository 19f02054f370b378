"""The one stop-word list, and the words the metric reader skips on top of it.

Data only: frozensets, no logic. tests/test_one_source.py fails if another module spells out a
set of stop words instead of importing these."""

from __future__ import annotations

from figures.vocab.time_words import MONTHS

# Function words: never a counted noun, never a model name, never a metric term.
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

WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())

# What a figure talks about (figures.extract.context_words) is read from its content words: on
# top of the function words, these say nothing about the metric (time, scale, reporting verbs,
# pronouns and adverbs of a looser kind, the qualifier verbs).
_NOT_METRIC = frozenset("""
across against always anything away back became become cannot doing down else ever first further
get gets got here hers herself him himself however itself last let made make myself near never
new next off often once one others otherwise ours ourselves out rather said say says see seen
theirs themselves therefore thus too toward towards up us way well whether within yours yourself
yourselves exceed exceeds exceeded exceeding close year years month months week weeks day days
quarter quarters annual time times period periods end beginning start half early late recent
recently currently current previous previously following past future far
billion billions million millions trillion thousand thousands hundred hundreds bn mn tn pct
reported report reports reportedly told added noted revealed announced stated shows show showed
expected expects
""".split())

# Function words the metric reader keeps as terms: comparison and time-shift words tell a change
# from a level ("compared", "year-on-year", "earlier"); the rest were never in its list, and
# dropping them would move similarity scores of today's findings.
_METRIC_KEEPS = frozenset("""
compared versus vs unlike whereas respectively year-on-year year-over-year earlier later already
apiece shall till yes
""".split())

METRIC_STOP_WORDS = (STOPWORDS - _METRIC_KEEPS) | MONTHS | WEEKDAYS | _NOT_METRIC
