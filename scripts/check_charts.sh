#!/usr/bin/env bash
# Renders the index.html of a collection's release folder in headless Chromium and checks every
# chart on it against the folder's data/target_outcomes.csv (scripts/check_charts.py): each
# target and outcome row is a circle where the chart's axes put it, and nothing else is drawn.
#
#   scripts/check_charts.sh RELEASE_DIR [SCREENSHOT.png] [--require INDICATOR ...]
#
# Installs nothing: needs /usr/bin/chromium (or $CHROMIUM) and python3.
set -euo pipefail
dir=${1:?usage: check_charts.sh RELEASE_DIR [SCREENSHOT.png] [--require INDICATOR ...]}
shift
shot=""
if [ $# -gt 0 ] && [ "$1" != "--require" ]; then shot=$1; shift; fi
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
dir=$(cd "$dir" && pwd)
# shellcheck source=scripts/lib_chromium.sh
. "$here/lib_chromium.sh"
trap 'rm -rf "$profile"' EXIT
chromium_dump "$dir/index.html" "$profile/index.dom"
"$py" "$here/check_charts.py" "$profile/index.dom" "$dir/data/target_outcomes.csv" "$@"
if [ -n "$shot" ]; then chromium_shot "$dir/index.html" "$shot"; echo "screenshot: $shot"; fi
