#!/usr/bin/env bash
# Throughput of `gradus markdown --commonmark`, `gradus markdown` (lesson dialect), cmark and pulldown-cmark on
# the same large lesson-like file (Benchmarks/markdown/make_lessons.py, seeded), in MB/s (best of RUNS), and
# Gradus' ratio to each reference. The tools take turns run by run, so that load from other work on the machine
# falls on all of them alike. Wall-clock time is the figure; the CPU time (user + system) of each process is
# printed beside it, the steadier one on a machine that other work keeps busy.
# Usage: Benchmarks/markdown.sh [MEGABYTES=10] [RUNS=5]; GRADUS overrides the command
# (default: .build-release/release/gradus markdown, built here with -c release).
set -euo pipefail
cd "$(dirname "$0")/.."
MB="${1:-10}"
RUNS="${2:-5}"
if [ -z "${GRADUS:-}" ]; then
    swift build -c release --scratch-path .build-release --product gradus >&2
    GRADUS=".build-release/release/gradus markdown"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/markdown/make_lessons.py "$MB" > "$work/lessons.md"
python3 - "$work/lessons.md" "$RUNS" "$GRADUS" <<'PY'
import os, resource, shlex, shutil, subprocess, sys, time
path, runs, gradus = sys.argv[1], int(sys.argv[2]), shlex.split(sys.argv[3])
size = os.path.getsize(path)
tools = [("gradus --commonmark", gradus + ["--commonmark", path]),
         ("gradus (lesson)", gradus + [path])]
if shutil.which("cmark"):
    tools.append(("cmark", ["cmark", path]))
if shutil.which("pulldown-cmark"):
    tools.append(("pulldown-cmark", ["sh", "-c", 'exec pulldown-cmark < "$0"', path]))
best = {name: (None, None) for name, _ in tools}
for _ in range(runs):
    for name, args in tools:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run(args, stdout=subprocess.DEVNULL, check=True)
        t = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        wall, used = best[name]
        best[name] = (t if wall is None else min(wall, t), cpu if used is None else min(used, cpu))
speed, cpu_speed = {}, {}
print("input: %.1f MB, best of %d runs" % (size / 1e6, runs))
for name, _ in tools:
    wall, cpu = best[name]
    speed[name] = size / 1e6 / wall
    cpu_speed[name] = size / 1e6 / max(cpu, 1e-9)
    print("%-22s %8.3f s %8.1f MB/s   cpu %6.3f s %8.1f MB/s" % (name, wall, speed[name], cpu, cpu_speed[name]))
for ours in ("gradus --commonmark", "gradus (lesson)"):
    for ref in ("cmark", "pulldown-cmark"):
        if ref in speed:
            print("%-22s / %-15s %5.2fx   cpu %5.2fx" % (ours, ref, speed[ours] / speed[ref],
                                                       cpu_speed[ours] / cpu_speed[ref]))
PY
