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
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        guard address.utf8.count <= 254, parts.count == 2 else { return false }
        let local = parts[0], domain = parts[1]
        let atext = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~".utf8)
        guard (1...64).contains(local.utf8.count),
              local.split(separator: ".", omittingEmptySubsequences: false).allSatisfy({ !$0.isEmpty && $0.utf8.allSatisfy(atext.contains) })
        else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        let hostText = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-".utf8)
        return labels.count >= 2 && labels.allSatisfy { label in
            (1...63).contains(label.utf8.count) && label.utf8.allSatisfy(hostText.contains)
                && label.first != "-" && label.last != "-"
        }
    }
}
