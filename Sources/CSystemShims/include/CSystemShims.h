// CSystemShims: Linux facilities the queue needs that Swift's Glibc module does
// not expose, kept in C because they must be async-signal-safe or are missing
// from the module map.
#ifndef CRIEUR_CSYSTEM_SHIMS_H
#define CRIEUR_CSYSTEM_SHIMS_H

/// rename(2) that fails with EEXIST instead of replacing the destination
/// (renameat2 with RENAME_NOREPLACE). Returns 0 or -1 with errno set.
int crieur_rename_noreplace(const char *from, const char *to);

/// Installs SIGTERM/SIGINT handlers (without SA_RESTART) that record the stop
/// request and write one byte to a non-blocking pipe, so a poll(2) loop wakes;
/// unblocks both in case the parent left them blocked.
/// Returns the pipe's read end, or -1 with errno set.
int crieur_install_stop_handler(void);

/// 1 once SIGTERM or SIGINT has been received, else 0.
int crieur_stop_requested(void);

#endif
