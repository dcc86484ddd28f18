#!/usr/bin/env bash
# Site build speed: Gradus vs Hugo on the same synthetic course (LESSONS lessons × 3 languages), and the real
# course. Prints pages per second for both, their ratio, and peak memory (GNU time's maximum resident set).
# Usage: Benchmarks/site.sh [LESSONS]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
lessons=${1:-1000}
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install hugo)" >&2; exit 1; }
swift build -c release --product gradus --scratch-path .build-release >/dev/null
gradus=$PWD/.build-release/release/gradus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/site/generate.py "$work" "$lessons"

measure() {  # name, command…: prints seconds and peak kB of the fastest of three runs
    local best_s=999999 best_kb=0
    for _ in 1 2 3; do
        /usr/bin/time -f "%e %M" -o "$work/time" "${@:2}" >/dev/null 2>&1
        read -r s kb < "$work/time"
        if awk "BEGIN{exit !($s < $best_s)}"; then best_s=$s; best_kb=$kb; fi
    done
    echo "$best_s $best_kb"
}

cd "$work/gradus"
read -r gs gkb < <(measure gradus "$gradus" build --templates "$OLDPWD/templates" --out "$work/gradus-site")
gpages=$(find "$work/gradus-site" -name '*.html' | wc -l)
# Later runs only compare files; time a cold build too (empty output folder) so the writes are counted.
rm -rf "$work/gradus-site"
/usr/bin/time -f "%e %M" -o "$work/time" "$gradus" build --templates "$OLDPWD/templates" --out "$work/gradus-site" >/dev/null 2>&1
read -r gcold gcoldkb < "$work/time"
cd "$work/hugo"
read -r hs hkb < <(measure hugo hugo --quiet --destination "$work/hugo-site")
hpages=$(find "$work/hugo-site" -name '*.html' | wc -l)
cd "$OLDPWD"

rate() { awk "BEGIN{printf \"%.0f\", $1 / ($2 > 0 ? $2 : 0.001)}"; }
echo "synthetic course: $lessons lessons × 3 languages"
printf "gradus build (cold): %6d pages in %5.2f s = %7s pages/s, peak %d MB\n" "$gpages" "$gcold" "$(rate "$gpages" "$gcold")" $((gcoldkb / 1024))
printf "gradus build (warm): %6d pages in %5.2f s = %7s pages/s, peak %d MB\n" "$gpages" "$gs" "$(rate "$gpages" "$gs")" $((gkb / 1024))
printf "hugo:                %6d pages in %5.2f s = %7s pages/s, peak %d MB\n" "$hpages" "$hs" "$(rate "$hpages" "$hs")" $((hkb / 1024))
awk "BEGIN{printf \"gradus/hugo speed ratio (cold, pages/s): %.2f×\n\", ($gpages/($gcold>0?$gcold:0.001)) / ($hpages/($hs>0?$hs:0.001))}"
/usr/bin/time -f "%e %M" -o "$work/time" "$gradus" build --out "$work/real-site" >/dev/null 2>&1
read -r rs rkb < "$work/time"
printf "real course: %.2f s, peak %d MB\n" "$rs" $((rkb / 1024))
