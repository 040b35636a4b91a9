#!/usr/bin/env bash
# CPU time per warm invocation (thread CPU clock), robust to a loaded machine where JMH's wall time is not.
#   lambda-adapter/bench/invocation-cpu.sh [crs|bundled|inline] [warm-up invocations] [rounds]
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cp="$("$here/classpath.sh")"
# shellcheck source=../../.ci/java-home
source "$root/.ci/java-home"
shared="${PARAPET_SHARED_DIR:-$root/../shared}"
exec "$JAVA_HOME/bin/java" -Dparapet.shared.dir="$shared" -cp "$cp" \
  dev.parapet.lambda.benchmarks.InvocationCpuProbe "${1:-crs}" "${2:-20000}" "${3:-7}"
