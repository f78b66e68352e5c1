-- wrk script of bench/run.sh: sends one fixed request, set by environment variables, and prints
-- the run's results as one line of key=value pairs that run.sh reads.
--   BENCH_METHOD        GET or POST (default GET)
--   BENCH_BODY_FILE     file whose bytes are the request body (optional)
--   BENCH_CONTENT_TYPE  Content-Type of the body (optional)
--   BENCH_TOKEN         value of the token cookie (optional)

wrk.method = os.getenv("BENCH_METHOD") or "GET"

local body_file = os.getenv("BENCH_BODY_FILE")
if body_file and body_file ~= "" then
    local file = assert(io.open(body_file, "rb"))
    wrk.body = file:read("*a")
    file:close()
end

local content_type = os.getenv("BENCH_CONTENT_TYPE")
if content_type and content_type ~= "" then
    wrk.headers["Content-Type"] = content_type
end

local token = os.getenv("BENCH_TOKEN")
if token and token ~= "" then
    wrk.headers["Cookie"] = "token=" .. token
end

-- Latency percentiles are in microseconds; errors.status counts responses with a status of 400 or more.
function done(summary, latency, requests)
    io.write(string.format(
        "BENCH requests=%d duration_us=%d p50_us=%d p99_us=%d status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
        summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
        summary.errors.status, summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.timeout))
end
