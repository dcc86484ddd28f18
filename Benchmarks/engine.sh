#!/bin/sh
# Times GradusEngine against the same computations in numpy: a training step of a 10-layer, width-64 MLP on a
# batch of 128, and forward + backward through time of a 100-step LSTM of width 32 (batch 1, and batch 32).
# The engine is compiled like the package's release build (-O, whole module, nothing CPU-specific) into
# .build-release/ (git-ignored). numpy runs without OPENBLAS_CORETYPE / OPENBLAS_L2_SIZE, which slow it here.
# Each side runs ROUNDS times (default 3), alternating, and the fastest round counts, so that other work on a
# shared machine disturbs the comparison less. Prints, per case: Gradus µs, numpy µs, and their ratio
# (Gradus / numpy; below 1 means Gradus is faster), then the load average.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
out="$root/.build-release/engine-bench"
rounds=${ROUNDS:-3}
mkdir -p "$out"
swiftc -O -wmo -module-name GradusEngineBench \
    $(find "$root/Sources/GradusEngine" -name '*.swift' | sort) "$root/Benchmarks/engine/main.swift" \
    -o "$out/engine-bench"
: > "$out/gradus.all"
: > "$out/numpy.all"
i=0
while [ "$i" -lt "$rounds" ]; do
    "$out/engine-bench" >> "$out/gradus.all"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/Benchmarks/engine_numpy.py" >> "$out/numpy.all"
    i=$((i + 1))
done
fastest() { sort -k1,1 -k2,2g "$1" | awk '!seen[$1]++'; }
fastest "$out/gradus.all" > "$out/gradus.txt"
fastest "$out/numpy.all" > "$out/numpy.txt"
printf '%-22s %12s %12s %8s\n' case "gradus µs" "numpy µs" ratio
join "$out/gradus.txt" "$out/numpy.txt" | while read -r name gradus numpy; do
    printf '%-22s %12s %12s %8s\n' "$name" "$gradus" "$numpy" "$(echo "$gradus $numpy" | awk '{printf "%.2f", $1 / $2}')"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
