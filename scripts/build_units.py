"""Generate figures/vocab/units_table.py from pint's registry (plus figures/vocab/units_newsroom.txt).

    python scripts/build_units.py            # rewrite the table
    python scripts/build_units.py --check    # exit 1 if the committed table is stale

The curated part below says *which* pint units news text uses and which of their prefixes are
safe as symbols after a number; pint supplies the names, symbols, aliases and dimensions, and
every canonical unit is checked to parse in pint with the declared dimension. The output is
deterministic (sorted) so a rebuild with the same pint version changes nothing.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pint

ROOT = Path(__file__).resolve().parent.parent
NEWSROOM = ROOT / "figures" / "vocab" / "units_newsroom.txt"
OUT = ROOT / "figures" / "vocab" / "units_table.py"

PREFIXES = {  # pint prefix name -> symbol
    "exa": "E", "peta": "P", "tera": "T", "giga": "G", "mega": "M", "kilo": "k", "hecto": "h",
    "deca": "da", "deci": "d", "centi": "c", "milli": "m", "micro": "µ", "nano": "n",
    "pico": "p", "femto": "f", "atto": "a",
}
WORD_PREFIXES = tuple(PREFIXES)  # spelled-out prefixed words ('picometres') are safe in prose

# pint unit -> (dimension key, prefixes allowed for *symbols*, prefixes allowed for words or None
# for all, extra symbols, extra words). Symbol prefixes are limited to those that do not spell an
# English word or a clock time after a number ('5 am', '3 pm', '2 Pa' is fine, 'fm', 'Mm' no).
BASES: dict[str, tuple[str, str, tuple[str, ...] | None, tuple[str, ...], tuple[str, ...]]] = {
    "meter": ("length", "k d c m micro n", None, (), ("metre", "meter")),
    "mile": ("length", "", (), ("mi",), ()),
    "foot": ("length", "", (), ("ft",), ("feet",)),
    "inch": ("length", "", (), ("ins",), ()),
    "yard": ("length", "", (), ("yd", "yds"), ()),
    "nautical_mile": ("length", "", (), ("nmi",), ("nautical mile",)),
    "light_year": ("length", "", (), (), ("light year", "light-year")),
    "hectare": ("area", "", (), ("ha",), ()),
    "acre": ("area", "", (), (), ()),
    # Collider luminosity is quoted in inverse femtobarns ('5 fb-1'); the bare 'barn' is a farm
    # building in news, so only the prefixed forms are read.
    "femtobarn": ("area", "", (), ("fb",), ()),
    "liter": ("volume", "m c", ("milli", "centi", "deci", "hecto", "kilo", "mega"),
              ("L", "l", "ltr", "ltrs"), ("litre", "liter")),
    "gallon": ("volume", "", (), ("gal", "gals"), ()),
    "oil_barrel": ("volume", "", (), ("bbl", "bbls"), ("barrel",)),
    "fluid_ounce": ("volume", "", (), ("fl oz", "fl. oz"), ("fluid ounce",)),
    "cup": ("volume", "", (), (), ()),
    "tablespoon": ("volume", "", (), ("tbsp",), ()),
    "teaspoon": ("volume", "", (), ("tsp",), ()),
    "pint": ("volume", "", (), (), ()),
    "quart": ("volume", "", (), ("qt",), ()),
    "trillion_cubic_feet": ("volume", "", (), ("tcf", "Tcf", "TCF"), ()),
    "billion_cubic_feet": ("volume", "", (), ("bcf", "Bcf", "BCF"), ()),
    "million_cubic_feet": ("volume", "", (), ("mmcf", "MMcf", "MMCF"), ()),
    "billion_cubic_meters": ("volume", "", (), ("bcm", "BCM"), ()),
    "gram": ("mass", "k m micro n", None, ("g",), ("gramme",)),
    "metric_ton": ("mass", "k M G", None, ("t", "tn"), ("tonne", "metric ton")),
    "ton": ("mass", "", ("kilo", "mega", "giga"), (), ("short ton",)),
    "long_ton": ("mass", "", (), (), ("long ton",)),
    "pound": ("mass", "", (), ("lb", "lbs"), ()),
    "ounce": ("mass", "", (), ("oz",), ()),
    "troy_ounce": ("mass", "", (), ("ozt", "oz t"), ("troy ounce",)),
    "stone": ("mass", "", (), (), ()),
    "carat": ("mass", "", (), (), ()),
    "dram": ("mass", "", (), (), ()),
    "second": ("time", "m micro n", None, ("sec", "secs"), ()),
    "minute": ("time", "", (), ("min", "mins"), ()),
    "hour": ("time", "", (), ("h", "hr", "hrs"), ()),
    "day": ("time", "", (), (), ()),
    "week": ("time", "", (), ("wk", "wks"), ()),
    "month": ("time", "", (), (), ()),
    "year": ("time", "", (), ("yr", "yrs"), ()),
    "joule": ("energy", "k M G T P E", None, ("J",), ()),
    "watt_hour": ("energy", "k M G T", ("kilo", "mega", "giga", "tera"), ("Wh",),
                  ("watt hour",)),
    "calorie": ("energy", "k", ("kilo",), ("cal",), ()),
    "electron_volt": ("energy", "k M G T", None, ("eV",), ("electronvolt", "electron volt")),
    "british_thermal_unit": ("energy", "", (), ("Btu", "BTU", "btu"), ("british thermal unit",)),
    "million_btu": ("energy", "", (), ("mmbtu", "MMBtu", "MMBTU", "mmBtu"), ()),
    "tonne_of_oil_equivalent": ("energy", "", ("mega", "kilo"), ("toe",),
                                ("tonne of oil equivalent",)),
    "barrel_of_oil_equivalent": ("energy", "", (), ("boe", "BOE"), ("barrel of oil equivalent",)),
    "therm": ("energy", "", (), (), ()),
    "watt": ("power", "m k M G T", None, ("W",), ()),
    "horsepower": ("power", "", (), ("hp", "bhp"), ()),
    "metric_horsepower": ("power", "", (), ("PS",), ("metric horsepower",)),
    "knot": ("speed", "", (), ("kn", "kts"), ()),
    "pascal": ("pressure", "h k M G", None, ("Pa",), ()),
    "bar": ("pressure", "m", ("milli",), (), ()),
    "psi": ("pressure", "", (), ("psi",), ()),
    "standard_atmosphere": ("pressure", "", (), ("atm",), ("atmosphere",)),
    "millimeter_Hg": ("pressure", "", (), ("mmHg",), ()),
    "degree_Celsius": ("temperature", "", (), ("°C", "° C", "ºC", "℃", "degrees C", "deg C", "° Celsius",
                                       "°Celsius", "C"),
                       ("degree Celsius", "degree centigrade", "Celsius")),
    "degree_Fahrenheit": ("temperature", "", (), ("°F", "° F", "ºF", "℉", "degrees F", "deg F",
                                           "° Fahrenheit", "°Fahrenheit", "F"),
                          ("degree Fahrenheit", "Fahrenheit")),
    "kelvin": ("temperature", "", (), (), ()),
    "bit": ("information", "k M G T", None, ("bit",), ()),
    "byte": ("information", "k M G T P E", None, ("KB",), ()),
    "kibibyte": ("information", "", (), ("KiB",), ()),
    "mebibyte": ("information", "", (), ("MiB",), ()),
    "gibibyte": ("information", "", (), ("GiB",), ()),
    "tebibyte": ("information", "", (), ("TiB",), ()),
    "hertz": ("frequency", "k M G T", None, ("Hz",), ()),
    "volt": ("voltage", "m k", None, ("V",), ()),
    "ampere": ("current", "m k", None, (), ("amp",)),
    "ampere_hour": ("charge", "m k", ("milli", "kilo"), ("Ah",), ("amp hour", "ampere hour")),
    "coulomb": ("charge", "", (), (), ()),
    "degree": ("angle", "", (), ("°", "º"), ()),
    "radian": ("angle", "", (), ("rad",), ()),
    "arcminute": ("angle", "", (), (), ("minute of arc",)),
    "arcsecond": ("angle", "", (), (), ("second of arc",)),
    "turn": ("angle", "", (), (), ("revolution",)),
    "newton": ("force", "k", None, (), ()),
    "newton_meter": ("torque", "", (), ("Nm", "N·m", "N m"), ("newton meter", "newton metre")),
    "pound_force_foot": ("torque", "", (), ("lb-ft", "lb ft", "lb·ft"), ("pound-foot", "pound foot", "pound-feet", "pound feet")),
    "gray": ("radiation", "m", None, ("Gy",), ()),
    "sievert": ("radiation", "m micro", None, ("Sv",), ()),
}

# Symbols of prefixed units that pint spells differently (case variants, news abbreviations).
EXTRA_SYMBOLS = {"mL": "milliliter", "cL": "centiliter", "kgs": "kilogram", "mcg": "microgram",
                 "Mtoe": "megatonne_of_oil_equivalent", "ktoe": "kilotonne_of_oil_equivalent",
                 "Kg": "kilogram", "KM": "kilometer", "Km": "kilometer", "KG": "kilogram",
                 "kms": "kilometer", "Kms": "kilometer", "mAH": "milliampere_hour",
                 "KWh": "kilowatt_hour", "kwh": "kilowatt_hour", "Kwh": "kilowatt_hour",
                 "GWH": "gigawatt_hour", "MWH": "megawatt_hour", "KW": "kilowatt"}

# Forms that are whole compounds in one token: (form, numerator, denominator, kind of symbol)
COMPOUND_FORMS: dict[str, tuple[str, str]] = {
    "kph": ("kilometer", "hour"), "kmh": ("kilometer", "hour"), "kmph": ("kilometer", "hour"),
    "km/h": ("kilometer", "hour"), "km/hr": ("kilometer", "hour"), "km per hour": ("kilometer", "hour"),
    "kilometers per hour": ("kilometer", "hour"), "kilometres per hour": ("kilometer", "hour"),
    "mph": ("mile", "hour"), "miles per hour": ("mile", "hour"), "MPH": ("mile", "hour"),
    "m/s": ("meter", "second"), "meters per second": ("meter", "second"),
    "metres per second": ("meter", "second"),
    "bpd": ("oil_barrel", "day"), "b/d": ("oil_barrel", "day"), "bopd": ("oil_barrel", "day"),
    "boepd": ("barrel_of_oil_equivalent", "day"), "boe/d": ("barrel_of_oil_equivalent", "day"),
    "tpd": ("metric_ton", "day"), "mtpa": ("megametric_ton", "year"), "Mtpa": ("megametric_ton", "year"),
    "MTPA": ("megametric_ton", "year"), "mpg": ("mile", "gallon"), "MPG": ("mile", "gallon"),
    "kbps": ("kilobit", "second"), "Kbps": ("kilobit", "second"), "Mbps": ("megabit", "second"),
    "Gbps": ("gigabit", "second"), "Mbit/s": ("megabit", "second"), "Gbit/s": ("gigabit", "second"),
    "Mb/s": ("megabit", "second"), "Gb/s": ("gigabit", "second"), "MB/s": ("megabyte", "second"),
    "GB/s": ("gigabyte", "second"), "rpm": ("turn", "minute"), "RPM": ("turn", "minute"),
}

# Area and volume: 'square'/'cubic' words and sq/cu/²/³ symbols over these length units.
POWERED = ("meter", "kilometer", "centimeter", "millimeter", "foot", "mile", "inch", "yard")
AREA_EXTRA = {"sqm": "meter ** 2", "sq m": "meter ** 2", "sq.m": "meter ** 2",
              "sq km": "kilometer ** 2", "sq ft": "foot ** 2", "sqft": "foot ** 2",
              "sq mi": "mile ** 2", "sq in": "inch ** 2", "sq yd": "yard ** 2"}
VOLUME_EXTRA = {"cc": "centimeter ** 3", "cu m": "meter ** 3", "cu ft": "foot ** 3", "cu km": "kilometer ** 3",
                "cu in": "inch ** 3", "cu yd": "yard ** 3"}

# Readings other than the physical unit: the extractor decides by grammar (DESIGN.md section 3:
# keep candidates, never guess). Keys are surface forms as matched (words lower-cased).
AMBIGUOUS: dict[str, str] = {
    "pound": "weight or pounds sterling", "pounds": "weight or pounds sterling",
    "lb": "weight; 'lb' is never sterling but may be a pound-force", "m": "metre or the scale word million ('5m')",
    "t": "tonne or the scale word trillion ('$1.5t')", "min": "minute or 'minimum'",
    "stone": "mass (14 lb) or a counted stone", "bar": "pressure unit or a counted bar",
    "bars": "pressure unit or counted bars", "cup": "volume unit or a counted cup",
    "cups": "volume unit or counted cups", "pint": "volume unit or a counted pint of beer",
    "pints": "volume unit or counted pints", "feet": "length, or body parts counted",
    "yards": "length, or a counted yard (garden)", "ton": "short ton (US) or a loose 'metric ton'",
    "tons": "short ton (US), metric ton or figurative 'tons of'", "degree": "angle or temperature",
    "degrees": "angle or temperature (scale unstated)", "°": "angle or temperature (scale unstated)",
    "º": "angle or temperature, or an ordinal indicator", "turn": "angle or a counted turn",
    "turns": "angle or counted turns", "gray": "radiation dose or a colour",
    "carat": "mass of a gem or gold purity (karat)", "carats": "mass of a gem or gold purity",
    "days": "time unit or a counted day", "day": "time unit or a counted day",
    "kt": "kilotonne or knot",
    "C": "Celsius in UK news style ('30C'), or a grade/label; coulomb is never read",
    "F": "Fahrenheit in news style ('95F'), or a grade/label; farad is never read",
"quart": "volume unit or a counted quart",
}

# Surface forms never read as units, with the reason (false positives in running text).
EXCLUDED: dict[str, str] = {
    "a": "article; also pint's 'are' and 'year' symbol", "are": "verb; pint's area unit",
    "at": "preposition; pint's technical atmosphere", "in": "preposition; pint's inch symbol",
    "s": "plural/decade suffix ('1990s', 'the 50s')", "d": "ordinal/dimension suffix ('3d')",
    "K": "thousand ('5K run', '$50K')", "k": "thousand ('$5k')", "B": "billion ('$5B')",
    "b": "billion ('$5b')", "M": "million ('$5M')", "G": "'5G' network generation",
    "T": "trillion; pint's tesla",
"N": "north; newton only with a prefix",
    "A": "grade or ampere: ampere only with a prefix or in words", "P": "poise/page",
    "am": "clock time ('5 am'); pint's attometre", "pm": "clock time ('3 pm'); pint's picometre",
    "Mm": "megametre: unused, collides with 'MM' million", "mm2": "kept as mm² only",
    "fm": "radio band; femtometre", "ly": "adverb suffix; light year kept in words",
    "ac": "air conditioning; acre kept in words", "ct": "cent/court; carat kept in words",
    "st": "ordinal '1st'; stone kept in words", "nd": "ordinal '2nd'", "rd": "ordinal/road",
    "th": "ordinal '4th'", "ft.": "trailing period is sentence punctuation",
    "mb": "millibar or megabyte: case lost", "kb": "kilobit or kilobyte: case lost",
    "gal": "kept: gallon symbol (listed for the record)",
    "quid": "money word, not a physical unit (currency lexicon)",
    "grand": "money word ('50 grand'), not a physical unit",
    "quad": "quadrillion Btu or a quad bike: too ambiguous",
    "cal": "kept as symbol (listed for the record)", "mi.": "trailing period",
    "point": "pint unit 'point' (typography): an ordinary word",
    "line": "pint unit 'line': an ordinary word", "grade": "pint unit 'grade': an ordinary word",
    "hand": "pint unit 'hand': an ordinary word", "mil": "thousandth inch or million: ambiguous",
    "mo": "month or 'modus operandi'", "oz.": "trailing period",
}
_KEPT_FOR_RECORD = {"gal", "cal"}
ATTACHED_OR_FINAL = ("C", "F")
# pint aliases and symbols that are ordinary words or abbreviations in news text.
SKIP_ALIAS = {"cycle", "circle", "kt"}
SKIP_SYMBOL = {"C", "F", "cp", "pt", "dr", "thm", "floz", "ct", "ly", "turn", "stone", "metric_horsepower",
               "arcmin", "arcsec"}

IRREGULAR_PLURAL = {"feet": "feet", "meters": "meters", "foot": "feet", "inch": "inches", "century": "centuries", "hertz": "hertz",
                    "horsepower": "horsepower", "Celsius": "Celsius", "Fahrenheit": "Fahrenheit",
                    "psi": "psi", "lux": "lux", "stone": "stone", "kelvin": "kelvin"}
COMPOUND_DIMENSION = {
    ("length", "time"): "speed", ("volume", "time"): "volume_rate", ("mass", "time"): "mass_rate",
    ("energy", "time"): "energy_rate", ("information", "time"): "data_rate",
    ("energy", "length"): "energy_per_length", ("length", "volume"): "fuel_economy",
    ("volume", "length"): "fuel_consumption", ("angle", "time"): "rotation_rate",
    ("length", "time ** 2"): "acceleration",
}
# Per-units written with a power ('km/s2', 'm/s²'): the matcher reads them after '/', so their
# display names are generated with the others.
POWERED_PER = ("second ** 2",)


def plural(words: str) -> str:
    parts = words.split(" ")
    # 'barrels of oil equivalent', 'degrees Celsius'
    head = 0 if " of " in words or words.startswith("degree ") else len(parts) - 1
    w = parts[head]
    for singular, plural_form in IRREGULAR_PLURAL.items():
        if w.endswith(singular):  # 'kilohertz', 'square foot'
            parts[head] = w[: len(w) - len(singular)] + plural_form
            return " ".join(parts)
    parts[head] = w + ("es" if w.endswith(("ch", "sh", "ss")) else "s")
    return " ".join(parts)


def spelled(name: str) -> str:
    return name.replace("_", " ")


def build(ureg: pint.UnitRegistry) -> dict:
    symbols: dict[str, tuple[str, str]] = {}
    words: dict[str, tuple[str, str]] = {}

    def put(table: dict, form: str, canonical: str, dim: str) -> None:
        if form in EXCLUDED and form not in _KEPT_FOR_RECORD:
            return
        old = table.get(form)
        if old is not None and old != (canonical, dim):
            raise SystemExit(f"build_units: {form!r} maps to both {old} and {(canonical, dim)}")
        table[form] = (canonical, dim)

    def add_word(form: str, canonical: str, dim: str) -> None:
        low = form.lower()
        put(words, low, canonical, dim)
        put(words, plural(low), canonical, dim)

    for base, (dim, sym_prefixes, word_prefixes, extra_symbols, extra_words) in BASES.items():
        ureg.parse_units(base)  # fails loudly if pint lost the unit
        definition = ureg._units[base]  # build time only: pint exposes aliases nowhere else
        base_forms = {spelled(base), *extra_words,
                      *(spelled(a) for a in definition.aliases if a.isascii() and a.isalpha() and len(a) >= 4
                        and a not in SKIP_ALIAS)}
        for form in base_forms:
            add_word(form, base, dim)
        sym = definition.symbol
        if sym and sym not in EXCLUDED and sym not in SKIP_SYMBOL and sym.isascii() \
                and "_" not in sym:
            put(symbols, sym, base, dim)
        for s in extra_symbols:
            put(symbols, s, base, dim)
        prefixes = WORD_PREFIXES if word_prefixes is None else word_prefixes
        for p in prefixes:
            name = p + base
            try:
                ureg.parse_units(name)
            except pint.errors.UndefinedUnitError:
                continue
            for form in base_forms:
                if " " in form and not form.startswith(("watt", "electron", "amp")):
                    continue
                add_word(p + form.replace("electron volt", "electronvolt"), name, dim)
        for p in sym_prefixes.split():
            prefix = {"micro": "micro"}.get(p, p)
            pname = prefix if prefix in PREFIXES else next(k for k, v in PREFIXES.items() if v == p)
            name = pname + base
            ureg.parse_units(name)
            stem = sym or (extra_symbols[0] if extra_symbols else None)
            if stem is None:
                if base == "ampere":
                    stem = "A"
                elif base == "newton":
                    stem = "N"
                else:
                    continue
            put(symbols, PREFIXES[pname] + stem, name, dim)
            if PREFIXES[pname] == "µ":
                put(symbols, "μ" + stem, name, dim)  # Greek mu, as often typed

    for form, canonical in EXTRA_SYMBOLS.items():
        put(symbols, form, canonical, dims_of(symbols, words, canonical))
    for length in POWERED:
        sym = ureg.get_symbol(length)
        for power, word, short, dim in ((2, "square", "sq", "area"), (3, "cubic", "cu", "volume")):
            canonical = f"{length} ** {power}"
            add_word(f"{word} {length}", canonical, dim)
            for alias in ureg._units[ureg.get_name(length)].aliases if length == "meter" else ():
                add_word(f"{word} {alias}", canonical, dim)
            if length.endswith("meter"):
                add_word(f"{word} {length[:-5]}metre", canonical, dim)
            put(symbols, sym + ("²" if power == 2 else "³"), canonical, dim)
            put(symbols, f"{sym}{power}", canonical, dim)
            put(symbols, f"{sym}^{power}", canonical, dim)
            put(symbols, f"{sym} {'squared' if power == 2 else 'cubed'}", canonical, dim)
            put(symbols, f"{short} {sym}", canonical, dim)
    for form, canonical in AREA_EXTRA.items():
        put(symbols, form, canonical, "area")
    for form, canonical in VOLUME_EXTRA.items():
        put(symbols, form, canonical, "volume")

    compounds: dict[str, tuple[str, str, str]] = {}
    dims = {canonical: dim for table in (symbols, words) for canonical, dim in table.values()}
    for form, (num, den) in COMPOUND_FORMS.items():
        ureg.parse_units(f"{num} / {den}")
        ndim = dims.get(num) or {"megametric_ton": "mass", "kilobit": "information",
                                 "megabit": "information", "gigabit": "information",
                                 "megabyte": "information", "gigabyte": "information"}[num]
        dim = COMPOUND_DIMENSION.get((ndim, dims[den]), f"{ndim}/{dims[den]}")
        compounds[form if not form.islower() or "/" in form else form.lower()] = (num, den, dim)

    for table in (symbols, words):
        for canonical, dim in set(table.values()):
            check_dimension(ureg, canonical, dim)
    folded = fold(symbols, words)
    return {"symbols": symbols, "words": words, "folded": folded, "compounds": compounds}


EXPECTED_DIMS = {
    "length": "[length]", "area": "[length] ** 2", "volume": "[length] ** 3", "mass": "[mass]",
    "time": "[time]", "energy": "[length] ** 2 * [mass] / [time] ** 2",
    "power": "[length] ** 2 * [mass] / [time] ** 3", "speed": "[length] / [time]",
    "pressure": "[mass] / [length] / [time] ** 2", "temperature": "[temperature]",
    "information": "dimensionless", "frequency": "1 / [time]",
    "voltage": "[length] ** 2 * [mass] / [current] / [time] ** 3", "current": "[current]",
    "charge": "[current] * [time]", "angle": "dimensionless",
    "force": "[length] * [mass] / [time] ** 2", "torque": "[length] ** 2 * [mass] / [time] ** 2",
    "radiation": "[length] ** 2 / [time] ** 2",
}


def dims_of(symbols: dict, words: dict, canonical: str) -> str:
    for table in (symbols, words):
        for c, dim in table.values():
            if c == canonical:
                return dim
    for base, spec in BASES.items():  # a prefixed unit takes its base's dimension
        if canonical.endswith(base) and canonical[: -len(base)] in PREFIXES:
            return spec[0]
    raise SystemExit(f"build_units: {canonical} has no dimension yet")


def check_dimension(ureg: pint.UnitRegistry, canonical: str, dim: str) -> None:
    got = ureg.parse_units(canonical).dimensionality
    want = ureg.parse_units("meter").dimensionality  # placeholder type
    want = ureg.get_dimensionality(EXPECTED_DIMS[dim]) if EXPECTED_DIMS[dim] != "dimensionless" \
        else ureg.parse_units("dimensionless").dimensionality
    if got != want:
        raise SystemExit(f"build_units: {canonical} is {got}, declared {dim}")


def fold(symbols: dict, words: dict) -> dict[str, tuple[str, str]]:
    """Lower-cased symbols of 3+ letters that stay unambiguous ('kwh', 'KWH' -> kWh): news and
    the peers' tokenized text lose case. Shorter symbols keep their case ('mm' vs 'Mm', 'MW')."""
    by_lower: dict[str, set] = {}
    for form, value in symbols.items():
        by_lower.setdefault(form.lower(), set()).add(value)
    out = {}
    for low, values in by_lower.items():
        if len(values) == 1 and len(low.replace(" ", "")) >= 3 and low not in words \
                and low not in EXCLUDED and low not in symbols:
            out[low] = next(iter(values))
    for extra in ("km", "kg", "kw", "mw", "gw", "kms"):  # upper-case 'KM', 'KG', 'MW' in headlines
        low_hits = {v for f, v in symbols.items() if f.lower() == extra}
        if len(low_hits) == 1 and extra not in symbols:
            out[extra] = next(iter(low_hits))
    return out


def display_names(result: dict) -> dict[str, str]:
    special = {"metric_ton": "tonne", "pound": "pound (weight)", "oil_barrel": "barrel",
               "degree_Celsius": "degree Celsius", "degree_Fahrenheit": "degree Fahrenheit",
               "megametric_ton": "megatonne", "kilometric_ton": "kilotonne",
               "gigametric_ton": "gigatonne", "ton": "ton", "psi": "psi"}
    out = {}
    canonicals = {c for t in ("symbols", "words", "folded") for c, _ in result[t].values()}
    canonicals |= {c for num, den, _ in result["compounds"].values() for c in (num, den)}
    canonicals |= set(POWERED_PER)
    for c in sorted(canonicals):
        if c in special:
            out[c] = special[c]
        elif " ** " in c:
            base, power = c.split(" ** ")
            out[c] = ("square " if power == "2" else "cubic ") + spelled(base)
        else:
            out[c] = spelled(c).replace("electron volt", "electronvolt")
    return out


def render(result: dict, version: str) -> str:
    def block(name: str, doc: str, mapping: dict) -> str:
        lines = [f"# {doc}", f"{name} = {{"]
        lines += [f"    {k!r}: {v!r}," for k, v in sorted(mapping.items())]
        return "\n".join([*lines, "}", ""])

    words = {k: v for k, v in result["words"].items() if k not in result["compounds"]}
    head = (
        f'"""Unit surface forms for the extractor: GENERATED from pint {version} and\n'
        "figures/vocab/units_newsroom.txt by scripts/build_units.py. Do not edit by hand:\n"
        "change the script and run `python scripts/build_units.py` (CI: `--check`).\n"
        '"""\n\n'
        f"PINT_VERSION = {version!r}\n\n"
    )
    return head + "\n".join([
        block("SYMBOLS", "Case-sensitive symbols -> (canonical pint unit, dimension).",
              result["symbols"]),
        block("WORDS", "Lower-cased words (singular and plural) -> (canonical, dimension).", words),
        block("FOLDED", "Lower-cased symbols that stay unambiguous without case.", result["folded"]),
        block("COMPOUNDS", "One-form compounds -> (numerator, denominator, dimension).",
              result["compounds"]),
        block("COMPOUND_DIMENSION", "(numerator dim, denominator dim) -> compound dimension.",
              {f"{a}/{b}": v for (a, b), v in COMPOUND_DIMENSION.items()}),
        block("DISPLAY", "Canonical pint unit -> display name kept in Figure.unit.",
              display_names(result)),
        block("AMBIGUOUS", "Forms with another reading (counted noun, currency, scale word).",
              AMBIGUOUS),
        "# Single letters read as units only when attached to the number ('30C') or followed by\n"
        "# punctuation or the end ('at 30 C.'), never before a word or hyphen ('3 C-class').\n"
        f"ATTACHED_OR_FINAL = {ATTACHED_OR_FINAL!r}\n",
        block("EXCLUDED", "Forms never read as units, with the reason.",
              {k: v for k, v in EXCLUDED.items() if k not in _KEPT_FOR_RECORD}),
    ])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the table is stale")
    args = parser.parse_args(argv)
    ureg = pint.UnitRegistry()
    ureg.load_definitions(str(NEWSROOM))
    text = render(build(ureg), pint.__version__)
    if args.check:
        if OUT.read_text(encoding="utf-8") != text:
            print(f"{OUT} is stale: run python scripts/build_units.py", file=sys.stderr)
            return 1
        return 0
    OUT.write_text(text, encoding="utf-8")
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
