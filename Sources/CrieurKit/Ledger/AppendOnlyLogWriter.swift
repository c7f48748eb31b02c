import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// An `AppendOnlyLog` kept open for many appends, for ledgers written at a high
/// rate (one delivery record per message sent).
///
/// Each `append` hands its whole line to the kernel with one `write` before it
/// returns, so a process killed at any moment loses nothing it appended. Lines
/// reach the disk (fdatasync) every `syncEvery` appends, at `sync()` and when the
/// writer is released: with `syncEvery` 1 every line is on disk before `append`
/// returns; with more, a power cut may lose the last lines since the last sync
/// (group commit). Errors are thrown as `FileSystemError`.
public final class AppendOnlyLogWriter {
    public let path: String
    private let fd: Int32
    /// Device and inode of the open file, to tell whether it is still the one at `path`.
    private let device: UInt64
    private let inode: UInt64
    private let syncEvery: Int
    private var unsynced = 0

    public init(path: String, syncEvery: Int = 1) throws {
        precondition(syncEvery >= 1, "syncEvery must be at least 1")
        self.path = path
        self.syncEvery = syncEvery
        let existed = try FileSystem.info(path) != nil
        fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path) }
        var open = stat()
        guard fstat(fd, &open) == 0 else { let error = FileSystemError(operation: "fstat", path: path); close(fd); throw error }
        do { try DataPermissions.enforce(fd: fd, path: path) } catch { close(fd); throw error }
        device = UInt64(open.st_dev)
        inode = UInt64(open.st_ino)
        if !existed {
            do { try FileSystem.syncDirectory(FileSystem.parent(of: path)) } catch { close(fd); throw error }
        }
    }

    deinit {
        if unsynced > 0 { _ = fdatasync(fd) }
        close(fd)
    }

    /// Appends one line; `line` holds no line break, the writer adds it.
    public func append(line: [UInt8]) throws {
        var data = Data(line)
        data.append(0x0A)
        // One write for the whole line: with O_APPEND it lands whole at the end.
        try FileSystem.writeAll(fd: fd, data: data, path: path)
        unsynced += 1
        if unsynced >= syncEvery { try sync() }
    }

    /// False when another file now sits at `path` (renamed over it, as an
    /// erasure does) or none does: appends would go to a file nobody reads.
    public var isCurrent: Bool {
        var named = stat()
        guard lstat(path, &named) == 0 else { return false }
        return UInt64(named.st_dev) == device && UInt64(named.st_ino) == inode
    }

    /// Puts every appended line on disk.
    public func sync() throws {
        guard unsynced > 0 else { return }
        guard fdatasync(fd) == 0 else { throw FileSystemError(operation: "fdatasync", path: path) }
        unsynced = 0
    }
}
