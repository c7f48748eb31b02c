import Foundation

/// One message ready for a transport: the SMTP envelope (one recipient, so the
/// server's answer is that recipient's) and the message bytes, CRLF line ends.
public struct OutgoingMail: Sendable {
    /// Envelope sender (`MAIL FROM`), where bounces go.
    public var sender: String
    /// Envelope recipient (`RCPT TO`): exactly one, so each reply belongs to one person.
    public var recipient: String
    /// The RFC 5322 message, CRLF line ends, not dot-stuffed (`SMTPTransport` does it).
    public var data: Data
    /// The `Message-ID` without angle brackets, to record and to name outbox files.
    public var messageID: String

    public init(sender: String, recipient: String, data: Data, messageID: String) {
        self.sender = sender
        self.recipient = recipient
        self.data = data
        self.messageID = messageID
    }
}
