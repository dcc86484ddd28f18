#!/usr/bin/env bash
# Times `gradus markdown` (release build) on each hostile input of Benchmarks/markdown/pathological.py at two
# sizes ten times apart and prints the ratio of the times: linear is about 10; the target is under 15 (cmark 0.31).
# Usage: Benchmarks/pathological.sh [N]   (default N = 20000; the large size is 10 N)
# GRADUS overrides the command (default: .build-release/release/gradus markdown).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
if [ -z "${GRADUS:-}" ]; then
    swift build -c release --scratch-path .build-release --product gradus >&2
    GRADUS=".build-release/release/gradus markdown"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$N" "$work" "$GRADUS" <<'PY'
import shlex, subprocess, sys, time
sys.path.insert(0, "Benchmarks/markdown")
from pathological import CASES
n, work, command = int(sys.argv[1]), sys.argv[2], shlex.split(sys.argv[3])

def timed(path, dialect):
    args = command + (["--commonmark"] if dialect == "commonmark" else []) + [path]
    best = None
    for _ in range(3):
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, check=True, timeout=300)
        t = time.perf_counter() - start
        best = t if best is None else min(best, t)
    return best

print("%-34s %10s %10s %7s" % ("case", "N s", "10N s", "ratio"))
worst = 0.0
for name, make in CASES.items():
    dialect = "lesson" if name.startswith("lesson-") else "commonmark"
    times = []
    for size in (n, 10 * n):
        path = "%s/%s-%d.md" % (work, name, size)
        with open(path, "w") as f:
            f.write(make(size))
        times.append(timed(path, dialect))
    ratio = times[1] / max(times[0], 1e-4)
    worst = max(worst, ratio)
    print("%-34s %10.4f %10.4f %7.1f%s" % (name, times[0], times[1], ratio, "" if ratio < 15 else "  over 15"))
print("worst ratio: %.1f (target: under 15)" % worst)
PY
