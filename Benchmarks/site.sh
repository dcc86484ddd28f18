#!/usr/bin/env bash
# Site build speed: Gradus vs Hugo on the same synthetic course (LESSONS lessons × 3 languages), and the real
# course. Prints pages per second for both, their ratio, and peak memory (GNU time's maximum resident set).
# Usage: Benchmarks/site.sh [LESSONS]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$PWD
lessons=${1:-1000}
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
swift build -c release --product gradus --scratch-path .build-release >/dev/null
gradus=$PWD/.build-release/release/gradus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/site/generate.py "$work" "$lessons"

# Fastest of three runs, each into a new output folder, so both tools create every file (cold).
measure() {  # label, output flag, command…: prints seconds and peak kB
    local best_s=999999 best_kb=0 label=$1 flag=$2
    shift 2
    for run in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time" "$@" "$flag" "$work/$label-$run" >/dev/null 2>&1
        read -r s kb < "$work/time"
        if awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
    done
    echo "$best_s $best_kb"
}

cd "$work/gradus"
read -r gcold gcoldkb < <(measure gradus --out "$gradus" build --templates "$repo/templates")
gpages=$(find "$work/gradus-1" -name '*.html' | wc -l)
# A rebuild with nothing changed: Gradus compares and leaves every file as it is.
/usr/bin/time -f "%e %M" -o "$work/time" "$gradus" build --templates "$repo/templates" --out "$work/gradus-1" >/dev/null 2>&1
read -r gs gkb < "$work/time"
cd "$work/hugo"
read -r hs hkb < <(measure hugo --destination hugo --quiet)
hpages=$(find "$work/hugo-1" -name '*.html' | wc -l)
cd "$repo"

rate() { awk "BEGIN{printf \"%.0f\", $1 / ($2 > 0 ? $2 : 0.001)}"; }
echo "synthetic course: $lessons lessons × 3 languages"
printf "gradus build:           %6d pages in %5.2f s = %7s pages/s, peak %d MB\n" "$gpages" "$gcold" "$(rate "$gpages" "$gcold")" $((gcoldkb / 1024))
printf "hugo:                   %6d pages in %5.2f s = %7s pages/s, peak %d MB\n" "$hpages" "$hs" "$(rate "$hpages" "$hs")" $((hkb / 1024))
printf "gradus, nothing changed: %5d pages in %5.2f s = %7s pages/s, peak %d MB\n" "$gpages" "$gs" "$(rate "$gpages" "$gs")" $((gkb / 1024))
awk "BEGIN{printf \"gradus/hugo speed ratio (pages/s): %.2f×\n\", ($gpages/($gcold>0?$gcold:0.001)) / ($hpages/($hs>0?$hs:0.001))}"
# The real course in a fresh folder: the first build computes every simulation, the second reads the cache.
mkdir -p "$work/real" && cp -r "$repo/content" "$repo/templates" "$work/real/"
for pass in "first build (simulations computed)" "second build (simulation cache)"; do
    (cd "$work/real" && /usr/bin/time -f "%e %M" -o "$work/time" "$gradus" build >/dev/null 2>&1)
    read -r rs rkb < "$work/time"
    printf "real course, %s: %.2f s, peak %d MB\n" "$pass" "$rs" $((rkb / 1024))
done
