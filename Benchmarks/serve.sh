#!/usr/bin/env bash
# gradus serve: requests per second for a lesson page with concurrent clients (ab, keep-alive and not), and the
# time from saving a lesson to the reload event that open pages receive, on this course and, beside Hugo's
# `hugo server` in the same run, on a synthetic course both can build.
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
# Save → reload: the time from appending a line to a lesson to the reload message that open pages receive
# (Gradus: its event stream; Hugo: its livereload websocket), median of 7 saves.
cat > "$work/reload.py" <<'PY'
import base64, os, socket, sys, time
kind, port, lesson, label = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

def subscribe():
    s = socket.create_connection(("127.0.0.1", port))
    if kind == "gradus":
        s.sendall(b"GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n")
        ready = b"retry:"
    else:  # Hugo's livereload: a websocket handshake, then the protocol's hello
        key = base64.b64encode(os.urandom(16)).decode()
        s.sendall((f"GET /livereload HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                   f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n").encode())
        head = b""
        while b"\r\n\r\n" not in head:  # the 101 answer before the first frame
            head += s.recv(1)
        hello = b'{"command":"hello","protocols":["http://livereload.com/protocols/official-7"]}'
        mask = os.urandom(4)
        s.sendall(bytes([0x81, 0x80 | len(hello)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(hello)))
        ready = b"hello"
    buf = b""
    while ready not in buf.split(b"\r\n\r\n", 1)[-1]:
        buf += s.recv(4096)
    return s

times = []
for run in range(7):
    s = subscribe()
    time.sleep(0.3)
    with open(lesson, "a") as f:
        f.write(f"\nEdit {run}.\n")
    start = time.perf_counter()
    buf = b""
    while (b"event: reload" if kind == "gradus" else b'"reload"') not in buf:
        buf += s.recv(4096)
    times.append((time.perf_counter() - start) * 1000)
    s.close()
times.sort()
print(f"{label}: save to reload: median {times[len(times) // 2]:.0f} ms (min {times[0]:.0f}, max {times[-1]:.0f})")
PY
python3 "$work/reload.py" gradus "$port" "$work/content/lessons/01-backpropagation.en.md" \
    "gradus serve, this course" | sed 's/$/, target < 300 ms/'
kill -INT $server; wait $server 2>/dev/null || true

# The same on a synthetic course both tools can build (12 lessons × 3 languages), each tool's server in turn.
python3 Benchmarks/site/generate.py "$work/synthetic" 12
cp -r templates "$work/synthetic/gradus/"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
port=$(free_port)
(cd "$work/synthetic/gradus" && exec "$repo/.build-release/release/gradus" serve --port "$port" >"$work/serve2.log" 2>&1) &
server=$!
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
python3 "$work/reload.py" gradus "$port" "$work/synthetic/gradus/content/lessons/0003-lesson-3.en.md" "gradus serve, synthetic course"
kill -INT $server; wait $server 2>/dev/null || true
if command -v hugo >/dev/null; then
    port=$(free_port)
    (cd "$work/synthetic/hugo" && exec hugo server --port "$port" --bind 127.0.0.1 >"$work/hugo.log" 2>&1) &
    server=$!
    for _ in $(seq 100); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
    python3 "$work/reload.py" hugo "$port" "$work/synthetic/hugo/content/en/lesson-3.md" "hugo server, synthetic course"
    kill -INT $server; wait $server 2>/dev/null || true
else
    echo "hugo server: not measured (hugo is not installed: apt-get install hugo)"
fi
