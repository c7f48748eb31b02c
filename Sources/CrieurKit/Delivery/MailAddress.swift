/// An e-mail address with an optional display name, checked once so that every
/// header and SMTP command built from it is safe: ASCII only, one `@`, no space,
/// no control character, nothing that could end a header or an SMTP command.
public struct MailAddress: Sendable, Hashable {
    /// `local@domain`, as given (case kept).
    public let address: String
    /// The name shown by mail programs; any Unicode text without control characters.
    public let name: String?

    public init(_ address: String, name: String? = nil) throws(MailMessageError) {
        guard MailAddress.isValid(address) else { throw .invalidAddress(address) }
        if let name { try MailHeaderText.check(name, field: "nom de \(address)") }
        self.address = address
        let trimmed = name?.trimmingCharacters(in: .whitespaces)
        self.name = trimmed?.isEmpty == false ? trimmed : nil
    }

    /// The part after `@`.
    public var domain: String { String(address[address.index(after: address.lastIndex(of: "@")!)...]) }

    /// A practical subset of RFC 5321's Mailbox: dot-atom local part and a host name.
    /// Quoted local parts and internationalised addresses (SMTPUTF8) are refused.
    public static func isValid(_ address: String) -> Bool {
        let bytes = address.utf8
        guard bytes.count <= 254, let at = bytes.firstIndex(of: UInt8(ascii: "@")) else { return false }
        let local = bytes[..<at], domain = bytes[bytes.index(after: at)...]
        guard (1...64).contains(local.count), isDotSeparated(local, maxPart: 64, allowed: isAtext) else { return false }
        var labels = 0
        for label in domain.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false) {
            guard label.first != UInt8(ascii: "-"), label.last != UInt8(ascii: "-") else { return false }
            labels += 1
        }
        return labels >= 2 && isDotSeparated(domain, maxPart: 63) { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// Non-empty parts of at most `maxPart` allowed bytes, separated by single dots.
    private static func isDotSeparated(_ bytes: Substring.UTF8View.SubSequence, maxPart: Int, allowed: (UInt8) -> Bool) -> Bool {
        var partLength = 0
        for byte in bytes {
            if byte == UInt8(ascii: ".") {
                guard partLength > 0 else { return false }
                partLength = 0
            } else {
                guard allowed(byte) else { return false }
                partLength += 1
                guard partLength <= maxPart else { return false }
            }
        }
        return partLength > 0
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
    }

    /// RFC 5322 `atext`: letters, digits and ``!#$%&'*+-/=?^_`{|}~``.
    static func isAtext(_ byte: UInt8) -> Bool {
        isAlphanumeric(byte) || "!#$%&'*+-/=?^_`{|}~".utf8.contains(byte)
    }
}
