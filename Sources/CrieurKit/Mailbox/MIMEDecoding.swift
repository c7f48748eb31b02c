/// The decoders of incoming mail: base64 and quoted-printable bodies, RFC 2047
/// encoded words in header fields. Lenient (a bounce is often sloppy), linear,
/// and never trapping: bytes that do not decode are kept or skipped.
enum MIMEDecoding {
    static func base64(_ bytes: ArraySlice<UInt8>) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for byte in bytes {
            let value: UInt8
            switch byte {
            case 0x41...0x5A: value = byte - 0x41
            case 0x61...0x7A: value = byte - 0x61 + 26
            case 0x30...0x39: value = byte - 0x30 + 52
            case UInt8(ascii: "+"), UInt8(ascii: "-"): value = 62
            case UInt8(ascii: "/"), UInt8(ascii: "_"): value = 63
            case UInt8(ascii: "="): return result
            default: continue
            }
            accumulator = (accumulator << 6) | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                result.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
                accumulator &= (1 << UInt32(bits)) - 1
            }
        }
        return result
    }

    /// `underscoreIsSpace` for the Q encoding of RFC 2047.
    static func quotedPrintable(_ bytes: ArraySlice<UInt8>, underscoreIsSpace: Bool = false) -> [UInt8] {
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            if byte == UInt8(ascii: "=") {
                let next = index + 1
                if next < bytes.endIndex, bytes[next] == 0x0A { index = next + 1; continue }
                if next + 1 < bytes.endIndex, bytes[next] == 0x0D, bytes[next + 1] == 0x0A { index = next + 2; continue }
                if next + 1 < bytes.endIndex, let high = hexValue(bytes[next]), let low = hexValue(bytes[next + 1]) {
                    result.append(high << 4 | low)
                    index = next + 2
                    continue
                }
            }
            result.append(underscoreIsSpace && byte == UInt8(ascii: "_") ? 0x20 : byte)
            index += 1
        }
        return result
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// A header field's value as read (UTF-8, or Latin-1 when it is not UTF-8), spaces trimmed.
    static func trimmed(_ bytes: [UInt8]) -> String {
        var slice = bytes[...]
        while let first = slice.first, first == 0x20 || first == 0x09 || first == 0x0D { slice = slice.dropFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice = slice.dropLast() }
        return text(slice, charset: nil)
    }

    static func text(_ bytes: ArraySlice<UInt8>, charset: String?) -> String {
        let latin1 = ["iso-8859-1", "iso-8859-15", "latin1", "windows-1252"].contains(charset?.lowercased() ?? "")
        if !latin1, let utf8 = String(validating: bytes, as: UTF8.self) { return utf8 }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    /// An unstructured value with its `=?charset?B|Q?…?=` words decoded; the
    /// spaces between two encoded words do not count (RFC 2047 §6.2).
    static func decodedWords(_ value: String) -> String {
        guard value.contains("=?") else { return value }
        var result = ""
        var pendingSpace = ""
        var lastWasEncoded = false
        for token in value.split(separator: " ", omittingEmptySubsequences: false) {
            if token.isEmpty { pendingSpace += " "; continue }
            if let decoded = decodedWord(token) {
                if !lastWasEncoded { result += pendingSpace }
                result += decoded
                lastWasEncoded = true
            } else {
                result += pendingSpace + token
                lastWasEncoded = false
            }
            pendingSpace = " "
        }
        return result
    }

    private static func decodedWord(_ word: Substring) -> String? {
        guard word.hasPrefix("=?"), word.hasSuffix("?="), word.count >= 8 else { return nil }
        let inner = word.dropFirst(2).dropLast(2)
        let pieces = inner.split(separator: "?", maxSplits: 2, omittingEmptySubsequences: false)
        guard pieces.count == 3 else { return nil }
        let charset = pieces[0].split(separator: "*").first.map(String.init) ?? ""
        let bytes = Array(pieces[2].utf8)[...]
        switch pieces[1].lowercased() {
        case "b": return text(base64(bytes)[...], charset: charset)
        case "q": return text(quotedPrintable(bytes, underscoreIsSpace: true)[...], charset: charset)
        default: return nil
        }
    }
}
