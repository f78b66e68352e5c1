#!/usr/bin/env bash
# Benchmarks Slices against a bare ASP.NET Core baseline in the same run and prints the results as
# markdown: requests per second and latency per scenario with the ratio to the baseline, the cost of
# keyset paging over 1,000,000 orders, and the start-up time. docs/benchmarks.md explains the figures.
#
# Usage: bench/run.sh [--smoke]
#   --smoke   load runs of 1 s and 10,000 orders for paging: checks that every step works, in one to
#             two minutes; its figures mean nothing.
#
# Needs the .NET SDK. Installs wrk, curl, jq and openssl from Debian's packages when one is missing.
# Every server listens on 127.0.0.1 only and is stopped by its PID when the script exits.
set -euo pipefail

repository="$(cd "$(dirname "$0")/.." && pwd)"
bench="$repository/bench"

smoke=0
case "${1:-}" in
    "") ;;
    --smoke) smoke=1 ;;
    *)
        echo "usage: bench/run.sh [--smoke]" >&2
        exit 2
        ;;
esac

# Seconds per load run and per warm-up run, orders for the paging test, start-up runs.
if (( smoke )); then
    duration=1 warmup=1 paging_orders=10000 paging_samples=21 startup_runs=2
else
    duration=10 warmup=5 paging_orders=1000000 paging_samples=201 startup_runs=5
fi
connection_counts=(4 64)
# wrk's threads share the machine's cores with the server under test.
wrk_threads=2

export DOTNET_CLI_TELEMETRY_OPTOUT=1
export DOTNET_NOLOGO=1

work="$(mktemp -d -t slices-bench-XXXXXX)"
declare -A server_pids=()

stop_server() {
    local name="$1" pid="${server_pids[$1]:-}"
    [[ -z "$pid" ]] && return 0
    unset "server_pids[$name]"

    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 40); do
        kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
        sleep 0.25
    done
    echo "bench: $name (PID $pid) did not stop in 10 s; killing it" >&2
    kill -KILL "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    for name in "${!server_pids[@]}"; do
        stop_server "$name"
    done
    if (( status != 0 )); then
        for log in "$work"/*.log; do
            [[ -e "$log" ]] || continue
            echo "--- last lines of $(basename "$log")" >&2
            tail -n 20 "$log" >&2
        done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "bench: $*" >&2
    exit 1
}

note() {
    echo "bench: $*" >&2
}

install_missing_tools() {
    local tool missing=()
    for tool in wrk curl jq openssl; do
        command -v "$tool" > /dev/null || missing+=("$tool")
    done
    (( ${#missing[@]} == 0 )) && return 0

    note "installing ${missing[*]} with apt-get"
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" > /dev/null
}

# Prints a free TCP port on 127.0.0.1 below the kernel's ephemeral range. An earlier load run may leave
# a client socket in TIME_WAIT on an ephemeral port, which refuses connects but still blocks binds.
free_port() {
    local port ephemeral_start=32768 lowest=10000
    [[ -r /proc/sys/net/ipv4/ip_local_port_range ]] && read -r ephemeral_start _ < /proc/sys/net/ipv4/ip_local_port_range
    (( ephemeral_start - lowest >= 1000 )) || lowest=1024
    for _ in $(seq 1 100); do
        port=$((lowest + RANDOM % (ephemeral_start - lowest)))
        if ! (exec 3<> "/dev/tcp/127.0.0.1/$port") 2> /dev/null; then
            echo "$port"
            return 0
        fi
    done
    fail "found no free port on 127.0.0.1 in 100 tries"
}

# Waits up to 60 s until URL returns 200 while server NAME runs. Returns 1 if the server exits first.
wait_until_ready() {
    local name="$1" url="$2" deadline=$((SECONDS + 60))
    until [[ "$(curl -s -o /dev/null --max-time 2 -w '%{http_code}' "$url")" == 200 ]]; do
        kill -0 "${server_pids[$name]}" 2> /dev/null || return 1
        (( SECONDS < deadline )) || fail "$name did not answer $url with 200 within 60 s"
        sleep 0.02
    done
}

# Starts server NAME in the background, logging to $work/NAME.log: start_server NAME COMMAND...
start_server() {
    local name="$1"
    shift
    "$@" > "$work/$name.log" 2>&1 < /dev/null &
    server_pids[$name]=$!
}

# Starts server NAME on a free port, waits until PATH returns 200 and sets server_url. A failed bind is
# retried on another port up to three times: start_on_free_port NAME PATH COMMAND...
start_on_free_port() {
    local name="$1" path="$2" attempt
    shift 2
    for attempt in 1 2 3; do
        server_url="http://127.0.0.1:$(free_port)"
        start_server "$name" "$@" --urls="$server_url"
        wait_until_ready "$name" "$server_url$path" && return 0
        wait "${server_pids[$name]}" 2> /dev/null || true
        unset "server_pids[$name]"
        grep -qi 'address already in use' "$work/$name.log" || fail "$name exited during start-up; see its log above"
        note "$name could not bind ${server_url#http://} (attempt $attempt of 3); trying another port"
    done
    fail "$name found no port it could bind in 3 attempts"
}

slices_app="$repository/app/bin/Release/net10.0/Slices"
baseline_app="$bench/Baseline/bin/Release/net10.0/Slices.Bench.Baseline"
paging_app="$bench/Paging/bin/Release/net10.0/Slices.Bench.Paging"

build() {
    note "building Release"
    local project
    for project in app/Slices.csproj bench/Baseline/Slices.Bench.Baseline.csproj bench/Paging/Slices.Bench.Paging.csproj; do
        dotnet build "$repository/$project" -c Release -v quiet -nologo > "$work/build.log" 2>&1 \
            || { cat "$work/build.log" >&2; fail "the Release build of $project failed"; }
    done
}

# A key pair for this run alone: outside Development, Slices stops at start-up without one.
create_keys() {
    mkdir -p "$work/keys"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$work/keys/signing.pem" 2> /dev/null
    openssl pkey -in "$work/keys/signing.pem" -pubout -out "$work/keys/signing.public.pem"
}

# Settings of every Slices process: Production, with its log levels and sinks, keys and logs in $work.
slices_settings() {
    printf '%s\n' \
        --environment=Production \
        --contentRoot="$(dirname "$slices_app")" \
        --Auth:SigningKeyPath="$work/keys/signing.pem" \
        --Auth:PublicKeyPaths:slices-1="$work/keys/signing.public.pem" \
        --Serilog:WriteTo:1:Args:path="$work/logs/slices-.json"
}

# Start-up: milliseconds from starting the built app to its first 200 on /healthcheck, without demo data.
measure_startup() {
    local runs=() settings run started ended
    mapfile -t settings < <(slices_settings)
    for run in $(seq 1 "$startup_runs"); do
        started="$(date +%s%N)"
        start_on_free_port startup /healthcheck "$slices_app" "${settings[@]}"
        ended="$(date +%s%N)"
        stop_server startup
        runs+=($(((ended - started) / 1000000)))
        note "start-up run $run: ${runs[-1]} ms"
    done
    startup_median_ms="$(printf '%s\n' "${runs[@]}" | sort -n | awk '{ value[NR] = $1 } END { print (NR % 2) ? value[(NR + 1) / 2] : (value[NR / 2] + value[NR / 2 + 1]) / 2 }')"
    startup_runs_ms="${runs[*]}"
}

# Scenarios: name, method, Slices path, request body file in bench/requests, whether it sends the cookie.
scenarios=(
    "GET /me|GET|/me||cookie"
    "GET /users/me|GET|/users/me||cookie"
    "POST /graph getItem|POST|/graph|graph-get-item.json|cookie"
    "POST /graph viewer|POST|/graph|graph-viewer.json|cookie"
    "POST /graph listUsers(first: 10)|POST|/graph|graph-list-users.json|cookie"
    "POST /graph listUserOrders with order_items|POST|/graph|graph-list-user-orders.json|cookie"
    "POST /orders|POST|/orders|create-order.json|cookie"
    "POST /login (password hashing)|POST|/login|login.json|"
)

# The file name of a scenario's captured response, and its path at the baseline.
scenario_key() {
    tr -c 'A-Za-z0-9\n' '-' <<< "$1" | tr -s '-' | sed 's/^-//; s/-$//' | tr 'A-Z' 'a-z'
}

# Sends one request of a scenario with curl; the wrk runs send the same method, headers and body.
send_request() {
    local url="$1" method="$2" body="$3" cookie="$4" output="$5"
    local arguments=(-s --max-time 30 -X "$method" -o "$output" -w '%{http_code} %{content_type}')
    [[ -n "$body" ]] && arguments+=(-H 'Content-Type: application/json' --data-binary "@$bench/requests/$body")
    [[ -n "$cookie" ]] && arguments+=(-H "Cookie: token=$token")
    curl "${arguments[@]}" "$url"
}

log_in() {
    local headers="$work/login.headers"
    curl -s --max-time 30 -D "$headers" -o /dev/null -H 'Content-Type: application/json' \
        --data-binary "@$bench/requests/login.json" "$slices_url/login"
    token="$(sed -n 's/^set-cookie: token=\([^;]*\);.*/\1/ip' "$headers" | tr -d '\r')"
    [[ -n "$token" ]] || fail "POST /login as jane01 set no token cookie; response headers: $(cat "$headers")"
}

# Captures each scenario's response from Slices for the baseline to serve, and drops a GraphQL
# scenario whose query the schema rejects.
capture_responses() {
    mkdir -p "$work/responses"
    local scenario name method path body cookie key answer status content_type
    measured=()
    for scenario in "${scenarios[@]}"; do
        IFS='|' read -r name method path body cookie <<< "$scenario"
        key="$(scenario_key "$name")"
        answer="$(send_request "$slices_url$path" "$method" "$body" "$cookie" "$work/responses/$key.body")"
        status="${answer%% *}"
        content_type="${answer#* }"
        [[ "$status" == 2?? ]] || fail "$name returned $status: $(head -c 500 "$work/responses/$key.body")"

        if [[ "$path" == /graph ]] && jq -e '.errors' "$work/responses/$key.body" > /dev/null; then
            echo "Skipped: $name, because Slices returned GraphQL errors for it: $(jq -c '[.errors[].message]' "$work/responses/$key.body")" >> "$work/notes.txt"
            rm "$work/responses/$key.body"
            continue
        fi

        echo "$status" > "$work/responses/$key.status"
        echo "$content_type" > "$work/responses/$key.type"
        measured+=("$scenario")
    done
}

# Runs wrk against URL: run_wrk URL CONNECTIONS SECONDS METHOD BODY COOKIE. Prints wrk's BENCH line.
run_wrk() {
    local url="$1" connections="$2" seconds="$3" method="$4" body="$5" cookie="$6" output
    output="$(BENCH_METHOD="$method" \
        BENCH_BODY_FILE="${body:+$bench/requests/$body}" \
        BENCH_CONTENT_TYPE="${body:+application/json}" \
        BENCH_TOKEN="${cookie:+$token}" \
        timeout $((seconds + 30)) wrk -t "$wrk_threads" -c "$connections" -d "${seconds}s" --timeout 10s \
            -s "$bench/request.lua" "$url")" || fail "wrk failed against $url: $output"
    grep '^BENCH ' <<< "$output" || fail "wrk printed no results for $url: $output"
}

# Reads KEY from a BENCH line: field LINE KEY.
field() {
    sed -n "s/.* $2=\([0-9]*\).*/\1/p" <<< "$1"
}

# Prints "req/s p50_ms p99_ms errors" for a BENCH line.
summarize() {
    local line="$1" errors=0 kind
    for kind in status_errors connect_errors read_errors write_errors timeouts; do
        errors=$((errors + $(field "$line" "$kind")))
    done
    awk -v requests="$(field "$line" requests)" -v micros="$(field "$line" duration_us)" \
        -v p50="$(field "$line" p50_us)" -v p99="$(field "$line" p99_us)" -v errors="$errors" \
        'BEGIN { printf "%.0f %.2f %.2f %d\n", requests * 1000000 / micros, p50 / 1000, p99 / 1000, errors }'
}

# Measures one scenario on the baseline and on the Slices process at TARGET, and adds its rows to the
# results: measure_scenario LABEL TARGET SCENARIO.
measure_scenario() {
    local label="$1" target="$2" scenario="$3"
    local name method path body cookie key connections ratio row baseline_line slices_line
    local baseline_rps baseline_p50 baseline_p99 baseline_errors slices_rps slices_p50 slices_p99 slices_errors
    IFS='|' read -r name method path body cookie <<< "$scenario"
    key="$(scenario_key "$name")"
    note "load: $label"

    # A warm-up run on each server first, so neither is measured while the JIT still compiles.
    run_wrk "$baseline_url/$key" 16 "$warmup" "$method" "$body" "$cookie" > /dev/null
    run_wrk "$target$path" 16 "$warmup" "$method" "$body" "$cookie" > /dev/null

    for connections in "${connection_counts[@]}"; do
        baseline_line="$(run_wrk "$baseline_url/$key" "$connections" "$duration" "$method" "$body" "$cookie")"
        slices_line="$(run_wrk "$target$path" "$connections" "$duration" "$method" "$body" "$cookie")"
        read -r baseline_rps baseline_p50 baseline_p99 baseline_errors <<< "$(summarize "$baseline_line")"
        read -r slices_rps slices_p50 slices_p99 slices_errors <<< "$(summarize "$slices_line")"
        ratio="$(awk -v a="$slices_rps" -v b="$baseline_rps" 'BEGIN { r = (b > 0) ? 100 * a / b : 0; printf((r < 1) ? "%.2f %%" : "%.0f %%", r) }')"
        if (( baseline_errors + slices_errors > 0 )); then
            ratio+=" ($baseline_errors baseline and $slices_errors Slices errors or non-2xx responses)"
        fi
        # A run shorter than one queued request, such as a login at 64 connections in smoke mode, completes none.
        if [[ "$slices_rps" == "0" ]]; then
            ratio+=" (no Slices response completed within the ${duration} s run)"
        fi

        row="| $label | $connections | $baseline_rps | $slices_rps | $ratio | $baseline_p50 / $slices_p50 | $baseline_p99 / $slices_p99 |"
        # Password hashing sets the pace of a login, so its rows are reported apart from the pipeline's.
        if [[ "$name" == "POST /login"* ]]; then
            login_results+=("$row")
        else
            results+=("$row")
        fi
        ratios["$label|$connections"]="${ratio%% *}"
    done
}

# Measures GET /me on a second Slices process whose settings differ by SETTINGS, to show what one part
# of the pipeline costs: measure_variant LABEL SETTINGS...
measure_variant() {
    local label="$1"
    shift
    start_on_free_port variant /healthcheck "$slices_app" "${settings[@]}" --Store:SeedDemoData=true --Auth:TokenLifetime=01:00:00 "$@"
    measure_scenario "GET /me, $label" "$server_url" "${scenarios[0]}"
    stop_server variant
}

goal() {
    local description="$1" measured_value="$2" met="$3"
    echo "| $description | $measured_value | $([[ "$met" == 1 ]] && echo met || echo missed) |"
}

print_report() {
    local cores memory
    cores="$(nproc)"
    memory="$(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo)"

    echo
    echo "## Slices against a bare ASP.NET Core baseline"
    echo
    echo "$(date -u '+%Y-%m-%d %H:%M UTC'), $cores cores, $memory, $(dotnet --version) SDK, wrk -t $wrk_threads, ${duration} s per run$( ((smoke)) && echo ', SMOKE RUN: figures mean nothing')."
    echo
    echo "| scenario | connections | baseline req/s | Slices req/s | Slices / baseline | p50 ms baseline / Slices | p99 ms baseline / Slices |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${results[@]}"
    if [[ -s "$work/notes.txt" ]]; then
        echo
        cat "$work/notes.txt"
    fi

    echo
    echo "## Login, paced by password hashing"
    echo
    echo "| scenario | connections | baseline req/s | Slices req/s | Slices / baseline | p50 ms baseline / Slices | p99 ms baseline / Slices |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    printf '%s\n' "${login_results[@]}"

    echo
    echo "## Keyset paging"
    echo
    echo "| measure | value |"
    echo "|---|---:|"
    grep '^|' <<< "$paging_output"

    echo
    echo "## Start-up"
    echo
    echo "Median of $startup_runs runs (${startup_runs_ms// / ms, } ms) from starting the Release build to its first 200 on /healthcheck: **$startup_median_ms ms**."

    echo
    echo "## Goals (recorded, not asserted)"
    echo
    echo "| goal | measured | result |"
    echo "|---|---:|---|"
    local connections value
    for connections in "${connection_counts[@]}"; do
        for name in "GET /me" "GET /users/me"; do
            value="${ratios["$name|$connections"]:-}"
            if [[ -n "$value" ]]; then
                goal "$name >= 85 % of baseline req/s, $connections connections" "$value %" "$(awk -v v="$value" 'BEGIN { print (v >= 85) }')"
            fi
        done
        value="${ratios["POST /graph listUsers(first: 10)|$connections"]:-}"
        if [[ -n "$value" ]]; then
            goal "GraphQL listUsers(first: 10) >= 50 % of baseline req/s, $connections connections" "$value %" "$(awk -v v="$value" 'BEGIN { print (v >= 50) }')"
        else
            echo "| GraphQL listUsers(first: 10) >= 50 % of baseline req/s, $connections connections | not measured | skipped |"
        fi
    done
    value="$(sed -n 's/^PAGING last_over_first=//p' <<< "$paging_output")"
    goal "last page / first page <= 1.2 at $paging_orders orders" "$value" "$(awk -v v="$value" 'BEGIN { print (v <= 1.2) }')"
    goal "start-up <= 1 s" "$startup_median_ms ms" "$(awk -v v="$startup_median_ms" 'BEGIN { print (v <= 1000) }')"
}

install_missing_tools
build
create_keys

note "start-up: $startup_runs runs"
measure_startup

mapfile -t settings < <(slices_settings)
# The demo users log in, tokens outlive the run, and the login throttle never returns 429 here.
start_on_free_port slices /healthcheck "$slices_app" "${settings[@]}" \
    --Store:SeedDemoData=true \
    --Auth:TokenLifetime=01:00:00 \
    --Auth:Throttle:MaxFailuresPerUsername=1000000 \
    --Auth:Throttle:MaxFailuresPerAddress=1000000
slices_url="$server_url"

log_in
capture_responses

start_on_free_port baseline "/$(scenario_key "GET /me")" "$baseline_app" --environment=Production --Responses="$work/responses"
baseline_url="$server_url"

results=()
login_results=()
declare -A ratios=()
for scenario in "${measured[@]}"; do
    measure_scenario "${scenario%%|*}" "$slices_url" "$scenario"
done
stop_server slices

# Diagnostics: the same request with one part of the pipeline turned off, one process at a time.
measure_variant "request log off (diagnostic)" --Serilog:MinimumLevel:Default=Warning
measure_variant "token cache off (diagnostic)" --Auth:ValidatedTokenCacheSize=0
stop_server baseline

note "paging: $paging_orders orders"
paging_output="$("$paging_app" --orders "$paging_orders" --samples "$paging_samples")" || fail "the paging benchmark failed: $paging_output"

print_report
