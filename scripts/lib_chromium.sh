# Sourced by the browser checks: headless Chromium with a throw-away profile.
#   chromium_dump FILE OUT   writes the DOM of file FILE, as rendered (scripts run), to OUT
#   chromium_shot FILE PNG   saves a 1400x1000 screenshot of FILE
# Needs /usr/bin/chromium (or $CHROMIUM); the caller removes "$profile" (set here) when done.
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "$(basename "$0"): $chromium not found (apt-get install -y chromium)"; exit 1; }
profile=$(mktemp -d)
chromium_flags=(--headless --no-sandbox --disable-gpu --disable-background-networking
  --disable-component-update --disable-sync --no-first-run --disable-dev-shm-usage
  --user-data-dir="$profile")
chromium_dump() {
  timeout 180 "$chromium" "${chromium_flags[@]}" --dump-dom "file://$1" >"$2" 2>"$profile/stderr" || {
    cat "$profile/stderr"; echo "$(basename "$0"): chromium failed on $1"; exit 1; }
}
chromium_shot() {
  timeout 180 "$chromium" "${chromium_flags[@]}" --hide-scrollbars --window-size=1400,1000 \
    --screenshot="$2" "file://$1" >/dev/null 2>&1 || { echo "$(basename "$0"): screenshot of $1 failed"; exit 1; }
}
