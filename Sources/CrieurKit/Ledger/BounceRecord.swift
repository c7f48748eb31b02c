import Foundation

/// One line of `data/bounces.jsonl` (`BounceLog`): a bounce read from the
/// mailbox, or the moment an address went « en échec ». Names subscribers by
/// id; the remote server's words are kept without any address in them.
public struct BounceRecord: Codable, Sendable, Equatable {
    public enum Kind: String, Codable, Sendable {
        /// A delivery status notification about one message Crieur sent.
        case bounce
        /// The address stops receiving the newsletter (`BounceRule`), until a new confirmed subscription.
        case failing
    }

    public var kind: Kind
    /// When Crieur read it.
    public var time: Date
    /// The report's own `Message-ID` (else a hash of its bytes): a report read twice is recorded once.
    public var report: String
    /// `bounce`: whose message came back; `failing`: every subscription of the address at that moment.
    public var subscribers: [String]
    /// `bounce`: the issue of the delivery it was matched to (`confirmation` for a confirmation e-mail).
    public var issue: String?
    /// `bounce`: the returned message's `Message-ID`.
    public var messageID: String?
    /// `bounce`: hard (permanent) or soft (temporary).
    public var severity: IncomingMail.Bounce.Severity?
    /// `bounce`: `5.1.1`, `4.2.2`, when the report gives it.
    public var status: String?
    /// `bounce`: the remote server's words, addresses replaced by « [adresse] ».
    public var diagnostic: String?
    /// `bounce`: how it was matched: `message-id`, `jeton` (the List-Unsubscribe token) or `adresse`.
    public var matchedBy: String?
    /// `failing`: why, in French (« un retour définitif (5.1.1) », « 3 retours passagers de suite »).
    public var reason: String?

    public init(kind: Kind, time: Date, report: String, subscribers: [String], issue: String? = nil, messageID: String? = nil,
                severity: IncomingMail.Bounce.Severity? = nil, status: String? = nil, diagnostic: String? = nil,
                matchedBy: String? = nil, reason: String? = nil) {
        self.kind = kind
        self.time = time
        self.report = report
        self.subscribers = subscribers
        self.issue = issue
        self.messageID = messageID
        self.severity = severity
        self.status = status
        self.diagnostic = diagnostic
        self.matchedBy = matchedBy
        self.reason = reason
    }
}
