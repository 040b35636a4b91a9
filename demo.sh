#!/usr/bin/env bash
# Builds and starts the Parapet demo: ./demo.sh [options]   (./demo.sh --help lists them)
set -euo pipefail
cd "$(dirname "$0")"
# shellcheck source=.ci/java-home
source .ci/java-home
jar=demo/target/parapet-demo.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml core servlet-filter demo -newer "$jar" \( -name '*.java' -o -name '*.conf' -o -name 'pom.xml' -o -name '*.properties' \) -print -quit 2>/dev/null)" ]; then
  echo "Building the demo (the first run takes a minute or two)..." >&2
  log=$(mktemp)
  if ! ./mvnw -B -q -ntp -pl demo -am package -DskipTests >"$log" 2>&1; then
    cat "$log" >&2
    rm -f "$log"
    echo "error: the demo did not build (see above)" >&2
    exit 1
  fi
  rm -f "$log"
fi
exec "$JAVA_HOME/bin/java" -jar "$jar" "$@"
