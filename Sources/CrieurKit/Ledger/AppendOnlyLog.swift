import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A ledger file in `data/`: one JSON object per line, only ever appended, each
/// append flushed to disk (fdatasync) before it returns. Mode 0600: ledgers
/// may hold personal data; an append sets a loosened mode back first. Dates are written in ISO 8601.
///
/// Why a SIGKILL cannot leave half a record: an append is one `write(2)` of
/// whole lines with `O_APPEND`, then `fdatasync`. A process killed before the
/// write leaves the file as it was; killed after it, the kernel already holds
/// the whole buffer and writes it out (a regular file's write is not cut short
/// by a signal). Only a power cut before the fdatasync, or a full disk (a short
/// write), can leave a last line without its line break; readers report it
/// (`Contents.unterminatedTail`), and the next append starts on a fresh line so
/// that the damaged line stays visible instead of swallowing the new record.
public struct AppendOnlyLog: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func append<Record: Encodable>(_ record: Record) throws {
        try append(lines: [try AppendOnlyLog.encodeLine(record)])
    }

    /// The JSON line of a record, without its line break: sorted keys, no escaped slashes.
    public static func encodeLine<Record: Encodable>(_ record: Record, encoder: JSONEncoder = lineEncoder()) throws -> Data {
        try encoder.encode(record)
    }

    /// The encoder `encodeLine` uses by default (dates in ISO 8601).
    public static func lineEncoder() -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }

    /// Appends already-encoded lines (each without its line break) in one write
    /// and one fdatasync: all of them, or none if the process dies first.
    public func append(lines: [Data]) throws {
        guard !lines.isEmpty else { return }
        var buffer = Data()
        for line in lines {
            precondition(!line.contains(0x0A), "a ledger record must be a single line")
            buffer.append(line)
            buffer.append(0x0A)
        }
        let existed = try FileSystem.info(path) != nil
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path) }
        defer { close(fd) }
        try DataPermissions.enforce(fd: fd, path: path)
        if try !endsWithLineBreak(fd) { buffer.insert(0x0A, at: 0) }
        try FileSystem.writeAll(fd: fd, data: buffer, path: path)
        guard fdatasync(fd) == 0 else { throw FileSystemError(operation: "fdatasync", path: path) }
        if !existed { try FileSystem.syncDirectory(FileSystem.parent(of: path)) }
    }

    /// True for an empty file or one whose last byte is a line break.
    private func endsWithLineBreak(_ fd: Int32) throws -> Bool {
        var st = stat()
        guard fstat(fd, &st) == 0 else { throw FileSystemError(operation: "fstat", path: path) }
        guard st.st_size > 0 else { return true }
        var last: UInt8 = 0
        guard pread(fd, &last, 1, st.st_size - 1) == 1 else { throw FileSystemError(operation: "pread", path: path) }
        return last == 0x0A
    }
}
