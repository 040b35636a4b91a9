-- Wraps one of shared/bench-shapes/*.lua (named by SHAPE_SCRIPT) and prints wrk's summary as one
-- machine-readable line for benchmarks/e2e/run.sh. The shape script itself is used unchanged.
dofile(os.getenv("SHAPE_SCRIPT"))

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "E2E requests=%d duration_us=%d status_errors=%d socket_errors=%d p50_us=%d p99_us=%d\n",
    summary.requests, summary.duration, e.status, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50), latency:percentile(99)))
end
