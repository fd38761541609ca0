#!/usr/bin/env bash
# Instructions per run of the M/M/10 queue (bench/simjs.ts) with labelsim through its annotation
# model and with SIM.JS 2.0.3, counted by callgrind: a ratio that does not depend on what else the
# machine is doing, unlike seconds. Each is counted for one run and for three, and the difference
# halved, so start-up and compilation mostly cancel out (as bench/instructions.sh does).
#
#   npm run build && bash bench/peer-instructions.sh [customers]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench/peer-instructions.sh: valgrind is needed (apt-get install -y valgrind)" >&2; exit 2; }
customers=${1:-200000}
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded dist/bench/peer-run.js "$1" "$customers" "$2" 2>&1 |
    awk '/Collected/ { print $4 }'
}
declare -A per
for which in labelsim simjs; do
  one=$(count "$which" 1)
  three=$(count "$which" 3)
  per[$which]=$(( (three - one) / 2 ))
  echo "$which: $(( per[$which] / 1000000 ))M instructions per run of $customers customers"
done
awk -v a="${per[simjs]}" -v b="${per[labelsim]}" 'BEGIN { printf "SIM.JS / labelsim instructions: %.2fx\n", a / b }'
