#!/usr/bin/env bash
# Records the expected output of every conformance script with PUC Lua 5.4:
# x.expected is the exact stdout of `lua5.4 x.lua`, run from this directory with TZ=UTC
# (so chunk names in messages read "x.lua:LINE:" and local time is UTC).
# Usage: ./record.sh [x.lua ...]    (default: every *.lua here; wippy/ is hand-written, not PUC-runnable)
set -euo pipefail
cd "$(dirname "$0")"
command -v lua5.4 >/dev/null || { echo "record.sh: lua5.4 not found (apt-get install -y lua5.4)" >&2; exit 1; }
scripts=("$@")
[ ${#scripts[@]} -eq 0 ] && scripts=(*.lua)
status=0
for script in "${scripts[@]}"; do
  expected="${script%.lua}.expected"
  if ! TZ=UTC lua5.4 "$script" > "$expected.tmp" 2> "$script.stderr"; then
    echo "record.sh: $script failed:" >&2
    cat "$script.stderr" >&2
    status=1
  elif [ -s "$script.stderr" ]; then
    echo "record.sh: $script wrote to stderr:" >&2
    cat "$script.stderr" >&2
    status=1
  else
    # run twice: the output must be deterministic
    TZ=UTC lua5.4 "$script" 2>/dev/null | cmp -s - "$expected.tmp" || { echo "record.sh: $script output is not deterministic" >&2; status=1; }
    mv "$expected.tmp" "$expected"
  fi
  rm -f "$script.stderr" "$expected.tmp"
done
exit $status
