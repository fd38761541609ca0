#!/usr/bin/env bash
# Instructions per replication of the eight-week base plan, counted by callgrind: repeatable
# whatever else the machine is doing, unlike seconds. One replication and four are counted and
# the difference divided by three, so start-up and compilation mostly cancel out. V8 runs
# single-threaded so that its compiler's work is counted (and ordered) the same way every time.
#
#   npm run build && bash bench/instructions.sh [other-build/dist ...]
set -euo pipefail
cd "$(dirname "$0")/.."
command -v valgrind >/dev/null || { echo "bench/instructions.sh: valgrind is needed (apt-get install -y valgrind)" >&2; exit 2; }
count() {
  valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded dist/bench/replications-of.js "$1" "$2" 2>&1 |
    awk '/Collected/ { print $4 }'
}
for dist in dist "$@"; do
  one=$(count "$dist" 1)
  four=$(count "$dist" 4)
  echo "$dist: $(( (four - one) / 3 / 1000000 ))M instructions per replication"
done
