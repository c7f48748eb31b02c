/// Quoted-printable body encoding (RFC 2045, section 6.7): printable ASCII stays
/// readable, every other byte becomes `=XX`, line ends are CRLF and no line is
/// longer than 76 characters (soft breaks `=` CRLF). Bare CR are dropped and LF
/// become CRLF, so the output never holds a lone line-end character. Output never
/// contains `=_`, which is why multipart boundaries start with it.
enum QuotedPrintable {
    static let maxLine = 76
    private static let hex = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String, into output: inout [UInt8]) {
        var lineLength = 0
        let bytes = Array(text.utf8)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            index += 1
            if byte == 0x0D { continue }
            if byte == 0x0A {
                output += [0x0D, 0x0A]
                lineLength = 0
                continue
            }
            // A space or tab at the end of a line would be lost in transit: encode it.
            let atLineEnd = index == bytes.count || bytes[index] == 0x0A || bytes[index] == 0x0D
            let literal = (byte >= 33 && byte <= 126 && byte != UInt8(ascii: "=")) || ((byte == 0x20 || byte == 0x09) && !atLineEnd)
            let width = literal ? 1 : 3
            if lineLength + width > maxLine - 1 {
                output += [UInt8(ascii: "="), 0x0D, 0x0A]
                lineLength = 0
            }
            if literal {
                output.append(byte)
            } else {
                output += [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 0x0F)]]
            }
            lineLength += width
        }
    }
}
