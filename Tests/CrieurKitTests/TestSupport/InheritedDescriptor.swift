import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// What a process spawned by another thread holds between its `clone` and its
/// `exec`: a copy of every descriptor of this process, `O_CLOEXEC` or not, so
/// the same open file — and the `flock` on it — as the original. Foundation's
/// `Process` on Linux (`posix_spawn`) leaves that window open for as long as the
/// child takes to close its descriptors one by one and exec; with tests running
/// in parallel in one process it is hit by luck. Here it is made on purpose:
/// a duplicate of this process's descriptor for `path` (found in `/proc/self/fd`),
/// kept until `close()`.
final class InheritedDescriptor {
    private var fd: Int32

    /// Nil when no descriptor of this process has `path` open.
    init?(of path: String) throws {
        let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        for name in try FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd") {
            guard let number = Int32(name),
                  let link = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\(name)"),
                  link == target || link == path else { continue }
            let copy = dup(number)
            guard copy >= 0 else { continue }
            fd = copy
            return
        }
        return nil
    }

    func close() {
        if fd >= 0 { Glibc.close(fd) }
        fd = -1
    }

    deinit { close() }
}
