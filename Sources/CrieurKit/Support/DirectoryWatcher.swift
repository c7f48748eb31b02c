import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Wakes the worker when files appear in a folder (inotify), when a stop signal
/// arrives (a pipe written by the signal handler), or when a timeout passes.
/// inotify can overflow, so callers still rescan now and then.
public final class DirectoryWatcher {
    private let inotifyFD: Int32

    public init(directory: String) throws {
        inotifyFD = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard inotifyFD >= 0 else { throw FileSystemError(operation: "inotify_init1", path: directory) }
        let mask = UInt32(IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB | IN_MODIFY)
        guard inotify_add_watch(inotifyFD, directory, mask) >= 0 else {
            let code = errno
            Glibc.close(inotifyFD)
            throw FileSystemError(operation: "inotify_add_watch", path: directory, code: code)
        }
    }

    deinit {
        Glibc.close(inotifyFD)
    }

    /// Waits up to `timeout` seconds for a change in the folder or a byte on
    /// `stopFD`. Returns true when the folder changed.
    public func wait(timeout: TimeInterval, stopFD: Int32) -> Bool {
        var fds = [pollfd(fd: inotifyFD, events: Int16(POLLIN), revents: 0)]
        if stopFD >= 0 { fds.append(pollfd(fd: stopFD, events: Int16(POLLIN), revents: 0)) }
        let milliseconds = Int32(max(0, min(timeout, 3_600)) * 1_000)
        let ready = poll(&fds, nfds_t(fds.count), milliseconds)
        guard ready > 0 else { return false }  // timeout or EINTR from a signal
        var changed = false
        var buffer = [UInt8](repeating: 0, count: 4_096)
        for pfd in fds where pfd.revents & Int16(POLLIN) != 0 {
            // Drain: only the fact of a change matters, the queue is rescanned.
            while buffer.withUnsafeMutableBytes({ read(pfd.fd, $0.baseAddress, $0.count) }) > 0 {
                if pfd.fd == inotifyFD { changed = true }
            }
        }
        return changed
    }
}
