import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One attempt to deliver one newsletter message, as recorded in
/// `data/deliveries.jsonl`. Names the subscriber by id, never by address.
public struct DeliveryRecord: Sendable, Codable, Equatable {
    /// The issue (or urgent item) the message belongs to.
    public var issue: String
    /// The subscriber's id in the consent ledger.
    public var subscriber: String
    /// 1 for the first try, then 2, 3… for retries.
    public var attempt: Int
    public var result: DeliveryOutcome
    /// SMTP reply code; 0 when the server gave none.
    public var code: Int
    public var reply: String
    /// UTC, `2026-03-02T08:00:00Z`.
    public var time: String

    public init(issue: String, subscriber: String, attempt: Int, reply: DeliveryReply, time: Date) {
        self.issue = issue
        self.subscriber = subscriber
        self.attempt = attempt
        self.result = reply.outcome
        self.code = reply.code
        self.reply = reply.text
        self.time = DeliveryRecord.timestamp(time)
    }

    /// The record as one line of JSON, keys sorted: the bytes `JSONEncoder` gives
    /// with `.sortedKeys, .withoutEscapingSlashes`, written directly, since a
    /// record is written per message sent.
    var jsonLine: [UInt8] {
        var json = JSONByteWriter(reservingCapacity: 160 + issue.utf8.count + subscriber.utf8.count + reply.utf8.count)
        json.beginObject()
        json.key("attempt")
        json.int(attempt)
        json.key("code")
        json.int(code)
        json.key("issue")
        json.string(issue)
        json.key("reply")
        json.string(reply)
        json.key("result")
        json.string(result.rawValue)
        json.key("subscriber")
        json.string(subscriber)
        json.key("time")
        json.string(time)
        json.endObject()
        return json.bytes
    }

    /// `gmtime_r` rather than `Calendar`: a record is written per message sent.
    static func timestamp(_ date: Date) -> String {
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}

/// The delivery ledger, `data/deliveries.jsonl`: one JSON object per attempt,
/// mode 0600, kept open while a sender runs.
///
/// `record` hands the line to the kernel before it returns, so a sender killed
/// right after knows the message left. It reaches the disk before `record`
/// returns when `syncEvery` is 1 (the default), else every `syncEvery` records
/// and at `sync()` (group commit: a power cut may then lose the last few
/// records, and those messages would go out once more). A write failure is
/// thrown: the sender must stop rather than send without a record.
///
/// An erasure rewrites this file (it scrubs the address from SMTP replies)
/// under `data/consent.lock` and renames the new file over it. So each record is
/// appended holding the same lock, and to the file that is at `path` at that
/// moment (reopened when it was replaced): no record is lost to an erasure.
/// The lock file stays open between records (`ReusableFileLock`).
public final class DeliveryLog {
    public static let relativePath = "data/deliveries.jsonl"
    public let path: String
    private let lockPath: String
    private var lock: ReusableFileLock?
    private var writer: AppendOnlyLogWriter?
    private let syncEvery: Int

    public init(workspace: Workspace, syncEvery: Int = 1) {
        path = workspace.path(DeliveryLog.relativePath)
        lockPath = "\(workspace.dataDirectory)/\(ConsentLedger.lockFileName)"
        self.syncEvery = syncEvery
    }

    public func record(_ record: DeliveryRecord) throws {
        if lock == nil { lock = try ReusableFileLock(path: lockPath) }
        try lock!.withLock {
            if writer?.isCurrent != true { writer = try AppendOnlyLogWriter(path: path, syncEvery: syncEvery) }
            try writer!.append(line: record.jsonLine)
        }
    }

    /// Puts every record on disk (call it before waiting, and at the end of a run).
    public func sync() throws {
        try writer?.sync()
    }

    /// Every record in order. A line that cannot be read is an error naming its
    /// number, except an unfinished last line (a write cut short by a crash),
    /// which is skipped: its attempt was never confirmed as recorded.
    public func records() throws -> [DeliveryRecord] {
        guard try FileSystem.info(path) != nil,
              case .contents(let data) = try FileSystem.read(path, maxBytes: 1 << 30) else { return [] }
        var result: [DeliveryRecord] = []
        let decoder = JSONDecoder()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        for (index, line) in lines.enumerated() where !line.isEmpty {
            do {
                result.append(try decoder.decode(DeliveryRecord.self, from: Data(line)))
            } catch {
                if index == lines.count - 1 { break }
                throw DeliveryLogError.unreadableLine(index + 1)
            }
        }
        return result
    }
}

/// `data/deliveries.jsonl` holds a line that is not a delivery record.
public enum DeliveryLogError: Error, Sendable, Equatable, CustomStringConvertible {
    case unreadableLine(Int)

    public var description: String {
        switch self {
        case .unreadableLine(let line):
            return "Le registre des envois \(DeliveryLog.relativePath) est abîmé à la ligne \(line) : corrigez ou mettez de côté cette ligne."
        }
    }
}
