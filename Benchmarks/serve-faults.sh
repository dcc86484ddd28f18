#!/usr/bin/env bash
# gradus serve under faults: the server runs under `ulimit -n 256` while CONNECTIONS connections arrive in 20
# bursts over SECONDS (a third idle, a third dripping a header line every 2 s, a third opening a live-reload
# stream or half a request and closing after 0.3 s); a probe request each second; then every file of the site is
# fetched while the flood's connections are still held, compared byte for byte with the file on disk, and timed.
# Only 127.0.0.1 is ever contacted. The same scenario as Tests/GradusServeTests/ServeLoadFaultTests.swift.
# Usage: Benchmarks/serve-faults.sh [SECONDS] [CONNECTIONS]   (default 60 2000)
#        GRADUS=.build/debug/gradus Benchmarks/serve-faults.sh   (use that binary instead of building release)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
seconds=${1:-60}
connections=${2:-2000}
if [ -z "${GRADUS:-}" ]; then
    swift build -c release --product gradus --scratch-path .build-release >/dev/null
    GRADUS=.build-release/release/gradus
fi
binary=$(cd "$(dirname "$GRADUS")" && pwd)/$(basename "$GRADUS")
work=$(mktemp -d)
cp -r content templates "$work/"
(cd "$work" && exec bash -c "ulimit -n 256 && exec \"$binary\" serve --port 0" >"$work/serve.out" 2>"$work/serve.err") &
server=$!
trap 'kill -TERM $server 2>/dev/null; wait $server 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 600); do grep -q "Serving" "$work/serve.out" 2>/dev/null && break; sleep 0.1; done
port=$(grep -o ':[0-9][0-9]*/' "$work/serve.out" | tr -d :/)
site=$(ls -d "${TMPDIR:-/tmp}/gradus-serve-$server-"*)
echo "gradus serve (pid $server, ulimit -n 256) on 127.0.0.1:$port; $connections connections over $seconds s"
python3 - "$port" "$site" "$seconds" "$connections" "$server" <<'PY'
import errno, os, resource, selectors, socket, sys, time

port, site, seconds, count, pid = int(sys.argv[1]), sys.argv[2], float(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
if soft < count + 256:
    resource.setrlimit(resource.RLIMIT_NOFILE, (min(count + 256, hard), hard))
HOST = "127.0.0.1"  # loopback only

def get(target, timeout=2.0):
    started = time.perf_counter()
    s = socket.create_connection((HOST, port), timeout=timeout)
    s.sendall(f"GET {target} HTTP/1.1\r\nHost: {HOST}\r\nConnection: close\r\n\r\n".encode())
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ")[1]) if head.startswith(b"HTTP/1.1 ") else 0
    return status, body, time.perf_counter() - started

kinds = ["idle", "dripping", "vanishing"]
stats = dict(attempted=0, connected=0, failed=0, closed=0, r503=0, r408=0, probes=0, probe_failures=0)
worst_probe, longest_drip = 0.0, 0.0
clients = {}  # socket -> dict
selector = selectors.DefaultSelector()
start = time.monotonic()
opened, next_probe = 0, start + 1

def shut(sock):
    try:
        selector.unregister(sock)
    except (KeyError, ValueError):
        pass
    sock.close()
    clients.pop(sock, None)

while time.monotonic() < start + seconds:
    burst = min(20, int((time.monotonic() - start) / (seconds / 20)) + 1)
    while opened < count * burst // 20:
        stats["attempted"] += 1
        s = socket.socket()
        s.setblocking(False)
        err = s.connect_ex((HOST, port))
        if err not in (0, errno.EINPROGRESS):
            stats["failed"] += 1
            s.close()
        else:
            clients[s] = dict(kind=kinds[opened % 3], index=opened, opened=time.monotonic(), connected=None, drip=0, data=b"")
            selector.register(s, selectors.EVENT_WRITE)
        opened += 1
    now = time.monotonic()
    for key, events in selector.select(timeout=0.02):
        s, c = key.fileobj, clients.get(key.fileobj)
        if c is None:
            continue
        if c["connected"] is None:
            if s.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR) != 0:
                stats["failed"] += 1
                shut(s)
                continue
            stats["connected"] += 1
            c["connected"] = now
            c["next"] = now + 2
            selector.modify(s, selectors.EVENT_READ)
            try:
                if c["kind"] == "dripping":
                    s.send(f"GET /en/index.html HTTP/1.1\r\nHost: {HOST}\r\n".encode())
                elif c["kind"] == "vanishing":
                    s.send(b"GET /__gradus/events HTTP/1.1\r\nHost: x\r\n\r\n" if c["index"] % 2 == 0 else b"GET /en/ind")
            except OSError:
                pass
            continue
        try:
            chunk = s.recv(4096)
            if chunk:
                c["data"] = (c["data"] + chunk)[:64]
                continue
        except BlockingIOError:
            continue
        except OSError:
            pass
        stats["closed"] += 1
        stats["r503"] += c["data"].startswith(b"HTTP/1.1 503")
        stats["r408"] += c["data"].startswith(b"HTTP/1.1 408")
        if c["kind"] == "dripping":
            longest_drip = max(longest_drip, now - c["connected"])
        shut(s)
    for s, c in list(clients.items()):
        if c["connected"] is None:
            if now - c["opened"] > 5:
                stats["failed"] += 1
                shut(s)
        elif c["kind"] == "dripping" and now >= c["next"]:
            c["drip"] += 1
            c["next"] = now + 2
            try:
                s.send(f"X-Drip-{c['drip']}: still here\r\n".encode())
            except OSError:
                pass
        elif c["kind"] == "vanishing" and now - c["opened"] >= 0.3:
            shut(s)
    if now >= next_probe:
        next_probe = now + 1
        stats["probes"] += 1
        try:
            status, _, took = get("/en/index.html")
            worst_probe = max(worst_probe, took)
            stats["probe_failures"] += status != 200
        except OSError:
            stats["probe_failures"] += 1

held = sum(1 for c in clients.values() if c["connected"] is not None and c["kind"] != "vanishing")
tag = b'<script src="/__gradus/live.js"></script>\n'
pages, wrong, worst, worst_page = 0, [], 0.0, ""
for folder, _, names in os.walk(site):
    for name in sorted(names):
        path = os.path.join(folder, name)
        relative = os.path.relpath(path, site)
        if any(part.startswith(".gradus-") for part in relative.split(os.sep)):
            continue
        expected = open(path, "rb").read()
        if name.endswith((".html", ".htm")):
            at = expected.rfind(b"</body>")
            expected = expected + tag if at < 0 else expected[:at] + tag + expected[at:]
        status, body, took = get("/" + relative)
        pages += 1
        if took > worst:
            worst, worst_page = took, "/" + relative
        if status != 200 or body != expected:
            wrong.append(f"/{relative}: {status}, {len(body)} of {len(expected)} bytes")
for s in list(clients):
    shut(s)
refused = stats["failed"] + stats["r503"]
print(f"connections attempted: {stats['attempted']}, connected: {stats['connected']}, failed to connect: {stats['failed']}")
print(f"closed by the server: {stats['closed']} (503: {stats['r503']}, 408: {stats['r408']}); refused (503 or no connection): {refused}")
print(f"held at the end: {held}; longest drip kept: {longest_drip:.1f} s (head deadline 10 s)")
print(f"probes during the flood: {stats['probes']}, failed: {stats['probe_failures']}, worst {worst_probe * 1000:.1f} ms")
print(f"pages checked: {pages}, wrong: {len(wrong)}, worst latency {worst * 1000:.1f} ms ({worst_page}), target < 100 ms")
for line in wrong[:10]:
    print("  wrong:", line)
before = len(os.listdir(f"/proc/{pid}/fd"))
time.sleep(3)  # lingering connections close within 2 s
print(f"server descriptors open: {before} as the clients went, {len(os.listdir(f'/proc/{pid}/fd'))} 3 s later")
sys.exit(1 if wrong or worst >= 0.1 or stats["probe_failures"] else 0)
PY
