#!/usr/bin/env bash
# End-to-end WAF comparison on loopback, same machine, same run, same CRS:
#   modsec   nginx + ModSecurity v3 (Debian's libnginx-mod-http-modsecurity) + CRS, proxying to an nginx backend
#   nginx    the same nginx proxy and backend without ModSecurity
#   parapet  embedded Jetty 12 + Parapet + CRS around a trivial handler (dev.parapet.benchmarks.e2e.E2eServer)
#   jetty    the same Jetty server without any WAF
# Both WAFs get benchmarks/src/main/resources/dev/parapet/benchmarks/waf-base.conf (ModSecurity's recommended
# settings, blocking mode), crs-setup.conf.example, blocking paranoia level 1 and every rules/*.conf.
# wrk drives each server in turn with shared/bench-shapes/{get-query,post-form,post-json}.lua, several rounds.
# Servers run on CPU 0 and wrk on CPU 1; CPU per request is the servers' own CPU time (utime + stime from
# /proc, all processes and threads of the server) divided by the requests wrk completed.
#
# Usage (as root on Debian; installs nginx, libnginx-mod-http-modsecurity and wrk when missing):
#   benchmarks/e2e/run.sh [CRS_DIR]                      (default ../shared/crs-4.28.0 beside the repository)
# Environment: ROUNDS=3 WARMUP=3 DURATION=10 (seconds per run) CONNECTIONS=8 PORT_BASE=18080
#              JAVA_WARMUP=30 (seconds per shape of first priming for the Java servers: their JIT compiler threads
#              share CPU 0, and the compilation a long-running server has long finished would otherwise be
#              charged to the measured requests)
#              SHAPES="get-query post-form post-json" SHAPES_DIR=../shared/bench-shapes JAVA_OPTS="-Xms1g -Xmx1g"
# Everything it starts is stopped by PID on exit; only 127.0.0.1 is used.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
CRS_DIR=${1:-${CRS_DIR:-$ROOT/../shared/crs-4.28.0}}
SHAPES_DIR=${SHAPES_DIR:-$ROOT/../shared/bench-shapes}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-3}
JAVA_WARMUP=${JAVA_WARMUP:-30}
DURATION=${DURATION:-10}
CONNECTIONS=${CONNECTIONS:-8}
PORT_BASE=${PORT_BASE:-18080}
SHAPES=${SHAPES:-get-query post-form post-json}
JAVA_OPTS=${JAVA_OPTS:--Xms1g -Xmx1g}
BASE_CONF=$ROOT/benchmarks/src/main/resources/dev/parapet/benchmarks/waf-base.conf
MODSEC_MODULE=/usr/lib/nginx/modules/ngx_http_modsecurity_module.so

die() { echo "run.sh: $*" >&2; exit 1; }

[ -f "$CRS_DIR/crs-setup.conf.example" ] && [ -d "$CRS_DIR/rules" ] || die "no CRS at $CRS_DIR (pass its directory)"
CRS_DIR=$(cd "$CRS_DIR" && pwd)
for s in $SHAPES; do [ -f "$SHAPES_DIR/$s.lua" ] || die "missing shape $SHAPES_DIR/$s.lua"; done
SHAPES_DIR=$(cd "$SHAPES_DIR" && pwd)

# --- tools -------------------------------------------------------------------------------------------------
if ! command -v nginx >/dev/null || [ ! -f "$MODSEC_MODULE" ] || ! command -v wrk >/dev/null; then
  echo "Installing nginx, libnginx-mod-http-modsecurity and wrk..."
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    nginx libnginx-mod-http-modsecurity wrk
fi
# shellcheck source=../../.ci/java-home
source "$ROOT/.ci/java-home"
JAR=$ROOT/benchmarks/target/benchmarks.jar
if [ ! -f "$JAR" ]; then
  echo "Building $JAR..."
  (cd "$ROOT" && ./mvnw -B -ntp -q -pl benchmarks -am package -DskipTests)
fi

if [ "$(nproc)" -ge 2 ]; then
  SERVER_CPU=(taskset -c 0)
  CLIENT_CPU=(taskset -c 1)
else
  SERVER_CPU=()
  CLIENT_CPU=()
fi
CLK_TCK=$(getconf CLK_TCK)

WORK=$(mktemp -d /tmp/parapet-e2e.XXXXXX)
PIDS=()
cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_port() { # port pid name
  local i
  for i in $(seq 1 240); do
    port_open "$1" && return 0
    kill -0 "$2" 2>/dev/null || die "$3 exited during startup (logs in $WORK)"
    sleep 0.5
  done
  die "$3 did not open port $1 within 120 s (logs in $WORK)"
}

# --- nginx (+ ModSecurity) ---------------------------------------------------------------------------------
cat > "$WORK/modsec.conf" <<EOF
Include $BASE_CONF
Include $CRS_DIR/crs-setup.conf.example
SecAction "id:900000,phase:1,pass,t:none,nolog,tag:'OWASP_CRS',ver:'OWASP_CRS/4.28.0',setvar:tx.blocking_paranoia_level=1"
Include $CRS_DIR/rules/*.conf
EOF

nginx_conf() { # name front_port backend_port with_modsecurity
  local dir=$WORK/$1
  mkdir -p "$dir"
  {
    [ "$4" = 1 ] && echo "load_module $MODSEC_MODULE;"
    cat <<EOF
worker_processes 1;
daemon off;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $dir/body;
  proxy_temp_path $dir/proxy;
  fastcgi_temp_path $dir/fastcgi;
  uwsgi_temp_path $dir/uwsgi;
  scgi_temp_path $dir/scgi;
  client_body_buffer_size 128k;
  upstream backend { server 127.0.0.1:$3; keepalive 16; }
  server {
    listen 127.0.0.1:$2;
EOF
    [ "$4" = 1 ] && printf '    modsecurity on;\n    modsecurity_rules_file %s;\n' "$WORK/modsec.conf"
    cat <<EOF
    location / {
      proxy_pass http://backend;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
    }
  }
  server {
    listen 127.0.0.1:$3;
    location / {
      default_type text/html;
      charset utf-8;
      return 200 "<!doctype html><html><head><title>OK</title></head><body><p>ok</p></body></html>\n";
    }
  }
}
EOF
  } > "$dir/nginx.conf"
  echo "$dir/nginx.conf"
}

declare -A PORT PID
PORT[modsec]=$((PORT_BASE + 1)); PORT[nginx]=$((PORT_BASE + 2))
PORT[parapet]=$((PORT_BASE + 11)); PORT[jetty]=$((PORT_BASE + 12))
for p in "${PORT[@]}" $((PORT_BASE + 3)) $((PORT_BASE + 4)); do
  port_open "$p" && die "port $p is in use (set PORT_BASE)"
done

start_nginx() { # name front backend modsec
  local conf
  conf=$(nginx_conf "$1" "$2" "$3" "$4")
  nginx -t -q -e "$WORK/$1/error.log" -c "$conf" || die "nginx rejected $conf"
  "${SERVER_CPU[@]}" nginx -e "$WORK/$1/error.log" -c "$conf" > "$WORK/$1/stdout.log" 2>&1 &
  PID[$1]=$!
  PIDS+=("${PID[$1]}")
  wait_port "$2" "${PID[$1]}" "$1"
}

start_java() { # name port waf
  # shellcheck disable=SC2086
  "${SERVER_CPU[@]}" "$JAVA_HOME/bin/java" $JAVA_OPTS -cp "$JAR" dev.parapet.benchmarks.e2e.E2eServer \
    --port "$2" --waf "$3" --crs "$CRS_DIR" --paranoia 1 > "$WORK/$1.log" 2>&1 &
  PID[$1]=$!
  PIDS+=("${PID[$1]}")
  wait_port "$2" "${PID[$1]}" "$1"
}

echo "Starting servers (work directory $WORK)..."
start_nginx modsec "${PORT[modsec]}" $((PORT_BASE + 3)) 1
start_nginx nginx "${PORT[nginx]}" $((PORT_BASE + 4)) 0
start_java parapet "${PORT[parapet]}" on
start_java jetty "${PORT[jetty]}" off
SERVERS=(modsec nginx parapet jetty)

# --- measuring ---------------------------------------------------------------------------------------------
cpu_ticks() { # pid: utime + stime of the process (all threads) and its children (nginx workers)
  local total=0 p
  for p in "$1" $(pgrep -P "$1" || true); do
    [ -r "/proc/$p/stat" ] || continue
    total=$((total + $(sed 's/^.*) //' "/proc/$p/stat" | awk '{print $12 + $13}')))
  done
  echo "$total"
}

run_wrk() { # script port seconds connections
  SHAPE_SCRIPT=$1 "${CLIENT_CPU[@]}" wrk -t1 -c"$4" -d"$3"s --timeout 10s -s "$HERE/report.lua" \
    "http://localhost:$2" | grep '^E2E' || die "wrk failed against port $2"
}

field() { # line name
  sed -n "s/.*[ ]$2=\\([0-9]*\\).*/\\1/p" <<< " $1"
}

echo "Checking that both WAFs block an attack and pass every shape..."
for s in modsec parapet; do
  line=$(run_wrk "$HERE/attack-get.lua" "${PORT[$s]}" 3 1)
  [ "$(field "$line" requests)" -gt 0 ] && [ "$(field "$line" status_errors)" = "$(field "$line" requests)" ] \
    || die "$s did not block the SQL injection: $line"
done

echo "Priming (${JAVA_WARMUP}s per shape for the Java servers' JIT, ${WARMUP}s for nginx)..."
for shape in $SHAPES; do
  for s in "${SERVERS[@]}"; do
    case $s in parapet|jetty) seconds=$JAVA_WARMUP ;; *) seconds=$WARMUP ;; esac
    line=$(run_wrk "$SHAPES_DIR/$shape.lua" "${PORT[$s]}" "$seconds" "$CONNECTIONS")
    [ "$(field "$line" status_errors)" = 0 ] || die "$s answered $shape with errors (blocked?): $line"
  done
done

LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
RESULTS=$WORK/results.tsv
: > "$RESULTS"
for round in $(seq 1 "$ROUNDS"); do
  for shape in $SHAPES; do
    for s in "${SERVERS[@]}"; do
      run_wrk "$SHAPES_DIR/$shape.lua" "${PORT[$s]}" "$WARMUP" "$CONNECTIONS" > /dev/null
      before=$(cpu_ticks "${PID[$s]}")
      line=$(run_wrk "$SHAPES_DIR/$shape.lua" "${PORT[$s]}" "$DURATION" "$CONNECTIONS")
      after=$(cpu_ticks "${PID[$s]}")
      printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$round" "$shape" "$s" \
        "$(field "$line" requests)" "$(field "$line" duration_us)" "$(field "$line" p50_us)" \
        "$(field "$line" p99_us)" "$((after - before))" \
        "$(( $(field "$line" status_errors) + $(field "$line" socket_errors) ))" >> "$RESULTS"
      echo "  round $round/$ROUNDS $shape $s: $line"
    done
  done
done
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# --- report ------------------------------------------------------------------------------------------------
MODSEC_VERSION=$(dpkg-query -W -f='${Version}' libmodsecurity3 2>/dev/null || echo unknown)
echo
echo "## End-to-end results ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo
echo "Machine: $(nproc) CPUs, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1);" \
  "$("$JAVA_HOME/bin/java" -version 2>&1 | head -1); $(nginx -v 2>&1 | sed 's/^nginx version: //');" \
  "libmodsecurity3 $MODSEC_VERSION; CRS $(basename "$CRS_DIR") PL1, blocking."
echo "wrk -t1 -c$CONNECTIONS, priming ${JAVA_WARMUP}s per shape (Java) / ${WARMUP}s (nginx), then ${WARMUP}s warm-up" \
  "+ ${DURATION}s per run, $ROUNDS alternating rounds, medians;" \
  "servers on CPU 0, wrk on CPU 1; load average $LOAD_START at start, $LOAD_END at end."
echo
awk -F'\t' -v tck="$CLK_TCK" -v shapes="$SHAPES" '
  function median(key,   n, i, j, t, v) {
    n = split(vals[key], v, " ")
    for (i = 2; i <= n; i++) { t = v[i] + 0; for (j = i - 1; j >= 1 && v[j] + 0 > t; j--) v[j + 1] = v[j]; v[j + 1] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  function add(key, value) { vals[key] = (key in vals) ? vals[key] " " value : value }
  {
    add($2 SUBSEP $3 SUBSEP "rps", $4 / ($5 / 1e6))
    add($2 SUBSEP $3 SUBSEP "p50", $6 / 1000)
    add($2 SUBSEP $3 SUBSEP "p99", $7 / 1000)
    add($2 SUBSEP $3 SUBSEP "cpu", ($4 > 0) ? $8 * 1e6 / tck / $4 : 0)
    errors[$2 SUBSEP $3] += $9
  }
  END {
    split("modsec nginx parapet jetty", servers, " ")
    label["modsec"] = "nginx + ModSecurity v3"; label["nginx"] = "nginx alone"
    label["parapet"] = "Jetty + Parapet"; label["jetty"] = "Jetty alone"
    print "| shape | server | req/s | p50 ms | p99 ms | CPU µs/req | errors |"
    print "|---|---|---:|---:|---:|---:|---:|"
    ns = split(shapes, shape, " ")
    for (i = 1; i <= ns; i++) {
      for (k = 1; k <= 4; k++) {
        s = servers[k]; key = shape[i] SUBSEP s
        rps[key] = median(key SUBSEP "rps"); cpu[key] = median(key SUBSEP "cpu")
        printf "| %s | %s | %.0f | %.2f | %.2f | %.0f | %d |\n", shape[i], label[s], rps[key],
          median(key SUBSEP "p50"), median(key SUBSEP "p99"), cpu[key], errors[key]
      }
    }
    print ""
    print "| shape | ModSecurity: added CPU µs/req | ModSecurity: throughput ratio | Parapet: added CPU µs/req | Parapet: throughput ratio | Parapet added / ModSecurity added | Parapet added / Jetty alone |"
    print "|---|---:|---:|---:|---:|---:|---:|"
    for (i = 1; i <= ns; i++) {
      m = shape[i] SUBSEP "modsec"; n = shape[i] SUBSEP "nginx"; p = shape[i] SUBSEP "parapet"; j = shape[i] SUBSEP "jetty"
      ma = cpu[m] - cpu[n]; pa = cpu[p] - cpu[j]
      slow_m = (rps[m] > 0) ? rps[n] / rps[m] : 0
      slow_p = (rps[p] > 0) ? rps[j] / rps[p] : 0
      versus = (ma > 0) ? sprintf("%.3f", pa / ma) : "n/a"
      own = (cpu[j] > 0) ? sprintf("%.2f", pa / cpu[j]) : "n/a"
      printf "| %s | %.0f | %.2fx | %.0f | %.2fx | %s | %s |\n", shape[i], ma, slow_m, pa, slow_p, versus, own
    }
  }' "$RESULTS"
echo
echo "Throughput ratio = requests/s without the WAF / with it. Targets (issue 9): Parapet added / ModSecurity" \
  "added <= 0.04 and Parapet added / Jetty alone <= 1. Raw rows: $RESULTS"
