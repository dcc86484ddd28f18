#!/usr/bin/env bash
# gradus serve: requests per second for a lesson page with concurrent clients (ab, keep-alive and not), and the
# time from saving a lesson to the reload event that open pages receive.
# Usage: Benchmarks/serve.sh [REQUESTS] [CONCURRENCY]   (default 20000 50)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
requests=${1:-20000}
concurrency=${2:-50}
command -v ab >/dev/null || { echo "ab is not installed (apt-get install apache2-utils)" >&2; exit 1; }
swift build -c release --product gradus --scratch-path .build-release >/dev/null
work=$(mktemp -d)
cp -r content templates "$work/"
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
(cd "$work" && exec "$repo/.build-release/release/gradus" serve --port "$port" >"$work/serve.log" 2>&1) &
server=$!
trap 'kill -INT $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
url="http://127.0.0.1:$port/pt/backpropagation/index.html"
for mode in "" "-k"; do
    rps=$(ab -q $mode -n "$requests" -c "$concurrency" "$url" 2>/dev/null | awk '/Requests per second/ {print $4}')
    echo "lesson page, $concurrency clients${mode:+, keep-alive}: $rps requests/s"
done
python3 - "$port" "$work/content/lessons/01-backpropagation.en.md" <<'PY'
import socket, sys, time
port, lesson = int(sys.argv[1]), sys.argv[2]
times = []
for run in range(5):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
    buf = b""
    while b"retry:" not in buf:
        buf += s.recv(4096)
    time.sleep(0.3)
    with open(lesson, "a") as f:
        f.write(f"\nEdit {run}.\n")
    start = time.perf_counter()
    buf = b""
    while b"event: reload" not in buf:
        buf += s.recv(4096)
    times.append((time.perf_counter() - start) * 1000)
    s.close()
times.sort()
print(f"save to reload event: median {times[len(times) // 2]:.0f} ms (min {times[0]:.0f}, max {times[-1]:.0f}), target < 300 ms")
PY
