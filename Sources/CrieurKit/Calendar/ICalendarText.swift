/// RFC 5545's content lines: text values escaped (3.3.11: `\`, `;`, `,` and
/// line breaks), lines folded at 75 octets without splitting a UTF-8 character
/// (3.1: a continuation starts with one space), every line ended by CRLF. Pure.
public enum ICalendarText {
    /// A TEXT value: backslash, semicolon and comma escaped, line breaks as `\n`,
    /// other control characters dropped.
    public static func escape(_ text: String) -> String {
        var out = ""
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\r": out += "\\n"
            case "\n": if !previousWasCR { out += "\\n" }
            case "\t": out += " "
            default:
                if scalar.value >= 0x20 && scalar.value != 0x7F { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// One content line, folded: at most 75 octets a line, CRLF after each.
    public static func fold(_ line: String) -> String {
        var out = ""
        var octets = 0
        for scalar in line.unicodeScalars {
            let size = String(scalar).utf8.count
            if octets + size > 75 {
                out += "\r\n "
                octets = 1
            }
            out.unicodeScalars.append(scalar)
            octets += size
        }
        return out + "\r\n"
    }

    /// The lines of an object, each folded.
    public static func document(_ lines: [String]) -> String {
        lines.map(fold).joined()
    }
}
