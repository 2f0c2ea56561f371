#!/usr/bin/env bash
# The Python package and the PySpark example: builds the abi3 wheel (maturin), installs
# it into .venv-py/ (git-ignored; pytest, maturin, pandas, pyarrow and pyspark from PyPI,
# Java from Debian when missing, each only when not already there), and runs
# python/tests against the release-native command line. Run by scripts/test.sh; on its
# own: bash scripts/test-python.sh. Prints the time it took.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
started=$(date +%s)
TARGET="${CARGO_TARGET_DIR:-$ROOT/target}"
VENV="$ROOT/.venv-py"
PY="$VENV/bin/python"

[ -x "$PY" ] || python3 -m venv "$VENV"
if ! "$PY" -c 'import maturin, pytest, pandas, pyarrow, pyspark' 2>/dev/null; then
  step "installing maturin, pytest, pandas, pyarrow and pyspark into .venv-py/"
  "$PY" -m pip install --quiet maturin pytest 'pandas<3' pyarrow pyspark
fi
if ! command -v java >/dev/null; then
  step "installing Java (for Spark)"
  apt_install openjdk-17-jre-headless
fi

step "building the Python wheel (maturin, abi3) and the release-native command line"
cargo build --quiet --profile release-native --bin quotelens --example throughput
rm -f "$TARGET"/wheels/quotelens-*.whl
(cd python && CARGO_TARGET_DIR="$TARGET/python" "$VENV/bin/maturin" build --release --quiet \
  --out "$TARGET/wheels")
"$PY" -m pip install --quiet --force-reinstall --no-deps "$TARGET"/wheels/quotelens-*-abi3-*.whl

step "Python and PySpark tests"
export QUOTELENS_BIN="$TARGET/release-native/quotelens"
export QUOTELENS_THROUGHPUT="$TARGET/release-native/examples/throughput"
"$PY" -m pytest -q -s -p no:cacheprovider python/tests
echo "Python and Spark checks took $(( $(date +%s) - started )) s"
