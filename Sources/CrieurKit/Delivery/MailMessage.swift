import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// One e-mail as RFC 5322 and MIME want it: `multipart/alternative` with the
/// plain text first and the HTML last (mail programs show the last part they
/// can), inside a `multipart/mixed` followed by the files when it has
/// attachments (base64, names in RFC 2231 form), UTF-8, quoted-printable bodies, RFC 2047 headers, `Date` in the centre's
/// time zone, `List-Unsubscribe` (RFC 2369) and one-click `List-Unsubscribe-Post`
/// (RFC 8058) when an https link is given.
///
/// A pure value: `encoded()` returns bytes and touches nothing. It throws a
/// `MailMessageError` when a header value could break the message (line breaks
/// or control characters: no header injection is possible) or a link is unsafe.
public struct MailMessage: Sendable {
    public var from: MailAddress
    public var to: MailAddress
    public var replyTo: MailAddress?
    public var subject: String
    public var date: Date
    /// Zone in which `Date` is written (the centre's).
    public var timeZone: TimeZone
    /// Without angle brackets: `random@sender-domain` (see `makeMessageID`).
    public var messageID: String
    public var textBody: String
    public var htmlBody: String
    public var unsubscribe: Unsubscribe?
    /// More headers (`X-…`, `Auto-Submitted`); structural ones are refused.
    public var extraHeaders: [Header]
    /// Files sent with the message (the bulletin draft for the commune).
    public var attachments: [Attachment] = []

    public struct Attachment: Sendable, Equatable {
        public var fileName: String
        /// `application/vnd.oasis.opendocument.text`; a type with anything but
        /// letters, digits and `/.+-` is sent as `application/octet-stream`.
        public var contentType: String
        public var data: Data
        public init(fileName: String, contentType: String, data: Data) {
            self.fileName = fileName
            self.contentType = contentType
            self.data = data
        }
    }

    public struct Header: Sendable, Equatable {
        public var name: String
        public var value: String
        public init(_ name: String, _ value: String) {
            self.name = name
            self.value = value
        }
    }

    /// The links of `List-Unsubscribe`: a `mailto:` always, an `https:` one when the
    /// centre has a web page for it (then one-click unsubscription is announced).
    public struct Unsubscribe: Sendable, Equatable {
        public var mailto: String
        public var https: String?
        public init(mailto: String, https: String? = nil) {
            self.mailto = mailto
            self.https = https
        }
    }

    public init(from: MailAddress, to: MailAddress, replyTo: MailAddress? = nil, subject: String, date: Date,
                timeZone: TimeZone, messageID: String, textBody: String, htmlBody: String,
                unsubscribe: Unsubscribe? = nil, extraHeaders: [Header] = []) {
        self.from = from
        self.to = to
        self.replyTo = replyTo
        self.subject = subject
        self.date = date
        self.timeZone = timeZone
        self.messageID = messageID
        self.textBody = textBody
        self.htmlBody = htmlBody
        self.unsubscribe = unsubscribe
        self.extraHeaders = extraHeaders
    }

    /// A fresh `Message-ID` (without brackets) at the sender's domain: 64
    /// random bits drawn once per process, then a sequence that starts at 64
    /// other random bits and goes up by one per message. Unique within a process
    /// by the sequence, across processes by the random part, and it costs no
    /// system call per message (a message per subscriber).
    public static func makeMessageID(domain: String) -> String {
        let (prefix, number) = messageIDs.next()
        return "\(hex16(prefix)).\(hex16(number)).crieur@\(domain)"
    }

    private static let messageIDs = MessageIDSequence()

    private static func hex16(_ value: UInt64) -> String {
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// Called from every connection's thread: the counter is behind a lock.
    private final class MessageIDSequence: @unchecked Sendable {
        private let lock = NSLock()
        private let prefix: UInt64
        private var number: UInt64

        init() {
            var generator = SystemRandomNumberGenerator()
            prefix = generator.next()
            number = generator.next()
        }

        func next() -> (UInt64, UInt64) {
            lock.withLock {
                number &+= 1
                return (prefix, number)
            }
        }
    }

    /// Headers Crieur writes itself; an extra header may not repeat them.
    static let reservedHeaders: Set<String> = [
        "from", "to", "cc", "bcc", "reply-to", "sender", "subject", "date", "message-id", "mime-version",
        "content-type", "content-transfer-encoding", "list-unsubscribe", "list-unsubscribe-post", "return-path",
    ]

    /// The header lines that are the same in every message of an issue (From,
    /// Reply-To, Subject), encoded once for all its recipients.
    public struct SharedHeaders: Sendable {
        let from: MailAddress
        let replyTo: MailAddress?
        let subject: String
        let senderLines: String
        let subjectLine: String

        public init(from: MailAddress, replyTo: MailAddress?, subject: String) throws(MailMessageError) {
            self.from = from
            self.replyTo = replyTo
            self.subject = subject
            var lines = try MailHeaderText.mailbox("From", from)
            if let replyTo { lines += try MailHeaderText.mailbox("Reply-To", replyTo) }
            senderLines = lines
            subjectLine = try MailHeaderText.unstructured("Subject", subject)
        }
    }

    /// The message bytes, CRLF line ends. `shared`: lines encoded beforehand,
    /// used when they are this message's (else encoded here).
    public func encoded(sharing shared: SharedHeaders? = nil) throws(MailMessageError) -> Data {
        let reused = shared.flatMap { $0.from == from && $0.replyTo == replyTo && $0.subject == subject ? $0 : nil }
        var head = ""
        head += "Date: \(MailMessage.rfc5322Date(date, in: timeZone))\r\n"
        if let reused {
            head += reused.senderLines
        } else {
            head += try MailHeaderText.mailbox("From", from)
            if let replyTo { head += try MailHeaderText.mailbox("Reply-To", replyTo) }
        }
        head += try MailHeaderText.mailbox("To", to)
        if let reused {
            head += reused.subjectLine
        } else {
            head += try MailHeaderText.unstructured("Subject", subject)
        }
        guard MailAddress.isValid(messageID) else { throw .invalidAddress(messageID) }
        head += "Message-ID: <\(messageID)>\r\n"
        head += "MIME-Version: 1.0\r\n"
        if let unsubscribe { head += try unsubscribeHeaders(unsubscribe) }
        for header in extraHeaders {
            guard MailMessage.isValidHeaderName(header.name), !MailMessage.reservedHeaders.contains(header.name.lowercased()) else {
                throw .invalidHeaderName(header.name)
            }
            head += try MailHeaderText.unstructured(header.name, header.value)
        }
        let boundary = "=_" + messageID.prefix { $0 != "@" }
        let mixed = "=_mixed" + messageID.prefix { $0 != "@" }
        if !attachments.isEmpty {
            head += "Content-Type: multipart/mixed;\r\n boundary=\"\(mixed)\"\r\n\r\n--\(mixed)\r\n"
        }
        head += "Content-Type: multipart/alternative;\r\n boundary=\"\(boundary)\"\r\n\r\n"

        var bytes = Array(head.utf8)
        bytes.reserveCapacity(bytes.count + textBody.utf8.count + htmlBody.utf8.count * 11 / 10 + 512)
        for (type, body) in [("text/plain", textBody), ("text/html", htmlBody)] {
            bytes += Array("--\(boundary)\r\nContent-Type: \(type); charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n".utf8)
            QuotedPrintable.encode(body, into: &bytes)
            bytes += [0x0D, 0x0A]
        }
        bytes += Array("--\(boundary)--\r\n".utf8)
        if !attachments.isEmpty {
            for attachment in attachments {
                bytes += Array("--\(mixed)\r\n".utf8) + MailMessage.attachmentPart(attachment)
            }
            bytes += Array("--\(mixed)--\r\n".utf8)
        }
        return Data(bytes)
    }

    /// One attached file: its headers (the name percent-encoded as RFC 2231
    /// wants, so no header injection through a name) and base64 lines of 76.
    static func attachmentPart(_ attachment: Attachment) -> [UInt8] {
        let typeCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789/.+-")
        let type = !attachment.contentType.isEmpty && attachment.contentType.allSatisfy(typeCharacters.contains)
            ? attachment.contentType : "application/octet-stream"
        let unreserved = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~".utf8)
        let name = attachment.fileName.utf8.map { byte in
            unreserved.contains(byte) ? String(UnicodeScalar(byte)) : "%" + String(format: "%02X", byte)
        }.joined()
        var part = Array(("Content-Type: \(type)\r\nContent-Transfer-Encoding: base64\r\n"
            + "Content-Disposition: attachment;\r\n filename*=utf-8''\(name)\r\n\r\n").utf8)
        let encoded = Array(attachment.data.base64EncodedString().utf8)
        var start = 0
        while start < encoded.count {
            part += encoded[start..<min(start + 76, encoded.count)] + [0x0D, 0x0A]
            start += 76
        }
        return part
    }

    private func unsubscribeHeaders(_ links: Unsubscribe) throws(MailMessageError) -> String {
        var tokens = ["<\(try MailMessage.checkedLink(links.mailto, scheme: "mailto:"))>"]
        if let https = links.https { tokens.append("<\(try MailMessage.checkedLink(https, scheme: "https://"))>") }
        for index in tokens.indices.dropLast() { tokens[index] += "," }
        var result = try MailHeaderText.fold("List-Unsubscribe", tokens)
        if links.https != nil { result += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n" }
        return result
    }

    /// A link goes between angle brackets: it must be printable ASCII without spaces or brackets.
    static func checkedLink(_ link: String, scheme: String) throws(MailMessageError) -> String {
        let safe = link.lowercased().hasPrefix(scheme) && link.utf8.count > scheme.utf8.count
            && link.utf8.allSatisfy { $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "<") && $0 != UInt8(ascii: ">") && $0 != UInt8(ascii: ",") }
        guard safe else { throw .invalidUnsubscribeLink(link) }
        return link
    }

    static func isValidHeaderName(_ name: String) -> Bool {
        (1...76).contains(name.utf8.count) && name.utf8.allSatisfy { $0 >= 33 && $0 <= 126 && $0 != UInt8(ascii: ":") }
    }

    /// `Mon, 02 Mar 2026 09:00:00 +0100` (RFC 5322, section 3.3), in `zone`.
    /// The zone's offset shifts the instant, then `gmtime_r` splits it (much
    /// cheaper than `Calendar`; one date is written per message sent).
    public static func rfc5322Date(_ date: Date, in zone: TimeZone) -> String {
        let offset = zone.secondsFromGMT(for: date)
        var seconds = time_t(date.timeIntervalSince1970.rounded(.down)) + time_t(offset)
        var parts = tm()
        gmtime_r(&seconds, &parts)
        let days = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        func two<N: BinaryInteger>(_ n: N) -> String { n < 10 ? "0\(n)" : String(n) }
        let minutes = abs(offset) / 60
        return "\(days[Int(parts.tm_wday)]), \(two(parts.tm_mday)) \(months[Int(parts.tm_mon)]) \(parts.tm_year + 1900) "
            + "\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec)) \(offset < 0 ? "-" : "+")\(two(minutes / 60))\(two(minutes % 60))"
    }
}
