#!/usr/bin/env bash
# bench/knock-out.ts counted in instructions by callgrind instead of timed: the M/M/10 peer run
# intact and with each part of the annotation model cut down, and SIM.JS on the same customers.
# Each is counted with one timed run and with three after the warm-up, and the difference
# halved, so start-up and compilation mostly cancel out (as bench/peer-instructions.sh does).
# The ratio SIM.JS / cut-down says how far from SIM.JS labelsim would be without that part.
#
#   npm run build && bash bench/knock-out-instructions.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench/knock-out-instructions.sh: valgrind is needed (apt-get install -y valgrind)" >&2; exit 2; }
customers=${1:-200000}
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded "$@" 2>&1 | awk '/Collected/ { print $4 }'
}
per_run() {
  local one three
  one=$(count "$@" 1)
  three=$(count "$@" 3)
  echo $(( (three - one) / 2 ))
}
simjs=$(per_run dist/bench/peer-run.js simjs "$customers")
echo "SIM.JS: $(( simjs / 1000000 ))M instructions per run of $customers customers"
for cut in intact "task accounting" "item flow" "item creation" "all three"; do
  n=$(per_run dist/bench/knock-out.js --child "$cut" "$customers")
  awk -v c="$cut" -v n="$n" -v s="$simjs" 'BEGIN { printf "labelsim, %-16s %5dM instructions; SIM.JS / labelsim %.2fx\n", c ":", n / 1e6, s / n }'
done
