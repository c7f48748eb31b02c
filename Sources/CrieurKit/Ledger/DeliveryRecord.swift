import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One attempt to deliver one newsletter message, as recorded in
/// `data/deliveries/ISSUE.jsonl`. Names the subscriber by id, never by address.
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
    /// The message's `Message-ID` without brackets: what a bounce names (records
    /// written before it was kept have none).
    public var messageID: String?

    public init(issue: String, subscriber: String, attempt: Int, reply: DeliveryReply, time: Date, messageID: String? = nil) {
        self.issue = issue
        self.subscriber = subscriber
        self.attempt = attempt
        self.result = reply.outcome
        self.code = reply.code
        self.reply = reply.text
        self.time = DeliveryRecord.timestamp(time)
        self.messageID = messageID
    }

    /// The record as one line of JSON, keys sorted: the bytes `JSONEncoder` gives
    /// with `.sortedKeys, .withoutEscapingSlashes`, written directly, since a
    /// record is written per message sent.
    var jsonLine: [UInt8] {
        var json = JSONByteWriter(reservingCapacity: 160 + issue.utf8.count + subscriber.utf8.count + reply.utf8.count
            + (messageID?.utf8.count ?? 0))
        json.beginObject()
        json.key("attempt")
        json.int(attempt)
        json.key("code")
        json.int(code)
        json.key("issue")
        json.string(issue)
        if let messageID {
            json.key("messageID")
            json.string(messageID)
        }
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
