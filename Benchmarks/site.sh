#!/usr/bin/env bash
# Site build speed: Gradus vs Hugo on the same synthetic courses (LESSONS lessons × 3 languages, for each size
# given), and the real course. For each tool and size: a fresh build (each run into a new output folder, so every
# file is created) and a rebuild with nothing changed (into the folder of the previous run), each the best of RUNS
# (default 5), the two tools taking turns in the same run. Prints pages per second for both, their ratio, and peak
# memory (GNU time's maximum resident set, the highest of the runs) beside Hugo's.
# Usage: Benchmarks/site.sh [LESSONS…]   (default 300 3000)   RUNS=N to change the number of runs.
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(300 3000)
runs=${RUNS:-5}
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
swift build -c release --product gradus --scratch-path .build-release >/dev/null
gradus=$PWD/.build-release/release/gradus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

timed() {  # output file, command…: runs it under GNU time, appends "seconds kB" to the file
    local into=$1
    shift
    # Dirty pages of the previous run flushed first (untimed), so that no tool pays for the other's writes.
    sync
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >/dev/null 2>&1
    cat "$work/time" >> "$into"
}
best() {  # file of "seconds kB" lines: the fewest seconds and the most kB
    awk 'NR == 1 || $1 < s {s = $1} $2 > k {k = $2} END {print s, k}' "$1"
}
rate() { awk "BEGIN{printf \"%.0f\", $1 / ($2 > 0 ? $2 : 0.001)}"; }

echo "| course | build | Gradus pages/s | Hugo pages/s | ratio | Gradus peak MB | Hugo peak MB | memory ratio |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
for lessons in "${sizes[@]}"; do
    course=$work/course-$lessons
    python3 Benchmarks/site/generate.py "$course" "$lessons"
    rm -f "$work"/*.times
    for run in $(seq "$runs"); do
        # Fresh: a new folder each run. Rebuild: the same folder again, nothing changed.
        (cd "$course/gradus" && timed "$work/gradus-fresh.times" "$gradus" build --templates "$repo/templates" --out "$course/g-$run")
        (cd "$course/gradus" && timed "$work/gradus-rebuild.times" "$gradus" build --templates "$repo/templates" --out "$course/g-$run")
        (cd "$course/hugo" && timed "$work/hugo-fresh.times" hugo --quiet --destination "$course/h-$run")
        (cd "$course/hugo" && timed "$work/hugo-rebuild.times" hugo --quiet --destination "$course/h-$run")
        rm -rf "$course/g-$((run - 1))" "$course/h-$((run - 1))"
    done
    gpages=$(find "$course/g-$runs" -name '*.html' | wc -l)
    hpages=$(find "$course/h-$runs" -name '*.html' | wc -l)
    for kind in fresh rebuild; do
        read -r gs gkb < <(best "$work/gradus-$kind.times")
        read -r hs hkb < <(best "$work/hugo-$kind.times")
        gr=$(rate "$gpages" "$gs")
        hr=$(rate "$hpages" "$hs")
        printf "| %d × 3 | %s | %s (%d pages, %.2f s) | %s (%d pages, %.2f s) | %s× | %d | %d | %s |\n" \
            "$lessons" "$kind" "$gr" "$gpages" "$gs" "$hr" "$hpages" "$hs" "$(awk "BEGIN{printf \"%.2f\", $gr / $hr}")" \
            $((gkb / 1024)) $((hkb / 1024)) "$(awk "BEGIN{printf \"%.2f\", $gkb / $hkb}")"
    done
    rm -rf "$course"
done
# The real course in a fresh folder: the first build computes every simulation, the second reads the cache.
mkdir -p "$work/real" && cp -r "$repo/content" "$repo/templates" "$work/real/"
for pass in "first build (simulations computed)" "second build (simulation cache)"; do
    (cd "$work/real" && /usr/bin/time -f "%e %M" -o "$work/time" "$gradus" build >/dev/null 2>&1)
    read -r rs rkb < "$work/time"
    printf "real course, %s: %.2f s, peak %d MB\n" "$pass" "$rs" $((rkb / 1024))
done
