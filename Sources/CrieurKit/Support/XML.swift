/// Escaping of text placed in XML (the Atom feed, the bulletin's ODF documents).
///
/// Escapes `&`, `<`, `>`, `"` and `'`, so the result is safe as character data
/// and inside a quoted attribute value, and drops the characters XML 1.0 does
/// not allow at all (control characters other than tab, line feed and carriage
/// return; U+FFFE and U+FFFF): a parser would refuse the whole document for one
/// of them. It cannot fail.
public enum XML {
    public static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            default:
                if isAllowed(scalar) { escaped.unicodeScalars.append(scalar) }
            }
        }
        return escaped
    }

    /// XML 1.0's `Char` production (surrogates cannot occur in a Swift string).
    static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }
}
