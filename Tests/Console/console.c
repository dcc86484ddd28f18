#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <sys/ioctl.h>
#include <stdlib.h>
#include <unistd.h>

// Swift Testing's default output (one line per test started and per test finished) ends with "Test run with N
// tests in M suites passed|failed …". Its hierarchical tree (SWT_ENABLE_EXPERIMENTAL_CONSOLE_OUTPUT=1) is
// printed all at once at the very end, and runs were seen whose tree stopped part-way, summary and all, though
// every test passed: so it is left to those who ask for it.
//
// `swift test` reads the tests' output through pipes; a 1 MiB pipe takes a large write at once. (Where the
// output is not a pipe, or the size cannot be raised, the calls fail and change nothing.) The process may then
// exit while the output still sits in the pipe, and a reader that stops at the process's exit would lose its
// end: on exit the streams are flushed and the process waits, up to 5 s each, until its reader has taken
// everything.
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
    fcntl(STDOUT_FILENO, F_SETPIPE_SZ, 1 << 20);
    fcntl(STDERR_FILENO, F_SETPIPE_SZ, 1 << 20);
    atexit(gradus_test_console_drain);
}
