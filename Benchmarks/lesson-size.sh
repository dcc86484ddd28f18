#!/usr/bin/env bash
# Lesson size: builds, checks and serves (one rebuild after a save) a course whose one lesson (en and de) is 1, 2
# and 4 MB and uses every directive kind (Benchmarks/lesson/generate.py), with the release binary, and prints
# the times and the ratio of each to the size before it: linear is about 2; the target is under 2.5.
# Usage: Benchmarks/lesson-size.sh [MB…]   (default 1 2 4)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
sizes=("${@:-1}")
[ $# -gt 0 ] || sizes=(1 2 4)
swift build -c release --product gradus --scratch-path .build-release >&2
gradus=$repo/.build-release/release/gradus
work=$(mktemp -d)
server=
trap '[ -z "$server" ] || kill -INT "$server" 2>/dev/null; rm -rf "$work"' EXIT

# The fastest of three runs of a command, in seconds.
best() {
    local best_s=999999 s
    for _ in 1 2 3; do
        local start=$(date +%s.%N)
        "$@" >/dev/null 2>&1 || true
        s=$(echo "$(date +%s.%N) - $start" | bc)
        if awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; fi
    done
    echo "$best_s"
}

# The shortest of three rebuilds that `gradus serve` reports after the lesson is saved, in seconds.
serve_rebuild() {
    local folder=$1 port log=$1/serve.log
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    (cd "$folder" && exec "$gradus" serve --port "$port" >"$log" 2>&1) &
    server=$!
    for _ in $(seq 600); do grep -q "Serving" "$log" 2>/dev/null && break; sleep 0.1; done
    for edit in 1 2 3; do
        echo "Edit $edit." >> "$folder/content/lessons/01-size.en.md"
        for _ in $(seq 600); do [ "$(grep -c "rebuilt in" "$log")" -ge "$edit" ] && break; sleep 0.1; done
    done
    kill -INT "$server" 2>/dev/null; wait "$server" 2>/dev/null || true
    server=
    awk '/rebuilt in/ {s = $3 / 1000; if (best == "" || s < best) best = s} END {printf "%.3f", best}' "$log"
}

printf "%-8s %10s %10s %10s %8s %8s %8s\n" "lesson" "build s" "check s" "serve s" "build×" "check×" "serve×"
prev=()
for mb in "${sizes[@]}"; do
    folder=$work/$mb
    python3 Benchmarks/lesson/generate.py "$folder" $((mb * 1000000))
    cp -r templates "$folder/"
    (cd "$folder" && "$gradus" build >/dev/null 2>&1)  # computes and caches the simulations
    b=$(cd "$folder" && best "$gradus" build --out "$folder/out")
    c=$(cd "$folder" && best "$gradus" check)
    s=$(serve_rebuild "$folder")
    if [ ${#prev[@]} -gt 0 ]; then
        r=$(awk "BEGIN{printf \"%8.2f %8.2f %8.2f\", $b / ${prev[0]}, $c / ${prev[1]}, $s / ${prev[2]}}")
    else
        r=$(printf "%8s %8s %8s" - - -)
    fi
    printf "%-8s %10.3f %10.3f %10.3f %s\n" "$mb MB" "$b" "$c" "$s" "$r"
    prev=("$b" "$c" "$s")
done
