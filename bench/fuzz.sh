#!/usr/bin/env bash
# Full-size fuzzing: the Hypothesis fuzz tests with >= 100,000 generated inputs in total.
#
#   bench/fuzz.sh                 # 120,000 examples shared over the fuzz tests (~15 min, 2 cores)
#   FIGURES_FUZZ_EXAMPLES=500000 bench/fuzz.sh
#
# The regression cases run too. The tally of generated inputs is printed at the end
# ("fuzz: N generated inputs ..."). The default pytest run uses 2,500 examples instead.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
export FIGURES_FUZZ_EXAMPLES=${FIGURES_FUZZ_EXAMPLES:-120000}
exec "$PY" -m pytest tests/test_fuzz.py -q -p no:cacheprovider "$@"
