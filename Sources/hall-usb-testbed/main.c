/*
 * hall-usb-testbed: a umockdev testbed that plugs and unplugs an emulated USB device while a
 * child program watches the bus. Test helper for USBHotplugMonitor.
 *
 *   umockdev-wrapper hall-usb-testbed DEVICE.umockdev SYSPATH IOCTL|-|@silent -- PROGRAM ARGS...
 *
 * IOCTL is a umockdev ioctl script for the device's bulk transfers, "-" for none,
 * "@silent" for a printer that accepts URBs and never completes them (silent_printer.c), or
 * "@serial:CHIP[:RELAY]" for a USB-serial bridge (usb_serial.c) whose line goes to the tty RELAY.
 *
 * Runs PROGRAM with the testbed's environment (it inherits LD_PRELOAD from umockdev-wrapper
 * and UMOCKDEV_DIR from the testbed) and echoes its stdout. Reacts to PROGRAM's lines:
 *   {"testbed":"plug"}   -> attach the IOCTL handler (unless "-"), then add DEVICE; adding it
 *                           synthesizes the "add" uevent, so the handler must be in place first:
 *                           a client that opens the node earlier gets umockdev's default handler
 *                           (every usbdevfs ioctl fails with ENOTTY) for the life of its fd
 *   {"testbed":"unplug"} -> send a "remove" uevent and remove the device
 * The same lines on the testbed's own standard input work too (for a PROGRAM such as halld that
 * does not print them). With $HALL_TESTBED_PLUG_FIRST set, the device is plugged before PROGRAM
 * starts (a daemon that looks for devices at start-up). Exits with PROGRAM's exit status; the alarm ends both after
 * $HALL_TESTBED_SECONDS (default 30) seconds.
 */
#include "silent_printer.h"
#include "usb_serial.h"
#include <errno.h>
#include <poll.h>
#include <sys/prctl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static void say(const char *what, const char *detail) {
    printf("{\"testbed\":\"%s\",\"detail\":\"%s\"}\n", what, detail ? detail : "");
    fflush(stdout);
}

static pid_t child = -1;

static void on_term(int sig) {
    (void)sig;
    if (child > 0) kill(child, SIGTERM); /* the loop ends when PROGRAM has gone */
}

static void on_alarm(int sig) {
    (void)sig;
    if (child > 0) kill(child, SIGKILL);
    _exit(70);
}

/* Splits what arrives on a descriptor into lines. */
typedef struct {
    int fd;
    char buffer[8192];
    size_t used;
    int open;
} LineReader;

/* Reads what is available; calls `line` for each complete line. Returns 0 at end of file. */
static int read_lines(LineReader *r, void (*line)(char *, int), int echo) {
    ssize_t n = read(r->fd, r->buffer + r->used, sizeof r->buffer - 1 - r->used);
    if (n < 0 && (errno == EINTR || errno == EAGAIN)) return 1;
    if (n <= 0) return 0;
    r->used += (size_t)n;
    char *start = r->buffer;
    char *newline;
    while ((newline = memchr(start, '\n', r->used - (size_t)(start - r->buffer))) != NULL) {
        *newline = '\0';
        line(start, echo);
        start = newline + 1;
    }
    r->used -= (size_t)(start - r->buffer);
    memmove(r->buffer, start, r->used);
    if (r->used == sizeof r->buffer - 1) r->used = 0; /* an overlong line: drop it */
    return 1;
}

static UMockdevTestbed *testbed;
static const char *description;
static const char *syspath;
static const char *ioctl_spec;
static int plugged = 0;
static int attached = 0;

static void plug(void) {
    GError *error = NULL;
    gboolean ok = TRUE;
    if (ioctl_spec != NULL && strncmp(ioctl_spec, "@serial:", 8) == 0) {
        if (!attached) ok = usb_serial_attach(testbed, "/dev/bus/usb/001/002", ioctl_spec + 8, &error);
        else usb_serial_plugged();
    } else if (ioctl_spec != NULL && strcmp(ioctl_spec, "@silent") == 0) {
        ok = silent_printer_attach(testbed, "/dev/bus/usb/001/002", &error);
    } else if (ioctl_spec != NULL) {
        ok = umockdev_testbed_load_ioctl(testbed, "/dev/bus/usb/001/002", ioctl_spec, &error);
    }
    if (!ok) {
        say("ioctl-failed", error ? error->message : "unknown");
        return;
    }
    attached = 1;
    if (!umockdev_testbed_add_from_file(testbed, description, &error)) {
        say("add-failed", error ? error->message : "unknown");
        return;
    }
    plugged = 1;
    say("plugged", syspath);
}

static void unplug(void) {
    if (ioctl_spec != NULL && strncmp(ioctl_spec, "@serial:", 8) == 0) usb_serial_unplugged();
    umockdev_testbed_uevent(testbed, syspath, "remove");
    umockdev_testbed_remove_device(testbed, syspath);
    plugged = 0;
    say("unplugged", syspath);
}

static void on_line(char *line, int echo) {
    if (echo) {
        fputs(line, stdout);
        fputc('\n', stdout);
        fflush(stdout);
    }
    if (!plugged && strstr(line, "{\"testbed\":\"plug\"}") != NULL) plug();
    else if (plugged && strstr(line, "{\"testbed\":\"unplug\"}") != NULL) unplug();
}

int main(int argc, char **argv) {
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: umockdev-wrapper %s DEVICE.umockdev SYSPATH IOCTL|-|@silent|@serial:CHIP[:RELAY] -- PROGRAM ARGS...\n", argv[0]);
        return 64;
    }
    description = argv[1];
    syspath = argv[2];
    ioctl_spec = strcmp(argv[3], "-") == 0 ? NULL : argv[3];
    if (getenv("LD_PRELOAD") == NULL || strstr(getenv("LD_PRELOAD"), "umockdev") == NULL) {
        fprintf(stderr, "%s must run under umockdev-wrapper\n", argv[0]);
        return 69;
    }
    /* A parent such as a Swift test runner may start us with most signals blocked (its threads
     * block them); the alarm and the SIGTERM forwarding need them, and PROGRAM inherits the mask. */
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    const char *seconds = getenv("HALL_TESTBED_SECONDS");
    signal(SIGALRM, on_alarm);
    alarm(seconds ? (unsigned)atoi(seconds) : 30);

    testbed = umockdev_testbed_new();
    if (getenv("HALL_TESTBED_PLUG_FIRST") != NULL) plug();
    int pipefd[2];
    if (pipe(pipefd) != 0) { perror("pipe"); return 71; }
    child = fork();
    if (child < 0) { perror("fork"); return 71; }
    if (child == 0) {
        prctl(PR_SET_PDEATHSIG, SIGKILL); /* never outlive the testbed */
        dup2(pipefd[1], STDOUT_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        execvp(argv[5], argv + 5);
        perror("execvp");
        _exit(127);
    }
    close(pipefd[1]);
    signal(SIGTERM, on_term);

    LineReader fromChild = { .fd = pipefd[0], .open = 1 };
    LineReader fromTest = { .fd = STDIN_FILENO, .open = 1 };
    while (fromChild.open) {
        struct pollfd fds[2] = { { fromChild.fd, POLLIN, 0 }, { fromTest.fd, POLLIN, 0 } };
        int count = poll(fds, fromTest.open ? 2 : 1, -1);
        if (count < 0 && errno == EINTR) continue;
        if (count < 0) break;
        if (fds[0].revents) fromChild.open = read_lines(&fromChild, on_line, 1);
        if (fromTest.open && fds[1].revents) fromTest.open = read_lines(&fromTest, on_line, 0);
    }
    int status = 0;
    waitpid(child, &status, 0);
    g_object_unref(testbed);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
}
