import Foundation

#if canImport(Glibc)
import Glibc
#endif

extension AppendOnlyLog {
    /// What a ledger holds from some offset on: its complete lines, numbered,
    /// and what follows the last line break, if anything.
    public struct Contents: Sendable {
        /// Complete lines (without their line break) and their 1-based numbers.
        public var lines: [(number: Int, bytes: Data)]
        /// Bytes after the last line break: a record being written right now by
        /// another process, or one cut short by a power cut or a full disk.
        public var unterminatedTail: Data?
        /// Offset just after the last complete line: where the next read starts.
        public var consumedOffset: Int
        /// The file's identity (device and inode) when it was read; an erasure
        /// replaces the file by a rename and changes it.
        public var identity: FileIdentity?
    }

    /// Device and inode: tells a replaced ledger from an appended one.
    public struct FileIdentity: Sendable, Equatable {
        public var device: UInt64
        public var inode: UInt64
    }

    /// Identity and size of the ledger now; nil when it does not exist.
    public func identityAndSize() throws -> (identity: FileIdentity, size: Int)? {
        var st = stat()
        guard lstat(path, &st) == 0 else {
            if errno == ENOENT { return nil }
            throw FileSystemError(operation: "lstat", path: path)
        }
        return (FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino)), Int(st.st_size))
    }

    /// Reads from `offset` to the end. `firstLineNumber` numbers the first line
    /// read (the caller knows how many came before). A missing file reads as empty.
    public func read(from offset: Int = 0, firstLineNumber: Int = 1) throws -> Contents {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return Contents(lines: [], unterminatedTail: nil, consumedOffset: 0, identity: nil) }
            throw FileSystemError(operation: "open", path: path)
        }
        defer { close(fd) }
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileSystemError(operation: "fstat", path: path) }
        let identity = FileIdentity(device: UInt64(st.st_dev), inode: UInt64(st.st_ino))
        var data = Data()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        var position = offset
        while true {
            let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, off_t(position)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw FileSystemError(operation: "pread", path: path)
            }
            if n == 0 { break }
            data.append(contentsOf: buffer[0..<n])
            position += n
        }
        var lines: [(number: Int, bytes: Data)] = []
        var number = firstLineNumber
        var start = data.startIndex
        while let end = data[start...].firstIndex(of: 0x0A) {
            lines.append((number, data[start..<end]))
            number += 1
            start = end + 1
        }
        let tail = start < data.endIndex ? Data(data[start...]) : nil
        return Contents(lines: lines, unterminatedTail: tail, consumedOffset: offset + (start - data.startIndex),
                        identity: identity)
    }
}
