import Glibc

/// Seconds on a clock that never jumps (CLOCK_MONOTONIC), for deadlines that a change of the wall clock must not
/// stretch or cut.
enum MonotonicClock {
    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
