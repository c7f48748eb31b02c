import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// Where each (issue, subscriber) pair stands, replayed from the delivery
/// ledger: the last record decides. This is all the sender's memory, so a
/// sender killed at any moment resumes exactly: a message whose record was
/// written is not sent again; one sent but not yet recorded is sent once more.
/// Pure apart from reading the records it is given.
public struct DeliveryHistory: Sendable {
    struct Entry: Sendable {
        var lastAttempt: Int
        var lastOutcome: DeliveryOutcome
        var lastTime: Date
        var firstTime: Date
    }

    /// What to do about one message now.
    public enum Status: Sendable, Equatable {
        /// Delivered, refused for good or abandoned: never sent again.
        case final(DeliveryOutcome)
        /// To send now as attempt `attempt` (1 for a first try).
        case due(attempt: Int, firstAttempt: Date?)
        /// Failed temporarily; the next attempt is not due before `until`.
        case waiting(until: Date)
        /// Failed temporarily for longer than the policy allows: record the abandon.
        case expired(attempt: Int)
    }

    private var entries: [String: Entry] = [:]
    /// Times of every attempt, for the rate limiter after a restart.
    public private(set) var attemptTimes: [Date] = []
    /// When each issue's first message was delivered: from then on, subscribers have read it.
    public private(set) var firstSent: [String: Date] = [:]
    /// The latest attempt of each issue.
    public private(set) var lastAttempt: [String: Date] = [:]

    public init(records: [DeliveryRecord]) {
        for record in records { add(record) }
    }

    public mutating func add(_ record: DeliveryRecord) {
        guard let time = DeliveryHistory.date(record.time) else { return }
        let key = DeliveryHistory.key(record.issue, record.subscriber)
        let first = entries[key]?.firstTime ?? time
        entries[key] = Entry(lastAttempt: record.attempt, lastOutcome: record.result, lastTime: time, firstTime: first)
        attemptTimes.append(time)
        if record.result == .sent, firstSent[record.issue] == nil { firstSent[record.issue] = time }
        if lastAttempt[record.issue].map({ time > $0 }) ?? true { lastAttempt[record.issue] = time }
    }

    public func status(issue: String, subscriber: String, now: Date, policy: RetryPolicy) -> Status {
        guard let entry = entries[DeliveryHistory.key(issue, subscriber)] else { return .due(attempt: 1, firstAttempt: nil) }
        guard entry.lastOutcome == .temporaryFailure else { return .final(entry.lastOutcome) }
        guard let next = policy.nextAttempt(after: entry.lastAttempt, failedAt: entry.lastTime, firstAttempt: entry.firstTime) else {
            return .expired(attempt: entry.lastAttempt)
        }
        return next <= now ? .due(attempt: entry.lastAttempt + 1, firstAttempt: entry.firstTime) : .waiting(until: next)
    }

    /// Forgets where (issue, subscriber) stood when its last record is older than
    /// `date` (records are to the second): what follows starts as a first try.
    /// The attempt times stay, for the rate limit.
    public mutating func startAnew(issue: String, subscriber: String, ifLastBefore date: Date) {
        let key = DeliveryHistory.key(issue, subscriber)
        let second = Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.down))
        guard let entry = entries[key], entry.lastTime < second else { return }
        entries[key] = nil
    }

    private static func key(_ issue: String, _ subscriber: String) -> String { "\(issue)\u{0}\(subscriber)" }

    /// Reads `2026-03-02T08:00:00Z`, the form `DeliveryRecord.timestamp` writes.
    static func date(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count == 20, bytes[4] == UInt8(ascii: "-"), bytes[10] == UInt8(ascii: "T"), bytes[19] == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int32? {
            var value: Int32 = 0
            for byte in bytes[range] {
                guard (0x30...0x39).contains(byte) else { return nil }
                value = value * 10 + Int32(byte - 0x30)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
              let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19) else { return nil }
        var parts = tm()
        parts.tm_year = year - 1900
        parts.tm_mon = month - 1
        parts.tm_mday = day
        parts.tm_hour = hour
        parts.tm_min = minute
        parts.tm_sec = second
        return Date(timeIntervalSince1970: TimeInterval(timegm(&parts)))
    }
}
