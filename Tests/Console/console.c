#include <stdlib.h>

// `swift test` prints one line per test started and per test passed (thousands of lines), and its final line
// counts tests without telling skipped ones apart. Swift Testing's hierarchical console output ends instead with
// one summary line, "N tests completed (pass: P, skip: S, fail: F)", followed by the details of each failure.
// It is chosen by an environment variable read when the run starts, so it is set here, as the test bundle loads:
// before Swift Testing reads it. A value the caller set wins (SWT_ENABLE_EXPERIMENTAL_CONSOLE_OUTPUT=0 gives
// the line-per-test output back, with each failed expectation in full).
__attribute__((constructor)) static void gradus_test_console(void) {
    setenv("SWT_ENABLE_EXPERIMENTAL_CONSOLE_OUTPUT", "1", 0);
}
