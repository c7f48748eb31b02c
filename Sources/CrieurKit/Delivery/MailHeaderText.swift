import Foundation

/// Header values as RFC 5322 and RFC 2047 want them: printable ASCII as is,
/// anything else as `=?UTF-8?B?…?=` encoded-words, folded with CRLF + space so
/// that lines stay within 78 characters (998 at most, else an error).
///
/// `check` is the guard against header injection: a value holding CR, LF, NUL,
/// another control character or a Unicode line separator is refused, so no text
/// from an item or a subscriber can end a header and start another.
enum MailHeaderText {
    static let softLimit = 78
    static let hardLimit = 998

    static func check(_ value: String, field: String) throws(MailMessageError) {
        for scalar in value.unicodeScalars {
            let v = scalar.value
            if (v < 0x20 && v != 0x09) || v == 0x7F || (0x80...0x9F).contains(v) || v == 0x2028 || v == 0x2029 {
                throw .forbiddenCharacter(field: field)
            }
        }
    }

    /// `Name: value` for free text (Subject, extra headers), folded, with CRLF.
    static func unstructured(_ name: String, _ value: String) throws(MailMessageError) -> String {
        try check(value, field: name)
        let words = value.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        let plain = value.utf8.allSatisfy { $0 < 0x80 } && !looksEncoded(value)
            && words.allSatisfy { $0.utf8.count <= hardLimit - name.utf8.count - 3 }
        if plain { return try fold(name, words) }
        return try fold(name, encodedWords(value, firstLineUsed: name.utf8.count + 2))
    }

    /// `Name: display <address>` (From, To, Reply-To), folded, with CRLF.
    static func mailbox(_ name: String, _ mailbox: MailAddress) throws(MailMessageError) -> String {
        let angle = "<\(mailbox.address)>"
        guard let display = mailbox.name else { return try fold(name, [angle]) }
        var tokens: [String]
        if display.utf8.allSatisfy({ MailAddress.isAtext($0) || $0 == 0x20 }) && !looksEncoded(display) {
            tokens = display.split(separator: " ").map(String.init)
        } else if display.utf8.allSatisfy({ $0 < 0x80 }) && !looksEncoded(display) && display.utf8.count < 200 {
            let escaped = display.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            tokens = ["\"\(escaped)\""]
        } else {
            tokens = encodedWords(display, firstLineUsed: name.utf8.count + 2)
        }
        tokens.append(angle)
        return try fold(name, tokens)
    }

    /// Text holding `=?` could be taken for an encoded-word by a reader: encode it instead.
    private static func looksEncoded(_ text: String) -> Bool {
        var previous: UInt8 = 0
        for byte in text.utf8 {
            if previous == UInt8(ascii: "=") && byte == UInt8(ascii: "?") { return true }
            previous = byte
        }
        return false
    }

    /// Joins tokens with spaces, breaking before a token that would pass 78 characters.
    static func fold(_ name: String, _ tokens: [String]) throws(MailMessageError) -> String {
        var result = ""
        var line = name + ":"
        for token in tokens {
            if line.utf8.count + 1 + token.utf8.count > softLimit && line.utf8.count > name.utf8.count + 1 {
                guard line.utf8.count <= hardLimit else { throw .headerTooLong(field: name) }
                result += line + "\r\n"
                line = ""
            }
            line += " " + token
        }
        guard line.utf8.count <= hardLimit else { throw .headerTooLong(field: name) }
        return result + line + "\r\n"
    }

    /// RFC 2047 B-encoded words of at most 75 characters each (the first one short
    /// enough to fit after the field name), never splitting a character's bytes.
    static func encodedWords(_ text: String, firstLineUsed: Int) -> [String] {
        var words: [String] = []
        var chunk: [UInt8] = []
        var limit = capacity(forWordLength: min(75, softLimit - firstLineUsed - 1))
        for scalar in text.unicodeScalars {
            let bytes = Array(String(scalar).utf8)
            if chunk.count + bytes.count > limit && !chunk.isEmpty {
                words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=")
                chunk.removeAll()
                limit = capacity(forWordLength: 75)
            }
            chunk += bytes
        }
        if !chunk.isEmpty || words.isEmpty { words.append("=?UTF-8?B?" + Data(chunk).base64EncodedString() + "?=") }
        return words
    }

    /// Bytes that fit in one encoded-word of `length` characters (`=?UTF-8?B?` and `?=` take 12).
    private static func capacity(forWordLength length: Int) -> Int {
        max(3, (length - 12) / 4 * 3)
    }
}
