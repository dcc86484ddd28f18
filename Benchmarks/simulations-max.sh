#!/usr/bin/env bash
# Times every simulation of `gradus simulate --list` at the most expensive values its ranges allow, in a release
# build, and says which ones take 5 s or more (the budget: any allowed parameters, under 5 s).
#
# The cases, read off --list: each parameter alone at the costly end of its range, the others at their
# defaults (whole numbers and real numbers at the top, except `every`, "show every this many rows", at 1, its
# most rows); each other option of each choice; then a few combined cases (the structural parameters at their
# ends together: the sizes that multiply into the cost). ALL=1 adds, per simulation, every
# parameter at its end at once: the work of those multiplies (seeds × depth × width² × batch …), and several
# take minutes. Each run is named by its --set arguments; wall and CPU (user + system) seconds are shown.
# A busy machine (load average above its cores) inflates the wall time: compare the CPU time then.
# Usage: Benchmarks/simulations-max.sh [RUNS] [NAME…]
#   RUNS: timed runs per case, the best is shown (default 1); NAMEs: only these simulations (default: all).
# GRADUS=path/to/gradus skips the build and times that binary. LIMIT=seconds (default 60) stops a run that
# takes longer (shown as "> LIMIT").
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
shift || true
limit=${LIMIT:-60}
if [ -z "${GRADUS:-}" ]; then
    swift build -c release --product gradus --scratch-path .build-release >&2
    GRADUS=.build-release/release/gradus
fi
gradus=$GRADUS

# `name key=default (range): help` lines of --list, as "name<TAB>key<TAB>default<TAB>range" rows.
listing=$("$gradus" simulate --list | awk '
    /^[a-z0-9-]+:/ { name = substr($1, 1, length($1) - 1); next }
    /^    / {
        split($1, kv, "="); range = $2; sub(/^\(/, "", range); sub(/\):?$/, "", range)
        print name "\t" kv[1] "\t" kv[2] "\t" range
    }')
names=${*:-$(printf '%s\n' "$listing" | cut -f1 | uniq)}

# The --set arguments of the most expensive case of one simulation, choices at their default.
top_settings() {
    printf '%s\n' "$listing" | awk -F'\t' -v sim="$1" '
        $1 == sim {
            n = split($4, ends, "…")
            if (n == 2 && $2 == "every") printf " --set %s=%s", $2, ends[1]
            else if (n == 2) printf " --set %s=%s", $2, ends[2]
        }'
}

# Each other option of each choice: "key=value" lines.
other_choices() {
    printf '%s\n' "$listing" | awk -F'\t' -v sim="$1" '
        $1 == sim && index($4, "…") == 0 {
            n = split($4, options, "|")
            for (i = 1; i <= n; i++) if (options[i] != $3) print $2 "=" options[i]
        }'
}

# "WALL CPU" seconds of the fastest of RUNS runs (CPU: user + system, all threads), "> LIMIT" for a run that
# was stopped, or "failed (STATUS)".
best_of() {
    local best="" cpu="" result status wall used
    for _ in $(seq "$runs"); do
        status=0
        result=$( { TIMEFORMAT='%R %U %S'; time timeout "$limit" "$@" > /dev/null 2>&1 || echo "status $?" >&2; } 2>&1 ) || true
        case $result in
            *"status 124"*) echo "> $limit -"; return ;;
            *status*) echo "failed(${result##*status }) -"; return ;;
        esac
        wall=$(echo "$result" | awk '{print $1}')
        used=$(echo "$result" | awk '{print $2 + $3}')
        if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc)" = 1 ]; then best=$wall; cpu=$used; fi
    done
    printf '%.3f %.3f' "$best" "$cpu"
}

combined="rnn-gradients|hidden=128 max_k=200
depth-gradients|depth=100 width=512
lstm-vs-rnn|hidden=128 max_k=200
batchnorm|depth=100 width=256
strategies|depth=30 width=128"

slow=0
report() {   # name, settings, "wall cpu"
    local wall=${3% *} cpu=${3##* }
    wall=${wall% -}
    printf '%-24s %8s %8s  %s\n' "$1" "$wall" "$cpu" "$2"
    case $wall in
        ">"*|failed*) slow=$((slow + 1)) ;;
        *) if [ "$(echo "$wall >= 5" | bc)" = 1 ]; then slow=$((slow + 1)); fi ;;
    esac
}

printf '%-24s %8s %8s  %s\n' simulation wall cpu "parameters (--set)"
for name in $names; do
    top=$(top_settings "$name")
    # shellcheck disable=SC2086
    for setting in $top; do
        [ "$setting" = --set ] && continue
        report "$name" "--set $setting" "$(best_of "$gradus" simulate "$name" --set "$setting")"
    done
    for choice in $(other_choices "$name"); do
        report "$name" "--set $choice" "$(best_of "$gradus" simulate "$name" --set "$choice")"
    done
    # shellcheck disable=SC2086
    # The combined cases: the structural parameters at their ends together.
    while IFS='|' read -r simulation settings; do
        [ "$simulation" = "$name" ] || continue
        args=()
        for setting in $settings; do args+=(--set "$setting"); done
        report "$name" "${args[*]}" "$(best_of "$gradus" simulate "$name" "${args[@]}")"
    done <<< "$combined"
    # shellcheck disable=SC2086
    [ -n "$top" ] && [ -n "${ALL:-}" ] && report "$name" "$top" "$(best_of "$gradus" simulate "$name" $top)"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
if [ "$slow" -gt 0 ]; then echo "$slow case(s) take 5 s or more" >&2; exit 1; fi
