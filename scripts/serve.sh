#!/usr/bin/env bash
# Set up whatever is missing, build in release and serve QuoteLens on http://127.0.0.1:8080
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
setup_build
cd "$ROOT"
step "serving on http://127.0.0.1:8080 (Ctrl+C stops)"
exec trunk serve --release
