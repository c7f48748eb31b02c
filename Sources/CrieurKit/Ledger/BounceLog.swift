import Foundation

/// The bounce ledger, `data/bounces.jsonl` (0600, only appended through
/// `AppendOnlyLog`): every bounce the mailbox reader matched to a subscriber,
/// and every address it put « en échec » (`BounceRecord`). The newsletter, the
/// status, the subscriber list and the right of access read it through
/// `AddressFailures`.
///
/// A line that cannot be read is skipped: it can only be a bounce or a failure,
/// whose loss sends one address more mail, never less consent. Its number is
/// returned so that callers can say so.
public struct BounceLog: Sendable {
    public static let fileName = "bounces.jsonl"
    public let path: String

    public init(workspace: Workspace) {
        path = "\(workspace.dataDirectory)/\(BounceLog.fileName)"
    }

    /// Every readable record in order, and the numbers of the lines that were not.
    public func read() throws -> (records: [BounceRecord], unreadable: [Int]) {
        let contents = try AppendOnlyLog(path: path).read()
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var records: [BounceRecord] = []
        var unreadable: [Int] = []
        for line in contents.lines where !line.bytes.isEmpty {
            if let record = try? decoder.decode(BounceRecord.self, from: line.bytes) {
                records.append(record)
            } else {
                unreadable.append(line.number)
            }
        }
        return (records, unreadable)
    }

    public func records() throws -> [BounceRecord] {
        try read().records
    }

    /// Appends the records in one durable write.
    public func append(_ records: [BounceRecord]) throws {
        try AppendOnlyLog(path: path).append(lines: try records.map { try AppendOnlyLog.encodeLine($0) })
    }
}
