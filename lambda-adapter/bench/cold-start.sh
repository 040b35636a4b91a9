#!/usr/bin/env bash
# Cold-start cost of the Lambda adapter: builds a Firewall in a fresh JVM per run and reports medians.
#   lambda-adapter/bench/cold-start.sh [runs] [extra JVM options...]
# Example with flags close to the Lambda Java runtime's:
#   lambda-adapter/bench/cold-start.sh 7 -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ActiveProcessorCount=1
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
runs="${1:-7}"
shift || true
cp="$("$here/classpath.sh")"
# shellcheck source=../../.ci/java-home
source "$root/.ci/java-home"
shared="${PARAPET_SHARED_DIR:-$root/../shared}"
results="$root/lambda-adapter/target/cold-start.jsonl"
: > "$results"
echo "JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); options: ${*:-(defaults)}; runs: $runs" >&2
for i in $(seq 1 "$runs"); do
  for rules in none inline bundled bundled+prime crs crs+prime; do
    "$JAVA_HOME/bin/java" -Xss4m "$@" -Dparapet.shared.dir="$shared" -cp "$cp" \
      dev.parapet.lambda.benchmarks.ColdStartProbe "$rules" | tee -a "$results" >&2
  done
done
python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
keys = ["jvm_uptime_at_main_ms", "build_ms", "build_cpu_ms", "retained_heap_mb", "first_invocation_ms",
        "first_invocation_cpu_ms", "second_invocation_ms", "invocation_100_ms", "process_cpu_ms"]
print("| rules | rules loaded | " + " | ".join(k for k in keys) + " |")
print("|---|---|" + "---|" * len(keys))
for rules in ["none", "inline", "bundled", "bundled+prime", "crs", "crs+prime"]:
    rs = [r for r in rows if r["rules"] == rules]
    if not rs:
        continue
    med = [statistics.median(r[k] for r in rs) for k in keys]
    print(f"| {rules} | {rs[0]['rule_count']} | " + " | ".join(f"{m:.2f}" for m in med) + " |")
PY
