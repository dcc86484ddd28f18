#!/usr/bin/env bash
# Quiz start-up: the time from starting `gradus quiz` to its first prompt, for the real course and a synthetic
# course of LESSONS lessons × 3 languages (3 questions each). Standard input is closed, so each run shows the
# title and the first question, prompts, reads end of input and prints its summary: start to first prompt plus a
# few lines. Release build. Target: under 50 ms for the real course.
# Usage: Benchmarks/quiz.sh [LESSONS]   (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
lessons=${1:-1000}
swift build -c release --product gradus --scratch-path .build-release >/dev/null
gradus=$PWD/.build-release/release/gradus
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 Benchmarks/quiz/generate.py "$work/synthetic" "$lessons"

measure() {  # label, arguments…: median and best of 15 runs in ms (after 2 warm-up runs)
    local label=$1; shift
    for _ in 1 2; do "$gradus" "$@" </dev/null >/dev/null 2>&1 || true; done
    for _ in $(seq 15); do
        local start end
        start=$(date +%s%N)
        "$gradus" "$@" </dev/null >"$work/out" 2>&1 || true
        end=$(date +%s%N)
        echo $(( (end - start) / 1000 ))
    done | sort -n | awk -v label="$label" '{ t[NR] = $1 } END {
        printf "%-44s median %7.1f ms   best %7.1f ms\n", label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000 }'
    grep -q "Question 1 of" "$work/out" || { echo "unexpected output:" >&2; cat "$work/out" >&2; exit 1; }
}

echo "gradus quiz, start to first prompt (release, $(nproc) cores, load $(cut -d' ' -f1 /proc/loadavg))"
measure "real course (content/)" quiz --content content --lang en --seed 1 --progress "$work/p.json"
measure "synthetic: $lessons lessons × 3 languages" quiz --content "$work/synthetic/content" --lang en --seed 1 \
    --lesson "lesson-$lessons" --progress "$work/p.json"
