#!/usr/bin/env bash
# Audit the locked dependencies (requirements/lock.txt, written by scripts/lock.sh) for known
# vulnerabilities with pip-audit.
#
#   scripts/audit.sh
#   AUDIT_SERVICE=osv scripts/audit.sh   # ask OSV instead of PyPI's JSON API
#   AUDIT_LOCK=other.txt scripts/audit.sh
#
# pip-audit reads the hashed lock directly (--disable-pip: nothing is installed) and asks a
# vulnerability service about each pinned release: PyPI's JSON API per release
# (/pypi/NAME/VERSION/json) for -s pypi, or api.osv.dev for -s osv. Where neither answers (a
# registry mirror that serves only /pypi/NAME/json, no DNS for osv.dev), every package is
# "could not be audited"; the script then falls back to /pypi/NAME/json, whose
# "vulnerabilities" list covers the latest release: a package pinned at its latest release is
# audited that way, any other is named as not audited (e.g. the latest numpy needs a newer
# Python than the lock's). Exit status: 0 clean, 1 vulnerabilities found, 3 could not audit
# everything.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=${AUDIT_DIR:-$(mktemp -d -t figures-audit.XXXXXX)}
LOCK=${AUDIT_LOCK:-$REPO/requirements/lock.txt}
SERVICE=${AUDIT_SERVICE:-pypi}
PY=${PYTHON:-python3}

echo "audit: work directory $WORK" >&2
"$PY" -m venv "$WORK/tool"
"$WORK/tool/bin/pip" install -q --disable-pip-version-check pip-audit
grep -E '^[A-Za-z0-9_.-]+==' "$LOCK" | sed 's/ .*//' > "$WORK/freeze.txt"
echo "audit: $(wc -l < "$WORK/freeze.txt") packages pinned in $LOCK ($("$WORK/tool/bin/pip-audit" --version))" >&2

rc=0
"$WORK/tool/bin/pip-audit" -s "$SERVICE" -r "$LOCK" --disable-pip --desc on \
    --progress-spinner off -f json -o "$WORK/audit.json" || rc=$?
"$WORK/tool/bin/pip-audit" -s "$SERVICE" -r "$LOCK" --disable-pip --desc on \
    --progress-spinner off > "$WORK/audit.txt" 2>&1 || true

if [ ! -s "$WORK/audit.json" ]; then
    echo "pip-audit could not run against -s $SERVICE (exit $rc):" >&2
    grep -v '^WARNING: Location' "$WORK/audit.txt" | tail -n 1 >&2
    SERVICE_FAILED=1
    echo '{"dependencies": []}' > "$WORK/audit.json"
fi
"$WORK/tool/bin/python" - "$WORK/audit.json" "$WORK/freeze.txt" "$rc" "${SERVICE_FAILED:-0}" <<'PYEOF'
"""Summarize pip-audit's JSON; fall back to PyPI's project JSON for what it could not audit."""
import json
import sys
import urllib.request

report_path, freeze_path, rc = sys.argv[1], sys.argv[2], int(sys.argv[3])
service_failed = sys.argv[4] == "1"
BOOTSTRAP = {"pip", "setuptools", "wheel"}  # the venv's own tools, not dependencies of figures
with open(report_path, encoding="utf-8") as f:
    report = json.load(f)


def canon(name: str) -> str:
    return name.lower().replace("_", "-").replace(".", "-")


installed = {}
with open(freeze_path, encoding="utf-8") as f:
    for line in f:
        if "==" in line:
            n, v = line.strip().split("==", 1)
            installed[canon(n)] = v
if service_failed:  # audit everything through the fallback
    report = {"dependencies": [{"name": n, "version": v, "skip_reason": "pip-audit service failed"}
                               for n, v in sorted(installed.items())]}

deps = [d for d in report.get("dependencies", []) if canon(d["name"]) not in BOOTSTRAP]
vulnerable = [d for d in deps if d.get("vulns")]
skipped = [d for d in deps if d.get("skip_reason")]
audited = [d for d in deps if not d.get("skip_reason")]
print(f"pip-audit: {len(deps)} packages, {len(audited)} audited, {len(skipped)} not audited, "
      f"{len(vulnerable)} with known vulnerabilities")
for d in vulnerable:
    for v in d["vulns"]:
        fixes = ", ".join(v.get("fix_versions") or []) or "no fix yet"
        print(f"  VULNERABLE {d['name']} {d['version']}: {v['id']} (fixed in {fixes})")
if skipped:
    reasons = sorted({d["skip_reason"].split(":")[0] for d in skipped})
    print(f"  not audited by pip-audit: {'; '.join(reasons)}")

fallback_vulns = unaudited = 0
if skipped:
    print("fallback: PyPI project JSON (vulnerabilities of each project's latest release)")
    for d in skipped:
        name = d["name"]
        version = d.get("version") or installed.get(canon(name), "?")
        try:
            with urllib.request.urlopen(f"https://pypi.org/pypi/{name}/json", timeout=20) as r:
                data = json.load(r)
        except Exception as exc:  # noqa: BLE001 - report and go on
            print(f"  {name} {version}: not audited ({type(exc).__name__}: {exc})")
            unaudited += 1
            continue
        latest = data["info"]["version"]
        vulns = data.get("vulnerabilities") or []
        if version != latest:
            print(f"  {name} {version}: not audited (latest is {latest}; only the latest "
                  f"release's advisories are served here; {len(vulns)} affect {latest})")
            unaudited += 1
            continue
        for v in vulns:
            fallback_vulns += 1
            print(f"  VULNERABLE {name} {version}: {v.get('id')} {', '.join(v.get('aliases') or [])}")
    ok = len(skipped) - unaudited
    print(f"fallback: {ok} of {len(skipped)} audited at their latest release, "
          f"{fallback_vulns} vulnerabilities, {unaudited} not audited")

if vulnerable or fallback_vulns:
    sys.exit(1)
if unaudited:
    sys.exit(3)
sys.exit(0 if rc in (0,) else rc)
PYEOF
