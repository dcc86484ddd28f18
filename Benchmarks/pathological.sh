#!/usr/bin/env bash
# Times `gradus markdown` (release build) and, on the same inputs in the same run, `cmark` on each hostile input
# of Benchmarks/markdown/pathological.py at two sizes ten times apart, and prints each tool's times and their
# ratio: linear is about 10; the target is under 15. The `html` column compares Gradus' output with cmark's
# at size N (`same`; `differs`, with the reason where cmark 0.30.2 is known to be wrong; `-` for the lesson
# dialect's cases, which cmark does not define).
# Usage: Benchmarks/pathological.sh [N] [NAME…]   (default N = 20000; the large size is 10 N; default: every case)
# GRADUS overrides the command (default: .build-release/release/gradus markdown); CMARK the reference (cmark).
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-20000}"
shift || true
if [ -z "${GRADUS:-}" ]; then
    swift build -c release --scratch-path .build-release --product gradus >&2
    GRADUS=".build-release/release/gradus markdown"
fi
CMARK="${CMARK:-$(command -v cmark || true)}"
[ -n "$CMARK" ] || echo "cmark is not installed (apt-get install cmark): its columns stay empty" >&2
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 - "$N" "$work" "$GRADUS" "$CMARK" "$@" <<'PY'
import shlex, subprocess, sys, threading, time
sys.path.insert(0, "Benchmarks/markdown")
from pathological import CASES, CMARK_030_DIFFERS
n, work, gradus, cmark, names = int(sys.argv[1]), sys.argv[2], shlex.split(sys.argv[3]), sys.argv[4], sys.argv[5:]
LIMIT = 60  # seconds per run; a run past it is stopped and prints as "> 60"

def timed(args):
    """The fastest of five runs in seconds (other work on a shared machine only ever adds time), or None when
    one runs past LIMIT. The wait blocks in waitpid (subprocess's timeout polls with sleeps, which would round
    the times)."""
    best = None
    for _ in range(5):
        start = time.perf_counter()
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL)
        timer = threading.Timer(LIMIT, process.kill)
        timer.start()
        status = process.wait()
        t = time.perf_counter() - start
        timer.cancel()
        if t >= LIMIT:
            return None
        if status != 0:
            sys.exit("%s failed with status %d" % (" ".join(args), status))
        best = t if best is None else min(best, t)
        if t > 5:
            break  # one slow run is measure enough
    return best

def seconds(t):
    return "> %d" % LIMIT if t is None else "%.4f" % t

def ratio(times):
    return None if None in times else times[1] / max(times[0], 1e-4)

print("%-34s %9s %9s %6s | %9s %9s %6s | %s" % ("case", "gradus N", "10N", "ratio", "cmark N", "10N", "ratio", "html"))
worst = 0.0
for name, make in CASES.items():
    if names and name not in names:
        continue
    lesson = name.startswith("lesson-")
    ours, theirs = [], []
    for size in (n, 10 * n):
        path = "%s/%s-%d.md" % (work, name, size)
        with open(path, "w") as f:
            f.write(make(size))
        # A tool that ran past the limit at N is not run at 10 N.
        ours.append(timed(gradus + ([] if lesson else ["--commonmark"]) + [path]) if None not in ours else None)
        if cmark and not lesson:
            theirs.append(timed([cmark, path]) if None not in theirs else None)
    same = "-"
    if cmark and not lesson:
        path = "%s/%s-%d.md" % (work, name, n)
        try:
            a = subprocess.run(gradus + ["--commonmark", path], capture_output=True, timeout=LIMIT).stdout
            b = subprocess.run([cmark, path], capture_output=True, timeout=LIMIT).stdout
            same = "same" if a == b else "differs" + (" (%s)" % CMARK_030_DIFFERS[name] if name in CMARK_030_DIFFERS else "")
        except subprocess.TimeoutExpired:
            same = "(too slow to compare)"
    r = ratio(ours)
    worst = max(worst, float("inf") if r is None else r)
    rc = ratio(theirs) if theirs else None
    print("%-34s %9s %9s %6s | %9s %9s %6s | %s%s" % (
        name, seconds(ours[0]), seconds(ours[1]), "-" if r is None else "%.1f" % r,
        seconds(theirs[0]) if theirs else "-", seconds(theirs[1]) if theirs else "-",
        "-" if rc is None else "%.1f" % rc, same, "" if r is not None and r < 15 else "  over 15"))
print("worst gradus ratio: %.1f (target: under 15)" % worst)
PY
