import Foundation

/// An e-mail address checked and put in one spelling before it enters the
/// consent ledger.
///
/// Normalisation: surrounding spaces go, the domain is lower-cased (domains
/// ignore case). The local part (before `@`) is kept as typed, because RFC 5321
/// lets a server tell `Jean` from `jean`; but Crieur compares addresses without
/// case (`key`), because no mail provider a CPAS audience uses does, and a
/// second subscription, or a re-import after an erasure, must not slip through
/// with different capitals.
///
/// Validation accepts what a person's mailbox address looks like in practice:
/// an unquoted local part of letters, digits and ``!#$%&'*+/=?^_`{|}~-`` with
/// single dots inside, and a domain name with at least one dot, ASCII only
/// (an accented domain must be written in its `xn--` form). Anything else is
/// refused with a French reason.
public struct EmailAddress: Sendable, Hashable, CustomStringConvertible {
    /// The address as stored and used to send.
    public let value: String

    public var description: String { value }

    /// The spelling addresses are compared by: all lower case.
    public var key: String { EmailAddress.key(of: value) }

    static func key(of address: String) -> String { address.lowercased() }

    /// The mailbox the address reaches, for counting requests (never for the
    /// ledger, where each spelling is its own address): `key` without a
    /// sub-address (`anne+lettre@` is `anne@`, as most providers deliver it) and,
    /// at Gmail, without dots in the local part (`a.nne@gmail.com` is `anne@gmail.com`).
    public var mailboxKey: String {
        let key = self.key
        guard let at = key.lastIndex(of: "@") else { return key }
        var local = key[..<at]
        let domain = key[key.index(after: at)...]
        if let plus = local.firstIndex(of: "+"), plus != local.startIndex { local = local[..<plus] }
        var mailbox = String(local)
        if domain == "gmail.com" || domain == "googlemail.com" { mailbox.removeAll { $0 == "." } }
        return mailbox + "@" + (domain == "googlemail.com" ? "gmail.com" : domain)
    }

    public init(validating raw: String) throws(InvalidEmailAddress) {
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        func refuse(_ reason: String) -> InvalidEmailAddress { InvalidEmailAddress(input: raw, reason: reason) }
        guard !text.isEmpty else { throw refuse("l'adresse est vide") }
        guard text.unicodeScalars.allSatisfy({ $0.isASCII && $0.value > 0x20 && $0.value != 0x7F }) else {
            throw refuse("elle contient un espace, un accent ou un caractère spécial")
        }
        guard let at = text.lastIndex(of: "@") else { throw refuse("il manque le signe @") }
        let local = String(text[..<at])
        let domain = String(text[text.index(after: at)...]).lowercased()
        guard !local.isEmpty else { throw refuse("il manque la partie avant le @") }
        guard !domain.isEmpty else { throw refuse("il manque le nom de domaine après le @ (par exemple gmail.com)") }
        guard local.utf8.count <= 64 else { throw refuse("la partie avant le @ est trop longue") }
        guard local.unicodeScalars.allSatisfy(EmailAddress.isLocalCharacter) else {
            throw refuse("la partie avant le @ contient un caractère non permis (par exemple un deuxième @, une virgule ou des guillemets)")
        }
        guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else {
            throw refuse("un point ne peut pas commencer ou finir la partie avant le @, ni être doublé")
        }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2, domain.utf8.count <= 253 else {
            throw refuse("le nom de domaine après le @ doit contenir un point (par exemple gmail.com)")
        }
        for label in labels {
            guard !label.isEmpty, label.utf8.count <= 63,
                  label.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }),
                  !label.hasPrefix("-"), !label.hasSuffix("-") else {
                throw refuse("le nom de domaine « \(domain) » n'est pas valable")
            }
        }
        guard let top = labels.last, top.count >= 2, top.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) }) || top.hasPrefix("xn--") else {
            throw refuse("le nom de domaine « \(domain) » doit finir par une extension comme .be ou .com")
        }
        value = local + "@" + domain
    }

    private static func isLocalCharacter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "a"..."z", "A"..."Z", "0"..."9": return true
        default: return "!#$%&'*+/=?^_`{|}~-.".unicodeScalars.contains(scalar)
        }
    }
}

/// An address Crieur refuses, with the reason in French.
public struct InvalidEmailAddress: Error, Sendable, CustomStringConvertible {
    public var input: String
    public var reason: String

    public var description: String {
        "Adresse e-mail non valable : « \(input) » : \(reason)."
    }
}
