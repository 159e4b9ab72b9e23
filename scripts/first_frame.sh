#!/usr/bin/env bash
# Time from process start to the reader's first frame, for the bundled sample and for a
# generated 10 MB plain-text article. Runs lede in a tmux pane (a real terminal) with
# LEDE_EXIT_AFTER_FIRST_FRAME=1, which makes lede exit once it has drawn its first frame (the
# article, before its actors are found) and its first complete frame (actors tagged, notes open),
# printing "first frame after X ms; actors and notes after Y ms" (measured from the start of
# main). The wall time of the whole process (exec to exit, including terminal setup and restore)
# is measured around it too.
# Usage: scripts/first_frame.sh PATH/TO/lede [RUNS [ARTICLE...]]  (each ARTICLE is measured too)
set -euo pipefail
BIN="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
RUNS="${2:-5}"
TMP="$(mktemp -d)"
SOCK="lede-ff-$$"
trap 'tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true; rm -rf "$TMP"' EXIT
: > "$TMP/config.toml"

python3 - "$TMP/big.txt" <<'PY'
import random, sys
random.seed(7)
words = ("the talks resumed on Monday after a long pause over quotas and harbour fees officials "
         "said that negotiators were close to an agreement but several questions remained open").split()
names = ["Anna Berg", "Tomas Lind", "Norway", "Chile", "Prime Minister Jonas Dahl"]
out = ["Harbour Talks: A Very Long Generated Article", ""]
size = 0
p = 0
while size < 10_000_000:
    if p % 20 == 0:
        out += [f"Section {p // 20 + 1}", ""]
    sents = []
    for s in range(5):
        w = [random.choice(words) for _ in range(16)]
        w[0] = names[(p + s) % len(names)]
        sents.append(" ".join(w) + ".")
    para = " ".join(sents)
    out += [para, ""]
    size += len(para) + 2
    p += 1
open(sys.argv[1], "w").write("\n".join(out))
PY

measure() {  # measure LABEL ARGS...
  local label="$1"; shift
  local ms=() full=() walls=()
  for _ in $(seq 1 "$RUNS"); do
    rm -f "$TMP/done"
    tmux -L "$SOCK" -f /dev/null new-session -d -s ff -x 120 -y 40 \
      "s=\$(date +%s%N); env LEDE_CONFIG='$TMP/config.toml' LEDE_EXIT_AFTER_FIRST_FRAME=1 '$BIN' $* 2> '$TMP/err'; e=\$(date +%s%N); echo \$(( (e - s) / 1000000 )) > '$TMP/wall'; touch '$TMP/done'"
    for _ in $(seq 1 600); do [ -e "$TMP/done" ] && break; sleep 0.1; done
    tmux -L "$SOCK" kill-server >/dev/null 2>&1 || true
    ms+=("$(sed -n 's/.*first frame after \([0-9.]*\) ms.*/\1/p' "$TMP/err")")
    full+=("$(sed -n 's/.*actors and notes after \([0-9.]*\) ms.*/\1/p' "$TMP/err")")
    walls+=("$(cat "$TMP/wall")")
  done
  echo "$label: first frame (ms from main): ${ms[*]}"
  echo "    complete frame, actors and notes (ms from main): ${full[*]}"
  echo "    whole process (ms, exec to exit): ${walls[*]}"
}

measure "sample (bundled)"
for f in "${@:3}"; do measure "$(basename "$f")" "$(cd "$(dirname "$f")" && pwd)/$(basename "$f")"; done
measure "10 MB generated" "$TMP/big.txt"
