#!/usr/bin/env bash
# Times every simulation of `gradus simulate --list` at its default parameters in a release build, then all of
# them together, and says which ones take 1 s or more (the budget each simulation is held to).
# Usage: Benchmarks/simulations.sh [RUNS]   (RUNS: timed runs per simulation, the best is shown; default 3)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}
swift build -c release --product gradus --scratch-path .build-release >&2
gradus=.build-release/release/gradus
names=$("$gradus" simulate --list | grep -E '^[a-z0-9-]+:' | cut -d: -f1)

# Best wall-clock time of RUNS runs of a command, in seconds, from bash's own clock.
best_of() {
    local best="" start end elapsed
    for _ in $(seq "$runs"); do
        start=$(date +%s.%N)
        "$@" > /dev/null
        end=$(date +%s.%N)
        elapsed=$(echo "$end - $start" | bc)
        if [ -z "$best" ] || [ "$(echo "$elapsed < $best" | bc)" = 1 ]; then best=$elapsed; fi
    done
    echo "$best"
}

all_together() { for name in $names; do "$gradus" simulate "$name"; done; }

slow=0
printf '%-24s %10s\n' simulation seconds
for name in $names; do
    t=$(best_of "$gradus" simulate "$name")
    printf '%-24s %10.3f\n' "$name" "$t"
    if [ "$(echo "$t >= 1" | bc)" = 1 ]; then slow=$((slow + 1)); fi
done
printf '%-24s %10.3f\n' "all together" "$(best_of all_together)"
if [ "$slow" -gt 0 ]; then echo "$slow simulation(s) take 1 s or more" >&2; exit 1; fi
