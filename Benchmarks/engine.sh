#!/bin/sh
# Times GradusEngine against the same computations in numpy: a training step of a 10-layer, width-64 MLP on a
# batch of 128, and forward + backward through time of a 100-step LSTM of width 32 (batch 1, and batch 32).
# The engine is compiled like the package's release build (-O, whole module, nothing CPU-specific) into
# .build-release/ (git-ignored); on a CPU with AVX its matrix products, tanh and sigmoid run the kernels it
# generates at run time (GRADUS_PORTABLE_KERNELS=1 times the portable SSE2 code instead), and the products fuse
# their multiply-adds on every machine (with either kernel: the same bits). numpy runs without OPENBLAS_CORETYPE /
# OPENBLAS_L2_SIZE, which slow it here. numpy is timed twice: as installed (OpenBLAS picks its threads) and with OPENBLAS_NUM_THREADS=1, since on
# a busy machine OpenBLAS's spinning threads can make it many times slower; the ratio uses the faster of the
# two, so it never flatters Gradus. Each program runs ROUNDS times (default 3), alternating, and the fastest
# round counts. Prints, per case: Gradus µs, both numpy µs, the ratio Gradus / best numpy (below 1: Gradus is
# faster), then the kernel used and the load average. Each case comes twice: in wall-clock time, and as
# NAME_cpu in the process's CPU time, which a busy machine (a load average above the 2 cores) inflates far
# less: read the _cpu rows there. numpy's threads all count in its CPU time, so its single-thread run is the
# fair one for those rows.
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
: > "$out/numpy1.all"
i=0
while [ "$i" -lt "$rounds" ]; do
    "$out/engine-bench" >> "$out/gradus.all"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE python3 "$root/Benchmarks/engine_numpy.py" >> "$out/numpy.all"
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OPENBLAS_NUM_THREADS=1 \
        python3 "$root/Benchmarks/engine_numpy.py" >> "$out/numpy1.all"
    i=$((i + 1))
done
fastest() { sort -k1,1 -k2,2g "$1" | awk '!seen[$1]++'; }
fastest "$out/gradus.all" > "$out/gradus.txt"
fastest "$out/numpy.all" > "$out/numpy.txt"
fastest "$out/numpy1.all" > "$out/numpy1.txt"
printf '%-22s %11s %11s %13s %7s\n' case "gradus µs" "numpy µs" "numpy 1t µs" ratio
join "$out/gradus.txt" "$out/numpy.txt" | join - "$out/numpy1.txt" | while read -r name gradus numpy numpy1; do
    ratio=$(echo "$gradus $numpy $numpy1" | awk '{best = $2 < $3 ? $2 : $3; printf "%.2f", $1 / best}')
    printf '%-22s %11s %11s %13s %7s\n' "$name" "$gradus" "$numpy" "$numpy1" "$ratio"
done
echo "matrix-product kernel: $("$out/engine-bench" --kernel)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
