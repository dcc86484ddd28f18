#!/bin/sh
# Runs the whole test suite under a sanitizer, apart from the normal build, and prints a summary: tests run,
# issues, sanitizer reports, suppressed reports, exit status and wall time. The address and undefined-behaviour
# modes check memory and arithmetic safety; the thread sanitizer is here because the engine's matmul, the
# simulation runner and `gradus serve` run threads.
# Usage: Benchmarks/sanitizers.sh [address|thread|undefined|all]   (default: address)
#   address    builds the tests with --sanitize=address into .build-asan/ and runs them. AddressSanitizer stops
#              at the first heap, stack or global buffer overflow, use after free, use after return or scope,
#              double free (halt_on_error=1); at exit LeakSanitizer lists memory no longer reachable. Leaks whose
#              allocation stack is in the toolchain's own libraries are suppressed by
#              Benchmarks/sanitizers/lsan.supp, each entry explained there; none names a Gradus frame.
#   thread     builds with --sanitize=thread into .build-tsan/ and runs the tests; ThreadSanitizer reports each
#              data race, lock-order inversion and unsafe signal use, and keeps going (halt_on_error=0) so one
#              run lists them all. False positives are suppressed by Benchmarks/sanitizers/tsan.supp, each
#              explained there (one: a contended Synchronization.Mutex, whose slow path TSan cannot see).
#   undefined  Swift has no UndefinedBehaviorSanitizer on Linux (swiftc refuses -sanitize=undefined for
#              x86_64-unknown-linux-gnu; this mode prints what `swift build --sanitize=undefined` answers), and
#              Gradus has no C code for clang's. In Swift the compiler's own checks stand in for it: integer
#              overflow and narrowing traps, array and string bounds, force-unwrap of nil, and exclusive access
#              (checked at run time by default since Swift 5, in -O builds too). -Ounchecked removes the first
#              ones and -enforce-exclusivity=unchecked the last. This mode (1) compiles a small canary for each
#              check at -Onone and at -O (the numeric modules build with -O in debug) and requires it to trap,
#              and the overflow canary at -Ounchecked not to (the control), (2) requires that Package.swift
#              passes no flag that removes a check, (3) runs the suite in debug into .build-ub/ with
#              -enforce-exclusivity=checked spelled out (it is the default: this is the configuration of
#              `swift test`, checked rather than assumed). It does not cover unsafe pointers
#              (UnsafeMutablePointer, withUnsafeBufferPointer, the matmul kernel's SIMD loads) or wrapping
#              arithmetic (&+, &*), which Swift does not check: the address mode is what checks the pointers.
#   all        the three, in that order; fails when any fails.
# Tests that run the gradus binary as a child process (fault injection, size limits, tmux, serve) find it at
# .build/debug/gradus, which this script builds first, unsanitized, as `swift test` would; a sanitized binary
# would not start under the size-limit tests' `ulimit -v` (ASan reserves terabytes of shadow address space).
# Everything else runs in the sanitized test process.
# Tests that need an outside oracle skip when it is missing, as in `swift test` (CI=true makes them fail).
# Not part of .ci/run: on two shared cores the three modes take about 9 minutes, after about 6 minutes of builds
# the first time, and CI must stay under 20 minutes. Figures of clean runs: Fuzz/README.md, "Sanitizers". Logs:
# .build-asan/sanitizers.log, .build-tsan/sanitizers.log, .build-ub/sanitizers.log.
set -eu
cd "$(dirname "$0")/.."
root=$PWD
mode=${1:-address}
case "$mode" in
    address|thread|undefined|all) ;;
    *) echo "usage: Benchmarks/sanitizers.sh [address|thread|undefined|all]" >&2; exit 64 ;;
esac

# Builds the tests into scratch path $1 with the flags that follow, after the debug binary that the child-process
# tests run (TestSupport's GradusBinary.debug). The compiler's output goes to $1/build.log.
build() {
    scratch=$1
    shift
    mkdir -p "$scratch"
    echo "building (log: $scratch/build.log)"
    start=$(date +%s)
    if swift build --product gradus >"$scratch/build.log" 2>&1 &&
       swift build --build-tests --scratch-path "$scratch" "$@" >>"$scratch/build.log" 2>&1; then
        echo "build time:         $(( $(date +%s) - start )) s"
        return 0
    fi
    grep -a 'error:' "$scratch/build.log" | head -20 >&2
    echo "the build failed (log: $scratch/build.log)" >&2
    return 1
}

# Prints the tests' part of the summary from the `swift test` log $1.
summarize() {
    log=$1
    run=$(grep -a 'Test run with' "$log" | tail -1 || true)
    tests=$(echo "$run" | sed -n 's/.*Test run with \([0-9]*\) tests.*/\1/p')
    issues=$(echo "$run" | sed -n 's/.* with \([0-9]*\) issues\{0,1\}\.$/\1/p')
    skipped=$(grep -ac '^➜ Test .* skipped' "$log" || true)
    echo "tests:              ${tests:-?} run, ${skipped} skipped (missing oracles), ${issues:-0} issues"
    echo "test result:        $(echo "$run" | sed 's/^[^T]*//')"
}

# Runs `swift test` on an existing build; $1 is the scratch path, $2 the log, the rest extra flags.
run_tests() {
    scratch=$1 log=$2
    shift 2
    echo "running the tests (log: $log)"
    start=$(date +%s)
    if swift test --scratch-path "$scratch" --skip-build "$@" >"$log" 2>&1; then status=0; else status=$?; fi
    seconds=$(( $(date +%s) - start ))
}

address() {
    echo "== address: swift build --build-tests --sanitize=address --scratch-path .build-asan"
    build .build-asan --sanitize=address || return 1
    ASAN_OPTIONS=detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1 \
    LSAN_OPTIONS=suppressions=$root/Benchmarks/sanitizers/lsan.supp:print_suppressions=1 \
        run_tests .build-asan .build-asan/sanitizers.log --sanitize=address
    log=.build-asan/sanitizers.log
    summarize "$log"
    echo "ASan errors:        $(grep -ac 'ERROR: AddressSanitizer' "$log" || true)"
    # LeakSanitizer runs at the exit of each test process (XCTest's pass, then swift-testing's).
    leaks=$(grep -acE '^(Direct|Indirect) leak of' "$log" || true)
    # LeakSanitizer's table: "Suppressions used:", a header "count bytes template", one line per pattern used.
    table='/^Suppressions used:/ {on = 1; next} on && / count +bytes / {next} on && /^ *[0-9]+ +[0-9]+ / {'
    suppressed=$(awk "$table"' n += $1; b += $2; next} on {on = 0} END {printf "%d leaks, %d bytes", n, b}' "$log")
    echo "leaks:              $leaks unsuppressed; suppressed: $suppressed"
    awk "$table"' print "                    " $0; next} on {on = 0}' "$log"
    echo "exit status:        $status"
    echo "test time:          ${seconds} s"
    [ "$status" -eq 0 ] && [ "$leaks" -eq 0 ]
}

thread() {
    echo "== thread: swift build --build-tests --sanitize=thread --scratch-path .build-tsan"
    build .build-tsan --sanitize=thread || return 1
    TSAN_OPTIONS="halt_on_error=0:suppressions=$root/Benchmarks/sanitizers/tsan.supp:print_suppressions=1" \
        run_tests .build-tsan .build-tsan/sanitizers.log --sanitize=thread
    log=.build-tsan/sanitizers.log
    summarize "$log"
    races=$(grep -ac 'WARNING: ThreadSanitizer' "$log" || true)
    echo "TSan reports:       $races"
    grep -a 'WARNING: ThreadSanitizer' "$log" | sort | uniq -c | sed 's/^/                    /' || true
    suppressed=$(awk '/^ThreadSanitizer: Matched [0-9]+ suppressions/ {on = 1; next}
                      on && /^ *[0-9]+ +[a-z_]+:/ {n += $1; next} on {on = 0} END {print n + 0}' "$log")
    echo "suppressed:         $suppressed"
    echo "exit status:        $status"
    echo "test time:          ${seconds} s"
    [ "$status" -eq 0 ] && [ "$races" -eq 0 ]
}

undefined() {
    echo "== undefined"
    canaries=$(mktemp -d)
    trap 'rm -rf "$canaries"' EXIT
    # What SwiftPM answers (it stops before compiling anything).
    if swift build --sanitize=undefined --scratch-path "$canaries/probe" >"$canaries/probe.log" 2>&1; then
        echo "swift build --sanitize=undefined was accepted: this mode should use it" >&2
    fi
    echo "swift build --sanitize=undefined: $(grep -a 'error:' "$canaries/probe.log" | head -1)"
    # (1) Each canary breaks one rule at run time and must trap at -Onone and at -O.
    n='CommandLine.arguments.count'  # a value the optimiser cannot fold
    echo "print(Int.max + $n)" > "$canaries/overflow.swift"
    echo "print([1, 2, 3][$n + 2])" > "$canaries/bounds.swift"
    echo "print(Int8(127 + $n))" > "$canaries/narrowing.swift"
    echo "let s: String? = $n > 0 ? nil : \"x\"; print(s!)" > "$canaries/unwrap.swift"
    cat > "$canaries/exclusivity.swift" <<'EOF'
final class Box { var values = [1, 2, 3] }
@inline(never) func append(to values: inout [Int], while body: () -> Void) { body(); values.append(0) }
let box = Box()
append(to: &box.values) { box.values.append(9) }  // a second access to box.values while the first is open
print(box.values)
EOF
    failed=0
    for canary in overflow bounds narrowing unwrap exclusivity; do
        for opt in -Onone -O; do
            swiftc $opt -enforce-exclusivity=checked "$canaries/$canary.swift" -o "$canaries/$canary" 2>/dev/null
            if SWIFT_BACKTRACE=enable=no "$canaries/$canary" >/dev/null 2>&1; then code=0; else code=$?; fi
            if [ "$code" -gt 128 ]; then outcome="traps (signal $((code - 128)))"; else outcome="DOES NOT TRAP"; failed=1; fi
            printf '  canary %-12s %-11s %s\n' "$canary" "$opt" "$outcome"
        done
    done
    # The control: -Ounchecked removes the overflow check, so this one must not trap.
    swiftc -Ounchecked "$canaries/overflow.swift" -o "$canaries/unchecked" 2>/dev/null
    if SWIFT_BACKTRACE=enable=no "$canaries/unchecked" >/dev/null 2>&1; then
        printf '  canary %-12s %-11s %s\n' overflow -Ounchecked "does not trap (the control: the check is what traps)"
    else
        printf '  canary %-12s %-11s %s\n' overflow -Ounchecked "traps: the canaries may trap for another reason"; failed=1
    fi
    # (2) No target may turn a check off.
    if grep -nE 'Ounchecked|enforce-exclusivity=(unchecked|none)|remove-runtime-asserts|assert-config' Package.swift; then
        echo "Package.swift turns off a runtime check" >&2; failed=1
    else
        echo "Package.swift: no -Ounchecked, -enforce-exclusivity=unchecked or -remove-runtime-asserts"
    fi
    # (3) The suite, debug, exclusivity checking spelled out.
    build .build-ub -Xswiftc -enforce-exclusivity=checked || return 1
    run_tests .build-ub .build-ub/sanitizers.log -Xswiftc -enforce-exclusivity=checked
    log=.build-ub/sanitizers.log
    summarize "$log"
    traps=$(grep -acE 'Fatal error|Simultaneous accesses|Illegal instruction|Trace/breakpoint trap' "$log" || true)
    echo "runtime traps:      $traps"
    echo "exit status:        $status"
    echo "test time:          ${seconds} s"
    [ "$status" -eq 0 ] && [ "$failed" -eq 0 ] && [ "$traps" -eq 0 ]
}

case "$mode" in
    all)
        failures=0
        address || failures=$((failures + 1))
        thread || failures=$((failures + 1))
        undefined || failures=$((failures + 1))
        echo "== all: $failures of 3 modes failed"
        [ "$failures" -eq 0 ] ;;
    *) "$mode" ;;
esac
