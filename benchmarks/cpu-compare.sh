#!/usr/bin/env bash
# Compares whole-transaction CPU and allocation of two builds of the benchmarks jar on the same machine in the
# same minutes: runs CpuProbe with each jar in turn, RUNS times, and prints the lowest median per row (on a
# shared machine the minimum is the least disturbed estimate of CPU time).
# Usage: benchmarks/cpu-compare.sh OLD.jar NEW.jar [RULESETS] [SHAPES] [RUNS]
#   e.g. benchmarks/cpu-compare.sh /tmp/old/benchmarks.jar benchmarks/target/benchmarks.jar CRS_PL1 GET_QUERY,POST_JSON 3
set -euo pipefail
[ $# -ge 2 ] || { echo "usage: $0 OLD.jar NEW.jar [RULESETS] [SHAPES] [RUNS]" >&2; exit 2; }
OLD=$1; NEW=$2; RULESETS=${3:-CRS_PL1}; SHAPES=${4:-GET_QUERY,POST_FORM,POST_JSON}; RUNS=${5:-3}
# shellcheck source=../.ci/java-home
source "$(cd "$(dirname "$0")/.." && pwd)/.ci/java-home"
for _ in $(seq "$RUNS"); do
  for v in old new; do
    jar=$OLD; [ "$v" = new ] && jar=$NEW
    "$JAVA_HOME/bin/java" -Xms1g -Xmx1g -cp "$jar" dev.parapet.benchmarks.CpuProbe 2000 7 "$RULESETS" "$SHAPES" 2>/dev/null \
      | tail -n +2 | sed "s/^/$v /"
  done
done | awk '{k=$2" "$3" "$1; if (!(k in m) || $4 < m[k]) m[k]=$4; a[k]=$6}
  END {for (k in m) printf "%-40s cpu %9.1f us  alloc %9.1f KB\n", k, m[k], a[k]}' | sort
