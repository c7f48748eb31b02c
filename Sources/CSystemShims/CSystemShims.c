#define _GNU_SOURCE
#include "CSystemShims.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int crieur_rename_noreplace(const char *from, const char *to) {
    return renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE);
}

static volatile sig_atomic_t stop_requested = 0;
static int stop_pipe[2] = {-1, -1};

static void on_stop_signal(int signo) {
    (void)signo;
    int saved = errno;
    stop_requested = 1;
    if (stop_pipe[1] >= 0) {
        char byte = 1;
        ssize_t ignored = write(stop_pipe[1], &byte, 1);
        (void)ignored;
    }
    errno = saved;
}

int crieur_install_stop_handler(void) {
    if (stop_pipe[0] < 0 && pipe2(stop_pipe, O_NONBLOCK | O_CLOEXEC) != 0) {
        return -1;
    }
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_handler = on_stop_signal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = 0; /* no SA_RESTART: poll(2) returns EINTR */
    if (sigaction(SIGTERM, &action, NULL) != 0) return -1;
    if (sigaction(SIGINT, &action, NULL) != 0) return -1;
    /* The signal mask is inherited across exec: a parent that blocks SIGTERM
       (a thread pool's worker spawning us, some supervisors) would otherwise
       leave the service deaf to the stop request until it is SIGKILLed mid-item. */
    sigset_t stop_signals;
    sigemptyset(&stop_signals);
    sigaddset(&stop_signals, SIGTERM);
    sigaddset(&stop_signals, SIGINT);
    if (pthread_sigmask(SIG_UNBLOCK, &stop_signals, NULL) != 0) return -1;
    return stop_pipe[0];
}

int crieur_stop_requested(void) {
    return stop_requested ? 1 : 0;
}
