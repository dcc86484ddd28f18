#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <unistd.h>

// `swift test` prints one line per test started and per test passed (thousands of lines), and its final line
// counts tests without telling skipped ones apart. Swift Testing's hierarchical console output ends instead with
// one summary line, "N tests completed (pass: P, skip: S, fail: F)", followed by the details of each failure.
// It is chosen by an environment variable read when the run starts, so it is set here, as the test bundle loads:
// before Swift Testing reads it. A value the caller set wins (SWT_ENABLE_EXPERIMENTAL_CONSOLE_OUTPUT=0 gives
// the line-per-test output back, with each failed expectation in full).
//
// That output is written all at once when the run ends, well over a pipe's 64 KiB: `swift test` reads the
// tests' output through pipes, and a failing run's tree was seen cut in the middle, its summary lost. A 1 MiB
// pipe takes the whole write at once. (Where the output is not a pipe, or the size cannot be raised, the calls
// fail and change nothing.)
//
// A large pipe takes the write at once, so the process may exit while the output still sits in the pipe, and a
// reader that stops at the process's exit loses its end (a passing run was once seen cut at 128 kB). On exit the
// streams are flushed and the process waits, up to 5 s each, until its reader has taken everything.
static void gradus_test_console_drain(void) {
    fflush(NULL);
    for (int fd = STDOUT_FILENO; fd <= STDERR_FILENO; fd++) {
        for (int wait = 0; wait < 500; wait++) {
            int unread = 0;
            if (ioctl(fd, FIONREAD, &unread) != 0 || unread <= 0) break;
            usleep(10000);
        }
    }
}

__attribute__((constructor)) static void gradus_test_console(void) {
    setenv("SWT_ENABLE_EXPERIMENTAL_CONSOLE_OUTPUT", "1", 0);
    fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
    fcntl(STDERR_FILENO, F_SETPIPE_SZ, 1 << 20);
    atexit(gradus_test_console_drain);
}
