# Sourced by the page trainers (train-blocks.sh, train-copied.sh): a Python with numpy and scikit-learn
# at $VENV (default .venv-blocks/, git-ignored; made when missing), the build profile
# $PROFILE (default release-native) and $BIN, where that profile's examples are built.
VENV=${VENV:-.venv-blocks}
# (A venv made before the block model needed scikit-learn gets it added.)
if ! "$VENV/bin/python" -c "import numpy, sklearn; assert sklearn.__version__ == '1.9.1'" 2>/dev/null; then
  [[ -x "$VENV/bin/python" ]] || python3 -m venv "$VENV"
  # scikit-learn pinned: the boosted trees it fits are only reproducible within one version.
  "$VENV/bin/pip" install --quiet numpy scikit-learn==1.9.1
fi
PROFILE=${PROFILE:-release-native}
BIN=${CARGO_TARGET_DIR:-target}/$([[ "$PROFILE" == dev ]] && echo debug || echo "$PROFILE")/examples
