/*
 * hall-usb-testbed: a umockdev testbed that plugs and unplugs an emulated USB device while a
 * child program watches the bus. Test helper for USBHotplugMonitor.
 *
 *   umockdev-wrapper hall-usb-testbed DEVICE.umockdev SYSPATH IOCTL|-|@silent -- PROGRAM ARGS...
 *
 * IOCTL is a umockdev ioctl script for the device's bulk transfers, "-" for none, or
 * "@silent" for a printer that accepts URBs and never completes them (silent_printer.c).
 *
 * Runs PROGRAM with the testbed's environment (it inherits LD_PRELOAD from umockdev-wrapper
 * and UMOCKDEV_DIR from the testbed) and echoes its stdout. Reacts to PROGRAM's lines:
 *   {"testbed":"plug"}   -> attach the IOCTL handler (unless "-"), then add DEVICE; adding it
 *                           synthesizes the "add" uevent, so the handler must be in place first:
 *                           a client that opens the node earlier gets umockdev's default handler
 *                           (every usbdevfs ioctl fails with ENOTTY) for the life of its fd
 *   {"testbed":"unplug"} -> send a "remove" uevent and remove the device
 * Exits with PROGRAM's exit status; the alarm ends it after 30 seconds.
 */
#include "silent_printer.h"
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

int main(int argc, char **argv) {
    if (argc < 6 || strcmp(argv[4], "--") != 0) {
        fprintf(stderr, "usage: umockdev-wrapper %s DEVICE.umockdev SYSPATH IOCTL|- -- PROGRAM ARGS...\n", argv[0]);
        return 64;
    }
    const char *description = argv[1];
    const char *syspath = argv[2];
    const char *ioctl_script = strcmp(argv[3], "-") == 0 ? NULL : argv[3];
    int silent = ioctl_script != NULL && strcmp(ioctl_script, "@silent") == 0;
    if (getenv("LD_PRELOAD") == NULL || strstr(getenv("LD_PRELOAD"), "umockdev") == NULL) {
        fprintf(stderr, "%s must run under umockdev-wrapper\n", argv[0]);
        return 69;
    }
    alarm(30);

    UMockdevTestbed *testbed = umockdev_testbed_new();
    int pipefd[2];
    if (pipe(pipefd) != 0) { perror("pipe"); return 71; }
    pid_t child = fork();
    if (child < 0) { perror("fork"); return 71; }
    if (child == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        execvp(argv[5], argv + 5);
        perror("execvp");
        _exit(127);
    }
    close(pipefd[1]);

    FILE *lines = fdopen(pipefd[0], "r");
    char line[4096];
    int plugged = 0;
    while (fgets(line, sizeof line, lines) != NULL) {
        fputs(line, stdout);
        fflush(stdout);
        if (!plugged && strstr(line, "{\"testbed\":\"plug\"}") != NULL) {
            GError *error = NULL;
            gboolean attached = TRUE;
            if (silent) {
                attached = silent_printer_attach(testbed, "/dev/bus/usb/001/002", &error);
            } else if (ioctl_script != NULL) {
                attached = umockdev_testbed_load_ioctl(testbed, "/dev/bus/usb/001/002", ioctl_script, &error);
            }
            if (!attached) {
                say("ioctl-failed", error ? error->message : "unknown");
                continue;
            }
            if (!umockdev_testbed_add_from_file(testbed, description, &error)) {
                say("add-failed", error ? error->message : "unknown");
                continue;
            }
            plugged = 1;
            say("plugged", syspath);
        } else if (plugged && strstr(line, "{\"testbed\":\"unplug\"}") != NULL) {
            umockdev_testbed_uevent(testbed, syspath, "remove");
            umockdev_testbed_remove_device(testbed, syspath);
            plugged = 0;
            say("unplugged", syspath);
        }
    }
    int status = 0;
    waitpid(child, &status, 0);
    g_object_unref(testbed);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 70;
}
