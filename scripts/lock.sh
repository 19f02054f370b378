#!/usr/bin/env bash
# Regenerate requirements/lock.txt: every package figures and its test extra resolve to today,
# pinned with the hashes PyPI publishes (pip-compile from pip-tools, in a throwaway venv).
#
#   scripts/lock.sh
#   pip install --require-hashes -r requirements/lock.txt && pip install --no-deps -e .
#
# The machine's pip configuration is ignored on purpose: local wheel folders or extra indexes
# would put hashes into the lock that PyPI does not serve. scripts/audit.sh audits this file.
set -euo pipefail

REPO=$(cd "$(dirname "$0")/.." && pwd)
WORK=$(mktemp -d -t figures-lock.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
PY=${PYTHON:-python3}

"$PY" -m venv "$WORK/tool"
PIP_CONFIG_FILE=/dev/null "$WORK/tool/bin/pip" install -q --disable-pip-version-check pip-tools
cd "$REPO"
PIP_CONFIG_FILE=/dev/null PIP_FIND_LINKS='' PIP_CONSTRAINT='' "$WORK/tool/bin/pip-compile" \
    --quiet --strip-extras --generate-hashes --allow-unsafe --no-emit-index-url \
    --no-emit-find-links --extra test -o requirements/lock.txt pyproject.toml
echo "lock: $(grep -c '==' requirements/lock.txt) packages pinned in requirements/lock.txt" >&2
