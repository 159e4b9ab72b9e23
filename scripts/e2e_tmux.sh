#!/usr/bin/env bash
# End-to-end test of the reader: drives the real binary in tmux and asserts on capture-pane
# output at each step. Usage: scripts/e2e_tmux.sh PATH/TO/lede
#   1. `lede` opens the bundled sample; Tab to the panel; Enter selects the first person;
#      n jumps to a mention (drawn in the theme's `current` colour); f filters; q quits (status 0).
#   2. `lede -` reads the article from stdin, keys from the terminal; q quits (status 0).
#   3. SIGTERM restores the terminal (alternate screen off) and exits with 143.
#   4. Closing the terminal (SIGHUP) ends lede.
#   5. Highlights and notes (issue 5): `v h` on the first sentence, `a`, a two-line note (Alt-Enter),
#      Enter, q; reopen: the highlight is drawn in the theme's `highlight` colour; `lede export
#      FILE --format md` holds the sentence and the note, and so does the export of a copy of the
#      file at another path. Notes go to a temporary LEDE_DATA_DIR.
# Installs tmux with apt-get when it is missing.
set -euo pipefail

BIN="${1:?usage: $0 PATH/TO/lede}"
BIN="$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"

if ! command -v tmux >/dev/null 2>&1; then
  (apt-get install -y tmux >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y tmux >/dev/null; })
fi

RUN=0
SOCK="lede-e2e-$$-0"
TMP="$(mktemp -d)"
: > "$TMP/config.toml"   # an empty config: all defaults, independent of the user's
cleanup() { tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true; rm -rf "$TMP"; }
trap cleanup EXIT

fail() {
  echo "e2e FAIL: $*" >&2
  echo "---- screen ----" >&2
  tmux -L "$SOCK" capture-pane -p -t e2e >&2 2>/dev/null || true
  exit 1
}
screen() { tmux -L "$SOCK" capture-pane -p -t e2e; }
screen_esc() { tmux -L "$SOCK" capture-pane -e -p -t e2e; }
status_line() { screen | sed -n '30p'; }
keys() { tmux -L "$SOCK" send-keys -t e2e "$@"; sleep 0.3; }

# wait_for REGEX [what]: poll the screen for up to 10 s.
wait_for() {
  for _ in $(seq 1 100); do
    if screen | grep -qE -- "$1"; then return 0; fi
    sleep 0.1
  done
  fail "timed out waiting for /$1/ ${2:-}"
}

# wait_file FILE: wait for lede's exit status file.
wait_file() {
  for _ in $(seq 1 100); do
    [ -s "$1" ] && return 0
    sleep 0.1
  done
  fail "lede did not exit"
}

start() {  # start CMD: run CMD in a fresh 100x30 session (in $START_DIR, default the checkout); its
           # exit status goes to $TMP/status
  rm -f "$TMP/status"
  tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
  RUN=$((RUN + 1))
  SOCK="lede-e2e-$$-$RUN"   # a fresh server each time: no race with the old one shutting down
  tmux -L "$SOCK" -f /dev/null new-session -d -s e2e -x 100 -y 30 \
    "cd '${START_DIR:-$ROOT}' && env -u NO_COLOR TERM=xterm-256color LEDE_CONFIG='$TMP/config.toml' LEDE_DATA_DIR='$TMP/data' $1; echo \$? > '$TMP/status'; sleep 30"
  tmux -L "$SOCK" set-option -t e2e remain-on-exit on >/dev/null
}

echo "e2e: 1. the sample: open, Tab, Enter, n, f, q"
start "'$BIN'"
wait_for "Baltic Ministers Meet in Tallinn" "(sample title)"
wait_for "Actors" "(actor panel)"
status_line | grep -q "0%" || fail "status line has no position"
status_line | grep -q "? help" || fail "status line has no key hints"

keys Tab
wait_for "Actors ◂" "(panel focused)"
wait_for "People \([0-9]+\)" "(the tagger found people in the sample)"

keys Enter
wait_for "selected: " "(an actor selected)"
NAME="$(status_line | sed -n 's/.*selected: \(.*\)$/\1/p' | sed 's/  .*//; s/ *│.*//')"
[ -n "$NAME" ] || fail "no selected name in the status line"
screen | grep -q "● $NAME" || fail "panel does not mark $NAME as selected"
echo "e2e:    selected $NAME"

BEFORE_N="$(screen_esc)"
keys n
# The current mention is drawn with the dark theme's `current` background (#d75f00).
for _ in $(seq 1 50); do
  screen_esc | grep -q $'\e\\[48;2;215;95;0m' && break
  sleep 0.1
done
screen_esc | grep -q $'\e\\[48;2;215;95;0m' || fail "n did not mark a mention"
SURNAME="${NAME##* }"
screen | grep -q "$SURNAME" || fail "the mention of $SURNAME is not on screen after n"
[ "$BEFORE_N" != "$(screen_esc)" ] || fail "n changed nothing"

BEFORE_F="$(screen)"
keys f
wait_for "filter: all of $NAME" "(filter on)"
AFTER_F="$(screen)"
[ "$BEFORE_F" != "$AFTER_F" ] || fail "f did not change the article"
# Every paragraph left mentions the selected person: some line of the unfiltered screen is gone.
LOST=0
while IFS= read -r line; do
  text="$(printf '%s' "${line%%│*}" | sed 's/^[ ▍]*//; s/ *$//')"
  [ ${#text} -gt 20 ] || continue
  grep -qF -- "$text" <<<"$AFTER_F" || LOST=$((LOST + 1))
done <<<"$BEFORE_F"
[ "$LOST" -gt 0 ] || fail "the filter hid no paragraph"

keys q
wait_file "$TMP/status"
[ "$(cat "$TMP/status")" = 0 ] || fail "exit status $(cat "$TMP/status"), expected 0"
[ "$(tmux -L "$SOCK" display -p -t e2e '#{alternate_on}')" = 0 ] || fail "alternate screen left on"

echo "e2e: 2. lede - (stdin)"
start "cat examples/sample.txt | '$BIN' -"
wait_for "Baltic Ministers Meet in Tallinn" "(title from stdin)"
keys j
keys q
wait_file "$TMP/status"
[ "$(cat "$TMP/status")" = 0 ] || fail "stdin: exit status $(cat "$TMP/status")"

echo "e2e: 3. SIGTERM restores the terminal"
start "'$BIN'"
wait_for "Baltic Ministers" "(started)"
PID="$(pgrep -n -f "^$BIN\$" || true)"
[ -n "$PID" ] || fail "no lede process"
kill -TERM "$PID"
wait_file "$TMP/status"
[ "$(cat "$TMP/status")" = 143 ] || fail "SIGTERM: exit status $(cat "$TMP/status"), expected 143"
[ "$(tmux -L "$SOCK" display -p -t e2e '#{alternate_on}')" = 0 ] || fail "SIGTERM left the alternate screen on"

echo "e2e: 4. closing the terminal ends lede"
start "'$BIN'"
wait_for "Baltic Ministers" "(started)"
PID="$(pgrep -n -f "^$BIN\$" || true)"
[ -n "$PID" ] || fail "no lede process"
tmux -L "$SOCK" kill-server
for _ in $(seq 1 50); do
  kill -0 "$PID" 2>/dev/null || break
  sleep 0.1
done
if kill -0 "$PID" 2>/dev/null; then
  kill -KILL "$PID"
  echo "e2e FAIL: lede kept running after its terminal closed" >&2
  exit 1
fi

echo "e2e: 5. highlight, note, reopen, export"
mkdir -p "$TMP/a" "$TMP/b" "$TMP/data"
cp examples/sample.txt "$TMP/a/sample.txt" 2>/dev/null || cp "$ROOT/examples/sample.txt" "$TMP/a/sample.txt"
# The first sentence of the first paragraph (the cursor starts there).
SENTENCE="$("$BIN" parse "$TMP/a/sample.txt" --json | python3 -c '
import json, sys
p = json.load(sys.stdin)["sections"][0]["paragraphs"][0]
print(p[: p.index(". ") + 1])')"
[ -n "$SENTENCE" ] || fail "no first sentence"
start "'$BIN' '$TMP/a/sample.txt'"
wait_for "Baltic Ministers Meet in Tallinn" "(started)"
keys v
wait_for "SELECT 1 sentence" "(selection started)"
keys h
wait_for "highlighted" "(highlight saved)"
keys a
wait_for "Note — Enter saves" "(note editor)"
keys -l "Grain first, ünïcode ok"
keys M-Enter
keys -l "second line of the note"
wait_for "second line of the note" "(note text typed)"
keys Enter
wait_for "note saved" "(note saved)"
keys q
wait_file "$TMP/status"
[ "$(cat "$TMP/status")" = 0 ] || fail "notes: exit status $(cat "$TMP/status")"
ls "$TMP/data/notes/"*.json >/dev/null 2>&1 || fail "no notes file in LEDE_DATA_DIR"

# Reopened from the article's directory, so that `e` exports there.
START_DIR="$TMP/a" start "'$BIN' sample.txt"
wait_for "Baltic Ministers Meet in Tallinn" "(reopened)"
# The dark theme's `highlight` background (#3a3a5f) marks the saved highlight.
for _ in $(seq 1 50); do
  screen_esc | grep -q $'\e\\[48;2;58;58;95m' && break
  sleep 0.1
done
screen_esc | grep -q $'\e\\[48;2;58;58;95m' || fail "the highlight is not drawn after reopening"
keys m
wait_for "Highlights \(1\)" "(highlight list)"
status_line | grep -qF "note: Grain first, ünïcode ok second line" || fail "the status line lacks the note under the cursor"
screen | head -n 29 | grep -qF "Grain first, ünïcode ok" || fail "the list does not show the note"
keys Escape
keys e
wait_for "Export highlights as" "(export prompt)"
keys m
wait_for "exported 1 highlight to" "(export written)"
MD="$(ls "$TMP/a/"*.md 2>/dev/null | head -1)"
[ -n "$MD" ] || fail "e m wrote no Markdown file in the current directory"
grep -qF -- "Grain first, ünïcode ok" "$MD" || fail "the reader's export lacks the note"
keys q
wait_file "$TMP/status"

export_has() {  # export_has FILE: lede export FILE --format md holds the sentence and the note
  local out
  out="$(LEDE_DATA_DIR="$TMP/data" LEDE_CONFIG="$TMP/config.toml" "$BIN" export "$1" --format md)" \
    || fail "lede export $1 failed"
  grep -qF -- "$SENTENCE" <<<"$out" || { echo "$out" >&2; fail "export of $1 lacks the sentence"; }
  grep -qF -- "Grain first, ünïcode ok" <<<"$out" || { echo "$out" >&2; fail "export of $1 lacks the note"; }
  grep -qF -- "second line of the note" <<<"$out" || { echo "$out" >&2; fail "export of $1 lacks the note's second line"; }
}
export_has "$TMP/a/sample.txt"
cp "$TMP/a/sample.txt" "$TMP/b/copied elsewhere.txt"
export_has "$TMP/b/copied elsewhere.txt"

echo "e2e: all passed"
