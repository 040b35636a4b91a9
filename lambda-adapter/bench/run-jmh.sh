#!/usr/bin/env bash
# Per-invocation overhead of the Lambda adapter with JMH.
#   lambda-adapter/bench/run-jmh.sh [JMH options...]      e.g. -p rules=crs
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
cp="$("$here/classpath.sh")"
# shellcheck source=../../.ci/java-home
source "$root/.ci/java-home"
shared="${PARAPET_SHARED_DIR:-$root/../shared}"
exec "$JAVA_HOME/bin/java" -Dparapet.shared.dir="$shared" -cp "$cp" org.openjdk.jmh.Main \
  -jvmArgsAppend "-Dparapet.shared.dir=$shared" ApiGatewayInvocationBenchmark "$@"
