import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` on a file, held as long as the value lives. The kernel
/// drops it when the process dies, which is how a worker's crash is told apart
/// from a worker that is merely slow.
///
/// Released explicitly (`LOCK_UN`) before the descriptor is closed: a process
/// spawned meanwhile by another thread holds a copy of every descriptor until
/// it execs (`O_CLOEXEC` acts only then), and a lock merely closed would stay
/// held through that copy — the next taker without `wait` would find it busy
/// (the newsletter sender would skip its turn).
public final class FileLock {
    private let fd: Int32
    public let path: String

    /// Takes the lock; without `wait`, nil when another process holds it. With
    /// `wait`, blocks until the holder releases it (or dies).
    public init?(path: String, wait: Bool = false) throws {
        let fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path) }
        while flock(fd, wait ? LOCK_EX : LOCK_EX | LOCK_NB) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(fd)
            if code == EWOULDBLOCK { return nil }
            throw FileSystemError(operation: "flock", path: path, code: code)
        }
        self.fd = fd
        self.path = path
    }

    deinit {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
