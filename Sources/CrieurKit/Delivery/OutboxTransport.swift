import Foundation

/// The transport used when no SMTP server is configured: each message becomes an
/// `.eml` file in `out/newsletter/outbox/` that any mail program opens, so a
/// fresh workspace runs end to end without a mail server.
///
/// Files are written durably (temporary name, fsync, rename) with mode 0600, as
/// they hold the recipient's address; the name starts with the time (UTC) so they
/// sort in sending order, then the Message-ID, which makes it unique. A write
/// failure (disk full) is a thrown `DeliveryError`, never a "sent" reply.
public struct OutboxTransport: MailTransport {
    public let directory: String
    private let clock: any Clock

    public init(directory: String, clock: any Clock) {
        self.directory = directory
        self.clock = clock
    }

    public func send(_ mail: OutgoingMail) throws(DeliveryError) -> DeliveryReply {
        let stamp = OutboxTransport.stamp(clock.now())
        let path = (directory as NSString).appendingPathComponent("\(stamp)-\(Self.safeName(mail.messageID)).eml")
        do {
            try FileSystem.makeDirectory(directory)
            try FileSystem.writeDurably(mail.data, to: path, mode: 0o600)
        } catch {
            throw .outboxWriteFailed(path: path, reason: "\(error)")
        }
        return DeliveryReply(outcome: .sent, code: 250, text: "écrit dans \((path as NSString).lastPathComponent)")
    }

    /// The Message-ID as it appears in the file name.
    static func safeName(_ messageID: String) -> String {
        String(messageID.map { $0.isLetter || $0.isNumber || $0 == "." || $0 == "-" ? $0 : "_" })
    }

    public var keepsCopies: Bool { true }

    public func discardCopy(of mail: OutgoingMail) throws(DeliveryError) {
        do {
            try removeCopy(of: mail)
        } catch {
            throw .outboxWriteFailed(path: directory, reason: "\(error)")
        }
    }

    /// `20260302T080000Z`: sortable, and the same on every machine.
    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }
}
