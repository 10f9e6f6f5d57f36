#!/usr/bin/env bash
# Renders every report*.html of a release package folder in headless Chromium and checks that
# the page ran its script and that the number of fact spans in the rendered DOM equals the
# number of rows of data/facts.csv (and that every marked text equals its quote).
#
#   scripts/check_html.sh PKG_DIR [SCREENSHOT_DIR]
#
# Installs nothing: needs /usr/bin/chromium (or $CHROMIUM) and python3. With SCREENSHOT_DIR,
# also saves a screenshot of each page there.
set -euo pipefail
pkg=${1:?usage: check_html.sh PKG_DIR [SCREENSHOT_DIR]}
shots=${2:-}
here=$(cd "$(dirname "$0")" && pwd)
py=${PYTHON:-python3}
pkg=$(cd "$pkg" && pwd)
# shellcheck source=scripts/lib_chromium.sh
. "$here/lib_chromium.sh"
trap 'rm -rf "$profile"' EXIT

shopt -s nullglob
pages=("$pkg"/report*.html)
[ ${#pages[@]} -gt 0 ] || { echo "check_html: no report*.html in $pkg"; exit 1; }

total=0
for page in "${pages[@]}"; do
  dom="$profile/$(basename "$page").dom"
  chromium_dump "$page" "$dom"
  count=$("$py" "$here/check_release_extras.py" dom-count "$dom" data-fact-count) || {
    echo "check_html: $(basename "$page"): the page script did not run (no data-fact-count)"; exit 1; }
  mismatch=$("$py" "$here/check_release_extras.py" dom-count "$dom" data-fact-mismatch)
  issues=$("$py" "$here/check_release_extras.py" dom-count "$dom" data-issue-count)
  echo "$(basename "$page"): $count fact spans, $issues issue spans, $mismatch marked texts differ from their quote"
  [ "$mismatch" = 0 ] || { echo "check_html: marked text differs from the quote"; exit 1; }
  total=$((total + count))
  if [ -n "$shots" ]; then
    mkdir -p "$shots"
    shot="$(cd "$shots" && pwd)/$(basename "$page" .html).png"
    chromium_shot "$page" "$shot"
    echo "screenshot: $shot"
  fi
done

rows=$("$py" "$here/check_release_extras.py" rows "$pkg/data/facts.csv")
if [ "$total" != "$rows" ]; then
  echo "check_html: $total fact spans in the pages, $rows rows in data/facts.csv"
  exit 1
fi
echo "check_html: $total fact spans = $rows facts rows: ok"
