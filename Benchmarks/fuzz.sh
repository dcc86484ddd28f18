#!/usr/bin/env bash
# Builds one libFuzzer target of Fuzz/ apart from the normal build and runs it for SECONDS under nice.
# Usage: Benchmarks/fuzz.sh TARGET SECONDS [extra libFuzzer flags...]
#   TARGET: markdown | frontmatter | mustache | tex | gift
# The target's file (Fuzz/TARGET/Target.swift) is compiled by swiftc together with the module sources it
# exercises (-sanitize=fuzzer,address, -O), into .build-fuzz/TARGET. The seed corpus is Fuzz/TARGET/seeds
# (read only); new inputs go to .build-fuzz/corpus/TARGET, crashes and hangs to .build-fuzz/artifacts/TARGET/.
# A crash or hang found is fixed, and its input is kept as a regression test (Tests/**/Hostile*).
# The final lines print libFuzzer's statistics: executions, coverage (cov: edges, ft: features), corpus size.
set -euo pipefail
cd "$(dirname "$0")/.."
TARGET="${1:?usage: Benchmarks/fuzz.sh TARGET SECONDS}"
SECONDS_TO_RUN="${2:?usage: Benchmarks/fuzz.sh TARGET SECONDS}"
shift 2
SWIFTC="${SWIFTC:-swiftc}"
case "$TARGET" in
    markdown)    sources=$(find Sources/GradusMarkdown -name '*.swift') ;;
    frontmatter) sources="$(find Sources/GradusContent/FrontMatter Sources/GradusContent/Diagnostics -name '*.swift')
                 Sources/GradusContent/SourceFile.swift" ;;
    mustache)    sources=$(find Sources/GradusRender/Mustache -name '*.swift') ;;
    tex)         sources=$(find Sources/GradusMath -name '*.swift') ;;
    gift)        sources="$(find Sources/GradusMath Sources/GradusQuiz -name '*.swift') Tests/Support/GIFTReader.swift" ;;
    *) echo "unknown target '$TARGET' (markdown, frontmatter, mustache, tex, gift)" >&2; exit 64 ;;
esac
out=".build-fuzz"
mkdir -p "$out/corpus/$TARGET" "$out/artifacts/$TARGET"
binary="$out/$TARGET"
# Rebuild only when a source or the target file is newer than the binary.
if [ ! -x "$binary" ] || [ -n "$(find $sources "Fuzz/$TARGET/Target.swift" -newer "$binary" | head -1)" ]; then
    echo "building $binary" >&2
    nice -n 19 "$SWIFTC" -O -sanitize=fuzzer,address -parse-as-library -module-name "Fuzz_$TARGET" \
        $sources "Fuzz/$TARGET/Target.swift" -o "$binary" 2>&1 | { grep -v 'Cannot export local symbol' || true; } >&2
    [ -x "$binary" ] || { echo "build of $binary failed" >&2; exit 1; }
fi
# EXTRA_SEEDS: more seed folders (e.g. the CommonMark spec's examples, one file each), read only.
SWIFT_BACKTRACE=enable=no nice -n 19 "$binary" -max_total_time="$SECONDS_TO_RUN" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -print_final_stats=1 -artifact_prefix="$out/artifacts/$TARGET/" "$@" \
    "$out/corpus/$TARGET" "Fuzz/$TARGET/seeds" ${EXTRA_SEEDS:-}
