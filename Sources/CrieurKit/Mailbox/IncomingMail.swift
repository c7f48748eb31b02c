/// What a message found in the mailbox is, for Crieur: a bounce of one of its
/// messages, a request to unsubscribe, or something for a person to read.
public enum IncomingMail: Sendable, Equatable {
    case bounce(Bounce)
    case unsubscribe(UnsubscribeRequest)
    /// Left in the mailbox for a person (a reply, an auto-reply, a success report).
    case forPerson

    /// A delivery status notification about one recipient of a message Crieur sent.
    public struct Bounce: Sendable, Equatable {
        public enum Severity: String, Sendable, Equatable, Codable {
            /// The address does not work (5.x.x): one is enough to stop mailing it.
            case permanent
            /// Mailbox full, server away (4.x.x, `Action: delayed`): three in a row stop it.
            case temporary
        }
        public enum Format: String, Sendable, Equatable {
            /// RFC 3464 `multipart/report` with a `message/delivery-status` part.
            case deliveryStatus = "rfc3464"
            /// No machine-readable part: read from `X-Failed-Recipients` and the text (Gmail, Exim, older Exchange).
            case text
        }
        public var severity: Severity
        public var format: Format
        /// The address that failed (`Final-Recipient`, `X-Failed-Recipients`), when the report names it.
        public var recipient: String?
        /// `5.1.1`, `4.2.2`: the enhanced status code, when there is one.
        public var status: String?
        /// The remote server's words (`Diagnostic-Code`), at most 300 characters.
        public var diagnostic: String
        /// The unsubscribe token of the returned message's `List-Unsubscribe`: who it was sent to.
        public var token: String?
        /// The returned message's `Message-ID`, without brackets.
        public var originalMessageID: String?
    }

    /// A person asking to leave: by the `List-Unsubscribe` mailto (its subject
    /// carries their token) or by a reply saying « désinscription ».
    public struct UnsubscribeRequest: Sendable, Equatable {
        /// From the subject `desinscription TOKEN`; nil for a plain reply.
        public var token: String?
        /// The sender's address, as written in `From`.
        public var from: String?
        /// This message's `Message-ID`, without brackets: the proof recorded with the withdrawal.
        public var messageID: String?
    }
}
