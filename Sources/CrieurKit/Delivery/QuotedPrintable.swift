/// Quoted-printable body encoding (RFC 2045, section 6.7): printable ASCII stays
/// readable, every other byte becomes `=XX`, line ends are CRLF and no line is
/// longer than 76 characters (soft breaks `=` CRLF). Bare CR are dropped and LF
/// become CRLF, so the output never holds a lone line-end character. Output never
/// contains `=_`, which is why multipart boundaries start with it.
enum QuotedPrintable {
    static let maxLine = 76
    private static let hex: [UInt8] = Array("0123456789ABCDEF".utf8)

    static func encode(_ text: String, into output: inout [UInt8]) {
        var text = text
        text.withUTF8 { input in
            // Worst case: every byte as =XX, plus a soft break (3 bytes) every 25 input bytes.
            let capacity = input.count * 3 + (input.count / 25 + 1) * 3
            let encoded = [UInt8](unsafeUninitializedCapacity: capacity) { out, written in
                var o = 0, lineLength = 0, index = 0
                let equals = UInt8(ascii: "=")
                while index < input.count {
                    let byte = input[index]
                    index += 1
                    let width: Int
                    if byte > 32 && byte < 127 && byte != equals {
                        width = 1
                    } else if byte == 0x0A {
                        out[o] = 0x0D; out[o + 1] = 0x0A; o += 2
                        lineLength = 0
                        continue
                    } else if byte == 0x0D {
                        continue
                    } else if byte == 0x20 || byte == 0x09 {
                        // A space or tab at the end of a line would be lost in transit: encode it.
                        let atLineEnd = index == input.count || input[index] == 0x0A || input[index] == 0x0D
                        width = atLineEnd ? 3 : 1
                    } else {
                        width = 3
                    }
                    if lineLength + width > maxLine - 1 {
                        out[o] = equals; out[o + 1] = 0x0D; out[o + 2] = 0x0A; o += 3
                        lineLength = 0
                    }
                    if width == 1 {
                        out[o] = byte; o += 1
                    } else {
                        out[o] = equals; out[o + 1] = hex[Int(byte >> 4)]; out[o + 2] = hex[Int(byte & 0x0F)]; o += 3
                    }
                    lineLength += width
                }
                written = o
            }
            output.append(contentsOf: encoded)
        }
    }
}
