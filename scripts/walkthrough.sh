#!/usr/bin/env bash
# Runs the commands of docs/walkthrough.md in order, against real servers on localhost, and checks
# each result against the expectations written beside it. The commands come from the document
# itself, so the document and the product cannot drift apart.
#
# Directives are HTML comments, invisible when the document is rendered:
#   <!-- walkthrough: run -->                  the next ```sh block runs in this shell
#   <!-- walkthrough: start NAME URL -->       the next ```sh block starts server NAME in the
#                                              background; URL must return 200 before going on
#   <!-- walkthrough: stop NAME -->            stops server NAME (the reader presses Ctrl+C)
#   <!-- walkthrough: expect JQ_FILTER -->     `jq -e JQ_FILTER` must succeed on the last output
#   <!-- walkthrough: expect-text TEXT -->     the last output must contain TEXT
#   <!-- walkthrough: expect-no-text TEXT -->  the last output must not contain TEXT
# Variables set by one block are visible in the blocks after it. A block fails when its last
# command fails; the expectations after it check the rest.
set -euo pipefail

repository="$(cd "$(dirname "$0")/.." && pwd)"
document="${1:-$repository/docs/walkthrough.md}"
server_start_seconds="${WALKTHROUGH_START_SECONDS:-180}"

work="$(mktemp -d -t slices-walkthrough-XXXXXX)"
declare -A server_pids=()
step=0
last_output="$work/none"
touch "$last_output"

# Every curl in the document gives up after 30 seconds instead of hanging the tour.
export CURL_HOME="$work"
printf 'max-time = 30\nconnect-timeout = 5\n' > "$work/.curlrc"

stop_server() {
    local name="$1" pid="${server_pids[$1]:-}"
    [[ -z "$pid" ]] && return 0
    unset "server_pids[$name]"

    # The server runs in its own process group (setsid), so the group contains `dotnet run` and the app.
    kill -TERM -- "-$pid" 2>/dev/null || true
    for _ in $(seq 1 30); do
        kill -0 -- "-$pid" 2>/dev/null || return 0
        sleep 0.5
    done
    echo "walkthrough: server $name did not stop in 15 s; killing it" >&2
    kill -KILL -- "-$pid" 2>/dev/null || true
}

cleanup() {
    local status=$?
    for name in "${!server_pids[@]}"; do
        stop_server "$name"
    done
    if (( status != 0 )); then
        for log in "$work"/server-*.log; do
            [[ -e "$log" ]] || continue
            echo "--- last lines of $(basename "$log")" >&2
            tail -n 30 "$log" >&2
        done
    fi
    rm -rf "$work"
}
trap cleanup EXIT

fail() {
    echo "walkthrough: step $step failed: $*" >&2
    echo "--- its output:" >&2
    cat "$last_output" >&2
    exit 1
}

run_block() {
    local code="$1"
    step=$((step + 1))
    last_output="$work/step-$step.out"
    echo "=== step $step"
    sed 's/^/$ /' <<< "${code%$'\n'}"
    if ! eval "$code" > "$last_output" 2>&1 < /dev/null; then
        fail "a command exited with an error"
    fi
    sed 's/^/  /' "$last_output"
    [[ ! -s "$last_output" || -z "$(tail -c 1 "$last_output")" ]] || echo
}

start_block() {
    local name="$1" ready_url="$2" code="$3"
    step=$((step + 1))
    echo "=== step $step: start $name"
    sed 's/^/$ /' <<< "${code%$'\n'}"
    setsid bash -c "$code" > "$work/server-$name.log" 2>&1 < /dev/null &
    server_pids[$name]=$!

    local deadline=$((SECONDS + server_start_seconds))
    until curl -sf -o /dev/null "$ready_url"; do
        if ! kill -0 "${server_pids[$name]}" 2>/dev/null; then
            last_output="$work/server-$name.log"
            fail "server $name exited during start-up"
        fi
        if (( SECONDS > deadline )); then
            last_output="$work/server-$name.log"
            fail "server $name did not answer $ready_url within $server_start_seconds s"
        fi
        sleep 1
    done
    echo "  ($name is up)"
}

apply_directive() {
    local directive="$1"
    case "$directive" in
        "stop "*)
            echo "=== stop ${directive#stop }"
            stop_server "${directive#stop }"
            ;;
        "expect "*)
            jq -e "${directive#expect }" "$last_output" > /dev/null 2>&1 \
                || fail "expected jq filter to hold: ${directive#expect }"
            ;;
        "expect-text "*)
            grep -qF -- "${directive#expect-text }" "$last_output" \
                || fail "expected the output to contain: ${directive#expect-text }"
            ;;
        "expect-no-text "*)
            ! grep -qF -- "${directive#expect-no-text }" "$last_output" \
                || fail "expected the output not to contain: ${directive#expect-no-text }"
            ;;
        *)
            echo "walkthrough: unknown directive '$directive' in $document" >&2
            exit 2
            ;;
    esac
}

# The tour runs in a scratch copy of the working tree, so that its keys, logs and cookie jar never
# mix with the reader's own, and old log lines cannot satisfy its checks.
scratch="$work/repository"
mkdir -p "$scratch"
tar -C "$repository" \
    --exclude=./.git --exclude='*/bin' --exclude='*/obj' --exclude=./TestResults \
    --exclude=./logs --exclude='./keys/*.pem' --exclude=./cookies.txt \
    -cf - . | tar -C "$scratch" -xf -
cd "$scratch"

pending=""
in_fence=0
block=""
while IFS= read -r line <&3; do
    if (( in_fence )); then
        if [[ "$line" == '```' ]]; then
            in_fence=0
            case "$pending" in
                run) run_block "$block" ;;
                start\ *) read -r _ name url <<< "$pending"; start_block "$name" "$url" "$block" ;;
            esac
            pending=""
            block=""
        elif [[ -n "$pending" ]]; then
            block+="$line"$'\n'
        fi
        continue
    fi

    if [[ "$line" =~ ^\<!--\ walkthrough:\ (.*)\ --\>$ ]]; then
        directive="${BASH_REMATCH[1]}"
        case "$directive" in
            run | start\ *) pending="$directive" ;;
            *) apply_directive "$directive" ;;
        esac
    elif [[ "$line" == '```'* ]]; then
        in_fence=1
        if [[ -n "$pending" && "$line" != '```sh' ]]; then
            echo "walkthrough: a '$pending' directive must be followed by a \`\`\`sh block" >&2
            exit 2
        fi
    fi
done 3< "$document"

echo "walkthrough: all $step steps passed"
