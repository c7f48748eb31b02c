/// Writes JSON straight into UTF-8 bytes, for outputs too large to build as a
/// tree first (`crieur check --format json` on a long text lists every word).
/// The caller writes keys in the order it wants (sorted, to match what
/// `JSONEncoder` with `.sortedKeys` gives); commas are placed by the writer.
///
/// Its bytes are those of `JSONEncoder` with `.sortedKeys, .withoutEscapingSlashes`:
/// strings escaped as RFC 8259 requires (`"`, `\`, control characters, with
/// the short forms `\b \f \n \r \t`), `/` left alone, whole doubles without
/// `.0`. It never fails; a non-finite double, which JSON cannot hold, is
/// written as `null`.
struct JSONByteWriter {
    private(set) var bytes: [UInt8] = []
    /// Whether the next value or key of the open container needs a comma first.
    private var needsComma = false

    init(reservingCapacity capacity: Int = 0) {
        bytes.reserveCapacity(capacity)
    }

    // MARK: - Containers

    mutating func beginObject() {
        separate()
        bytes.append(UInt8(ascii: "{"))
        needsComma = false
    }

    mutating func endObject() {
        bytes.append(UInt8(ascii: "}"))
        needsComma = true
    }

    mutating func beginArray() {
        separate()
        bytes.append(UInt8(ascii: "["))
        needsComma = false
    }

    mutating func endArray() {
        bytes.append(UInt8(ascii: "]"))
        needsComma = true
    }

    /// The key of the next member of the open object; the value follows. A key
    /// written in the source needs no escaping (it has no quote, backslash or control).
    mutating func key(_ name: StaticString) {
        assert(name.withUTF8Buffer { !$0.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") } })
        separate()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    /// A key known only at run time (a channel name), escaped like any string.
    mutating func key(escaping name: String) {
        separate()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        needsComma = false
    }

    // MARK: - Values

    mutating func string(_ value: String) {
        separate()
        appendQuoted(value)
        needsComma = true
    }

    /// A string given as its UTF-8 bytes (valid UTF-8), escaped like any string.
    mutating func string(utf8 value: UnsafeBufferPointer<UInt8>) {
        separate()
        appendQuoted(utf8: value)
        needsComma = true
    }

    /// A value already written as JSON by another writer (`bytes` of a writer that wrote one value).
    mutating func value(json: UnsafeBufferPointer<UInt8>) {
        separate()
        bytes.append(contentsOf: json)
        needsComma = true
    }

    mutating func int(_ value: Int) {
        separate()
        // Most numbers written are syllable counts, one digit: no String for those.
        if (0..<10).contains(value) {
            bytes.append(UInt8(ascii: "0") + UInt8(value))
        } else {
            bytes.append(contentsOf: String(value).utf8)
        }
        needsComma = true
    }

    mutating func double(_ value: Double) {
        separate()
        guard value.isFinite else {
            bytes.append(contentsOf: "null".utf8)
            needsComma = true
            return
        }
        // JSONEncoder writes `description` and drops a trailing ".0" (5.0 → 5).
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        bytes.append(contentsOf: text.utf8)
        needsComma = true
    }

    mutating func bool(_ value: Bool) {
        separate()
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
        needsComma = true
    }

    /// Hands the bytes written so far to `output` and forgets them (keeping the buffer), so
    /// that a long document goes out in pieces rather than being held whole in memory.
    mutating func drain(to output: (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes.withUnsafeBufferPointer(output)
        bytes.removeAll(keepingCapacity: true)
    }

    // MARK: - Bytes

    private mutating func separate() {
        if needsComma { bytes.append(UInt8(ascii: ",")) }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Whether one of the eight bytes of `word` is a control character, `"` or `\`, by
    /// the classic bit tricks: `(x - 0x01…) & ~x & 0x80…` is non-zero exactly when a byte
    /// of `x` is zero, and `(x - n…) & ~x & 0x80…` when a byte is below `n` (n ≤ 128).
    @inline(__always)
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quote = word ^ (ones &* UInt64(UInt8(ascii: "\"")))
        let backslash = word ^ (ones &* UInt64(UInt8(ascii: "\\")))
        let hasQuote = (quote &- ones) & ~quote & highs
        let hasBackslash = (backslash &- ones) & ~backslash & highs
        return control | hasQuote | hasBackslash != 0
    }

    /// `text` between quotes; runs of bytes that need no escape are copied whole.
    private mutating func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { appendQuoted(utf8: $0) }
    }

    /// The UTF-8 bytes `utf8` between quotes, escaped.
    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        bytes.append(UInt8(ascii: "\""))
        var runStart = 0
        var i = 0
        while i < utf8.count {
            // Eight bytes at a time while none of them needs an escape (most of any text).
            if i + 8 <= utf8.count, !Self.mayNeedEscape(UnsafeRawPointer(utf8.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                i += 8
                continue
            }
            let byte = utf8[i]
            guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else {
                i += 1
                continue
            }
            // Runs are appended as buffers of their own (rebased), which copy in one go;
            // a slice of the buffer was copied byte by byte through an iterator.
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<i]))
            i += 1
            runStart = i
            bytes.append(UInt8(ascii: "\\"))
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
            case 0x08: bytes.append(UInt8(ascii: "b"))
            case 0x0C: bytes.append(UInt8(ascii: "f"))
            case 0x0A: bytes.append(UInt8(ascii: "n"))
            case 0x0D: bytes.append(UInt8(ascii: "r"))
            case 0x09: bytes.append(UInt8(ascii: "t"))
            default:
                bytes.append(contentsOf: "u00".utf8)
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
        bytes.append(UInt8(ascii: "\""))
    }
}
