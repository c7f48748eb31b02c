import CSystemShims
import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Thin, checked wrappers over the POSIX calls the queue relies on. Foundation's
/// `FileManager.moveItem` races and may copy; the queue needs `rename(2)`
/// exactly, `O_NOFOLLOW`, `flock` and directory fsyncs.
///
/// Every failure is a thrown `FileSystemError` carrying errno, so the caller can
/// tell "someone else took it" (ENOENT) from "the disk is full" (ENOSPC).
public enum FileSystem {
    public enum Kind: Sendable, Equatable { case regular, directory, symbolicLink, other }

    public struct Info: Sendable, Equatable {
        public var kind: Kind
        public var size: Int
        public var modified: Date
        public var linkCount: Int
        /// The inode's change time: moved on by every write, truncation or rename, and
        /// unlike the modification time, never set back by a program.
        public var statusChanged: Date = .distantPast
    }

    /// `lstat(2)`: never follows a symbolic link. Nil when the path does not exist.
    public static func info(_ path: String) throws -> Info? {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { return nil }
            throw FileSystemError(operation: "lstat", path: path)
        }
        let kind: Kind
        switch st.st_mode & S_IFMT {
        case S_IFREG: kind = .regular
        case S_IFDIR: kind = .directory
        case S_IFLNK: kind = .symbolicLink
        default: kind = .other
        }
        let seconds = Double(st.st_mtim.tv_sec) + Double(st.st_mtim.tv_nsec) / 1_000_000_000
        let changed = Double(st.st_ctim.tv_sec) + Double(st.st_ctim.tv_nsec) / 1_000_000_000
        return Info(kind: kind, size: Int(st.st_size), modified: Date(timeIntervalSince1970: seconds),
                    linkCount: Int(st.st_nlink), statusChanged: Date(timeIntervalSince1970: changed))
    }

    /// The names in a directory, without `.` and `..`, sorted for reproducible order.
    /// Names that are not valid UTF-8 are left out: no `String` path reaches them
    /// (`rawNames` does, for the queue to rename them).
    public static func names(in directory: String) throws -> [String] {
        try rawNames(in: directory).compactMap(\.string).sorted()
    }

    /// The names in a directory as the kernel stores them, without `.` and `..`.
    public static func rawNames(in directory: String) throws -> [RawFileName] {
        guard let dir = opendir(directory) else { throw FileSystemError(operation: "opendir", path: directory) }
        defer { closedir(dir) }
        var result: [RawFileName] = []
        while let entry = readdir(dir) {
            let bytes = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                Array(raw.prefix(while: { $0 != 0 }))
            }
            if bytes != [0x2E] && bytes != [0x2E, 0x2E] { result.append(RawFileName(bytes)) }
        }
        return result
    }

    /// `moveNoReplace` for a file of `directory` whose name is not UTF-8.
    public static func moveNoReplace(_ name: RawFileName, in directory: String, to: String) throws -> Bool {
        let path = Array(directory.utf8) + [UInt8(ascii: "/")] + name.bytes + [0]
        let result = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { crieur_rename_noreplace($0.baseAddress!, to) }
        }
        if result == 0 { return true }
        if errno == ENOENT { return false }
        throw FileSystemError(operation: "rename", path: to)
    }

    /// Reads a regular file without following a symbolic link, refusing more than
    /// `maxBytes` (it reads one byte more to tell). Opening with O_NONBLOCK keeps a
    /// FIFO dropped in the queue from blocking the worker.
    public static func read(_ path: String, maxBytes: Int) throws -> ReadResult {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path) }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileSystemError(operation: "fstat", path: path) }
        guard st.st_mode & S_IFMT == S_IFREG else { return .notRegular }
        if Int(st.st_size) > maxBytes { return .tooLarge(Int(st.st_size)) }
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            let n = buffer.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "read", path: path)
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            if data.count > maxBytes { return .tooLarge(data.count) }
        }
        return .contents(data)
    }

    public enum ReadResult: Sendable, Equatable {
        case contents(Data)
        case tooLarge(Int)
        case notRegular
    }

    /// Writes `data` so that the file is either absent, the old one, or complete:
    /// temporary name in the same folder, fsync, rename over the target, fsync the folder.
    public static func writeDurably(_ data: Data, to path: String, mode: mode_t = 0o644) throws {
        let directory = parent(of: path)
        let base = (path as NSString).lastPathComponent
        let temporary = "\(directory)/.\(base).\(getpid()).\(UInt32.random(in: 0...UInt32.max)).tmp"
        let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: temporary) }
        var ok = false
        defer {
            if !ok { unlink(temporary) }
        }
        do {
            try writeAll(fd: fd, data: data, path: temporary)
            guard fchmod(fd, mode) == 0 else { throw FileSystemError(operation: "fchmod", path: temporary) }
            guard fsync(fd) == 0 else { throw FileSystemError(operation: "fsync", path: temporary) }
        } catch {
            close(fd)
            throw error
        }
        close(fd)
        guard Glibc.rename(temporary, path) == 0 else { throw FileSystemError(operation: "rename", path: path) }
        ok = true
        try syncDirectory(directory)
    }

    static func writeAll(fd: Int32, data: Data, path: String) throws {
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw FileSystemError(operation: "write", path: path)
                }
                offset += n
            }
        }
    }

    /// Makes a completed rename or create in `directory` survive a power cut.
    public static func syncDirectory(_ directory: String) throws {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: directory) }
        defer { close(fd) }
        guard fsync(fd) == 0 else { throw FileSystemError(operation: "fsync", path: directory) }
    }

    /// `renameat2(RENAME_NOREPLACE)`: fails with EEXIST rather than replacing.
    /// Returns false when the source vanished (another worker took it).
    public static func moveNoReplace(from: String, to: String) throws -> Bool {
        if crieur_rename_noreplace(from, to) == 0 { return true }
        if errno == ENOENT { return false }
        throw FileSystemError(operation: "rename", path: to)
    }

    /// The folder holding `path`, worked out on the string: "." for a bare
    /// relative name, "/" for a name at the root. Foundation's
    /// `deletingLastPathComponent` crashes on a bare relative name with this
    /// toolchain (`crieur demo x` died of it), and answers "" where a folder is needed.
    public static func parent(of path: String) -> String {
        var trimmed = Substring(path)
        while trimmed.count > 1, trimmed.hasSuffix("/") { trimmed = trimmed.dropLast() }
        guard let slash = trimmed.lastIndex(of: "/") else { return "." }
        var folder = trimmed[..<slash]
        while folder.hasSuffix("/") { folder = folder.dropLast() }
        return folder.isEmpty ? "/" : String(folder)
    }

    /// Creates a folder (and its parents) with the given mode if it does not exist.
    public static func makeDirectory(_ path: String, mode: mode_t = 0o755) throws {
        if let existing = try info(path) {
            guard existing.kind == .directory else {
                throw FileSystemError(operation: "mkdir", path: path, code: ENOTDIR)
            }
            return
        }
        let folder = parent(of: path)
        if folder != "." && folder != path { try makeDirectory(folder, mode: 0o755) }
        if mkdir(path, mode) != 0 && errno != EEXIST { throw FileSystemError(operation: "mkdir", path: path) }
        _ = chmod(path, mode)
    }

    public static func setModificationTime(_ path: String, to date: Date) throws {
        let seconds = date.timeIntervalSince1970.rounded(.down)
        let nanos = (date.timeIntervalSince1970 - seconds) * 1_000_000_000
        let stamp = timespec(tv_sec: Int(seconds), tv_nsec: Int(nanos))
        var times = [stamp, stamp]
        guard utimensat(AT_FDCWD, path, &times, AT_SYMLINK_NOFOLLOW) == 0 else {
            throw FileSystemError(operation: "utimensat", path: path)
        }
    }

    public static func currentDirectory() -> String {
        guard let buffer = getcwd(nil, 0) else { return "." }
        defer { free(buffer) }
        return String(cString: buffer)
    }

    public static func remove(_ path: String) throws {
        if unlink(path) != 0 && errno != ENOENT { throw FileSystemError(operation: "unlink", path: path) }
    }

    public static func removeDirectory(_ path: String) throws {
        if rmdir(path) != 0 && errno != ENOENT { throw FileSystemError(operation: "rmdir", path: path) }
    }
}

/// A system call failed; `code` is errno. Its description is French, for the
/// logs and messages staff read (`SystemErrorText`).
public struct FileSystemError: Error, Sendable, CustomStringConvertible {
    public var operation: String
    public var path: String
    public var code: Int32

    public init(operation: String, path: String, code: Int32 = errno) {
        self.operation = operation
        self.path = path
        self.code = code
    }

    public var description: String {
        let action = SystemErrorText.action(operation)
        let elided = action.first.map { "aeéiou".contains($0) } == true ? "d'" : "de "
        return "impossible \(elided)\(action) « \(path) » : \(SystemErrorText.reason(code))"
    }
}
