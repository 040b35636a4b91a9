#!/usr/bin/env bash
# Compiles the lambda adapter with its tests and benchmarks, and prints the classpath to run them with.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
# shellcheck source=../../.ci/java-home
source .ci/java-home
out="$root/lambda-adapter/target/bench.classpath"
./mvnw -B -ntp -q -pl lambda-adapter -am test-compile dependency:build-classpath \
  -Dmdep.includeScope=test -Dmdep.outputFile="$out" >&2
echo "$root/lambda-adapter/target/test-classes:$root/lambda-adapter/target/classes:$(cat "$out")"
