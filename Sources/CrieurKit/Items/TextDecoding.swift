import Foundation

/// Turns the bytes of an announcement into text with LF line ends, whatever
/// Windows or a Mac did to them: UTF-8 with or without BOM, UTF-16 with BOM
/// (Notepad's "Unicode"), else Windows-1252; CRLF and lone CR become LF.
///
/// On failure it throws an `ItemRejection` in French: a file that is empty, too
/// large (checked before decoding), not text at all (Word, PDF, pictures), or
/// that hides control characters, which could otherwise smuggle an extra line
/// into an e-mail header or reverse how a title reads.
public enum TextDecoding {
    /// The encoding the bytes turned out to be in.
    public enum SourceEncoding: Sendable, Hashable {
        case utf8, utf16LittleEndian, utf16BigEndian, windows1252
    }

    /// Decoded text and the forbidden characters found in it, kept apart so that
    /// the parser can report them together with the header's problems.
    struct Decoded: Sendable {
        var text: String
        var encoding: SourceEncoding
        var problems: [ItemProblem]
    }

    /// The text of `data`, or every reason it cannot be read as an announcement.
    public static func decode(_ data: Data, maxBytes: Int = 1_048_576) throws(ItemRejection) -> String {
        let decoded = try decodeCollecting(data, maxBytes: maxBytes)
        if !decoded.problems.isEmpty { throw ItemRejection(decoded.problems) }
        return decoded.text
    }

    /// The file is over the size limit (also used by the queue, which stops reading early).
    public static func tooLargeProblem(size bytes: Int, maxBytes: Int) -> ItemProblem {
        var size = frenchSize(bytes), limit = frenchSize(maxBytes)
        if size == limit { (size, limit) = (exactSize(bytes), exactSize(maxBytes)) }
        return ItemProblem(
            line: nil,
            message: "Le fichier est trop volumineux : \(size), alors que la limite est de \(limit).",
            fix: "Découpez l'annonce en plusieurs fichiers plus courts, ou retirez les images collées dans le texte "
                + "(joignez plutôt l'image comme fichier à part, avec la ligne « Image: »)."
        )
    }

    /// Throws only when nothing sensible can be read; forbidden characters are returned as problems.
    static func decodeCollecting(_ data: Data, maxBytes: Int) throws(ItemRejection) -> Decoded {
        if data.count > maxBytes {
            throw ItemRejection([tooLargeProblem(size: data.count, maxBytes: maxBytes)])
        }
        guard !data.isEmpty else { throw ItemRejection([emptyFile]) }
        guard let (raw, encoding) = rawText(of: [UInt8](data)) else { throw ItemRejection([notText]) }
        let text = withLineFeeds(raw)
        let mayHoldForbidden = mayHoldForbiddenCharacters(text)
        if mayHoldForbidden && looksBinary(text) { throw ItemRejection([notText]) }
        if text.unicodeScalars.allSatisfy({ CharacterSet.whitespacesAndNewlines.contains($0) }) {
            throw ItemRejection([emptyFile])
        }
        let problems = mayHoldForbidden ? forbiddenCharacterProblems(in: text, firstLine: 1) : []
        return Decoded(text: text, encoding: encoding, problems: problems)
    }

    // MARK: - Encodings

    private static func rawText(of bytes: [UInt8]) -> (String, SourceEncoding)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            let rest = bytes.dropFirst(3)
            if let text = String(validating: rest, as: UTF8.self) { return (text, .utf8) }
            return windows1252(rest).map { ($0, .windows1252) }
        }
        if bytes.starts(with: [0xFF, 0xFE]) {
            return utf16(bytes.dropFirst(2), bigEndian: false).map { ($0, .utf16LittleEndian) }
        }
        if bytes.starts(with: [0xFE, 0xFF]) {
            return utf16(bytes.dropFirst(2), bigEndian: true).map { ($0, .utf16BigEndian) }
        }
        if let text = String(validating: bytes, as: UTF8.self) { return (text, .utf8) }
        return windows1252(bytes[...]).map { ($0, .windows1252) }
    }

    private static func utf16(_ bytes: ArraySlice<UInt8>, bigEndian: Bool) -> String? {
        guard bytes.count % 2 == 0 else { return nil }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let first = UInt16(bytes[index]), second = UInt16(bytes[index + 1])
            units.append(bigEndian ? first << 8 | second : second << 8 | first)
            index += 2
        }
        return String(validating: units, as: UTF16.self)
    }

    /// Windows-1252 is Latin-1 except for 0x80–0x9F, where Windows put typographic
    /// quotes, dashes, the euro sign…; its five undefined bytes mean the file is not text.
    private static func windows1252(_ bytes: ArraySlice<UInt8>) -> String? {
        var scalars = String.UnicodeScalarView()
        for byte in bytes {
            if (0x80...0x9F).contains(byte) {
                guard let value = windows1252High[Int(byte) - 0x80], let scalar = Unicode.Scalar(value) else { return nil }
                scalars.append(scalar)
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    private static let windows1252High: [UInt32?] = [
        0x20AC, nil, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, nil, 0x017D, nil,
        nil, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, nil, 0x017E, 0x0178,
    ]

    /// CRLF and lone CR (old Mac files) become LF, scalar by scalar because
    /// `String` treats CRLF as a single character.
    static func withLineFeeds(_ text: String) -> String {
        // Scanned through the contiguous bytes: walking `utf8` by index cost several times more.
        let cr = UInt8(ascii: "\r")
        // memchr compares many bytes per instruction; most texts have no CR at all.
        let hasCR = text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.baseAddress.map { memchr($0, Int32(cr), bytes.count) != nil } ?? false
        } ?? text.utf8.contains(cr)
        guard hasCR else { return text }
        var scalars = String.UnicodeScalarView()
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            if scalar == "\r" {
                scalars.append("\n")
                previousWasCR = true
                continue
            }
            if !(scalar == "\n" && previousWasCR) { scalars.append(scalar) }
            previousWasCR = false
        }
        return String(scalars)
    }

    // MARK: - Control characters

    /// Characters no announcement needs and that can change what a line means:
    /// C0 controls but TAB and LF, DEL, C1 controls, Unicode line and paragraph
    /// separators, and the bidirectional overrides and isolates.
    static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: return false
        case 0x00..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }

    /// False when a scan of the UTF-8 bytes proves that no scalar `isForbidden`: no byte
    /// below 0x20 but TAB and LF, no DEL, no C1 control (C2 80–9F), no separator or
    /// override (E2 80 A8–AE) and no isolate (E2 81 A6–A9). Nearly every text passes,
    /// typographic apostrophes and ellipses (E2 80 99, E2 80 A6) included, and is then
    /// spared two walks over its scalars.
    static func mayHoldForbiddenCharacters(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            while i < bytes.count {
                // Eight bytes at a time while none is a control, DEL, C2 or E2 (most of any text).
                if i + 8 <= bytes.count, !mayStartForbidden(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self)) {
                    i += 8
                    continue
                }
                let byte = bytes[i]
                if byte < 0x20 && byte != 0x09 && byte != 0x0A || byte == 0x7F { return true }
                if byte == 0xC2, i + 1 < bytes.count, bytes[i + 1] & 0xE0 == 0x80 { return true }
                if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x80, (0xA8...0xAE).contains(bytes[i + 2]) { return true }
                if byte == 0xE2, i + 2 < bytes.count, bytes[i + 1] == 0x81, (0xA6...0xA9).contains(bytes[i + 2]) { return true }
                i += 1
            }
            return false
        }
    }

    /// Whether one of the eight bytes of `word` is below 0x20, DEL, C2 or E2: the bytes a
    /// forbidden character starts with (bit tricks: `(x - 0x01…) & ~x & 0x80…` is non-zero
    /// exactly when a byte of `x` is zero, `(x - n…) & ~x & 0x80…` when one is below n ≤ 128).
    @inline(__always)
    private static func mayStartForbidden(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        func hasByte(_ byte: UInt8) -> UInt64 {
            let x = word ^ (ones &* UInt64(byte))
            return (x &- ones) & ~x & highs
        }
        let control = (word &- ones &* 0x20) & ~word & highs
        return control | hasByte(0x7F) | hasByte(0xC2) | hasByte(0xE2) != 0
    }

    /// Word, PDF or image bytes: a NUL, or control characters making up more
    /// than a tenth of the text (a typed title with one stray character is not binary).
    private static func looksBinary(_ text: String) -> Bool {
        var total = 0, controls = 0
        for scalar in text.unicodeScalars {
            total += 1
            if scalar.value == 0 { return true }
            if isForbidden(scalar), scalar.value < 0xA0 { controls += 1 }
        }
        return controls >= 8 && controls * 10 > total
    }

    /// One problem per line holding a forbidden character (at most ten, the rest
    /// is noise). `firstLine` is nil for text without lines (a JSON value); `field`
    /// names that value.
    static func forbiddenCharacterProblems(in text: String, firstLine: Int?, field: String? = nil) -> [ItemProblem] {
        var problems: [ItemProblem] = []
        var offset = 0
        var reportedOffset = -1
        for scalar in text.unicodeScalars {
            if scalar == "\n" {
                offset += 1
                continue
            }
            guard isForbidden(scalar), reportedOffset != offset else { continue }
            reportedOffset = offset
            let line = firstLine.map { $0 + offset }
            let place = field.map { "La valeur de « \($0) »" } ?? "Cette ligne"
            problems.append(ItemProblem(
                line: line,
                message: "\(place) contient \(describe(scalar)), qui n'est pas permis.",
                fix: "Retapez ce texte à la main au lieu de le copier-coller depuis un autre document ou un site web."
            ))
            if problems.count == 10 { break }
        }
        return problems
    }

    private static func describe(_ scalar: Unicode.Scalar) -> String {
        let code = String(format: "U+%04X", scalar.value)
        switch scalar.value {
        case 0x2028, 0x2029: return "un saut de ligne spécial (\(code))"
        case 0x202A...0x202E, 0x2066...0x2069: return "un caractère invisible qui change le sens de l'écriture (\(code))"
        default: return "un caractère de contrôle invisible (\(code))"
        }
    }

    // MARK: - Messages

    private static let emptyFile = ItemProblem(
        line: nil,
        message: "Le fichier est vide.",
        fix: "Écrivez l'annonce dans le fichier : les lignes « Titre: » et « Canaux: », une ligne « --- », puis le texte."
    )

    private static let notText = ItemProblem(
        line: nil,
        message: "Ce fichier n'est pas un texte : il vient peut-être de Word ou d'un PDF.",
        fix: "Ouvrez-le, enregistrez-le en texte brut (.txt), puis déposez ce nouveau fichier."
    )

    /// « 850 octets », « 12,5 ko », « 2,3 Mo »: what staff see in their file browser.
    static func frenchSize(_ bytes: Int) -> String {
        if bytes < 1024 { return exactSize(bytes) }
        let (value, unit) = bytes < 1_048_576 ? (Double(bytes) / 1024, "ko") : (Double(bytes) / 1_048_576, "Mo")
        var number = String(format: "%.1f", value).replacingOccurrences(of: ".", with: ",")
        if number.hasSuffix(",0") { number.removeLast(2) }
        return "\(number) \(unit)"
    }

    /// « 1 048 577 octets », for sizes that round to the limit.
    static func exactSize(_ bytes: Int) -> String {
        var digits = String(bytes)
        var groups: [String] = []
        while digits.count > 3 {
            groups.insert(String(digits.suffix(3)), at: 0)
            digits.removeLast(3)
        }
        groups.insert(digits, at: 0)
        return groups.joined(separator: " ") + (bytes > 1 ? " octets" : " octet")
    }
}
