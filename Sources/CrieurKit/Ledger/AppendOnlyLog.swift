import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A ledger file in `data/`: one JSON object per line, only ever appended, each
/// line flushed to disk (fdatasync) before `append` returns. Mode 0600: ledgers
/// may hold personal data. Dates are written in ISO 8601.
public struct AppendOnlyLog: Sendable {
    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func append<Record: Encodable>(_ record: Record) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        var line = try encoder.encode(record)
        line.append(0x0A)
        let existed = try FileSystem.info(path) != nil
        let fd = open(path, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path) }
        defer { close(fd) }
        try FileSystem.writeAll(fd: fd, data: line, path: path)
        guard fdatasync(fd) == 0 else { throw FileSystemError(operation: "fdatasync", path: path) }
        if !existed { try FileSystem.syncDirectory((path as NSString).deletingLastPathComponent) }
    }
}
