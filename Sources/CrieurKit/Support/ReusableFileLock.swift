import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An exclusive `flock(2)` taken and released many times on one open lock file,
/// for a lock held around each of many short writes (a delivery record per
/// newsletter message): it saves opening and closing the file every time. The
/// lock file must never be replaced while it is in use (`data/consent.lock` is
/// not). The kernel drops the lock when the process dies. Errors are thrown as
/// `FileSystemError`.
public final class ReusableFileLock {
    public let path: String
    private let fd: Int32

    public init(path: String) throws {
        fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path) }
        self.path = path
    }

    deinit {
        close(fd)
    }

    /// Runs `body` holding the lock, after waiting for another process to release it.
    public func withLock<T>(_ body: () throws -> T) throws -> T {
        while flock(fd, LOCK_EX) != 0 {
            let code = errno
            if code != EINTR { throw FileSystemError(operation: "flock", path: path, code: code) }
        }
        defer { flock(fd, LOCK_UN) }
        return try body()
    }
}
