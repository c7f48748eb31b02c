/// Splits French text into sentences and words for the readability checker.
///
/// A sentence ends at `.`, `?`, `!` or `…` followed by a space or a line end,
/// at a blank line, around each line of a `- ` list, and after a title line
/// (a short line without final punctuation followed by a capitalised line).
/// It does not end after an abbreviation (M., Mme, art., p. ex., c.-à-d.),
/// nor inside a decimal (3,5), a time (9h30), a date (01/12/2026), a phone
/// number (081/22.33.44), a URL or an e-mail address, because none of those
/// has a space right after its dot.
///
/// Words keep their elision (*l'avocat* is one word) and their hyphens
/// (*grille-pain*); a number written in groups (0800 12 345, 9 h 30) is one
/// word. URLs and e-mail addresses are not words: nobody reads them as prose.
/// Never fails: any text gives a (possibly empty) list of sentences.
///
/// It reads the text's UTF-8 bytes once, into a `TokenizedText`: the sentences'
/// texts go to one byte buffer and each word is numbered as it is read
/// (`WordNumbering`), so no String is made per word or sentence. Only the
/// punctuation and spaces it looks for are compared as bytes (they are ASCII
/// or fixed UTF-8 sequences, never part of another character); a scalar is
/// decoded where a letter, digit or capital must be told apart.
public struct FrenchTokenizer: Sendable {
    /// One word as written, with what kind of token it is.
    public struct Word: Hashable, Sendable {
        public var text: String
        public var kind: Kind

        public enum Kind: String, Hashable, Sendable, Codable {
            case word
            /// Digits, possibly grouped or with units (9 h 30, 3,5, 1er).
            case number
            /// Two or more letters, all capitals (CPAS, PIIS).
            case capitals
        }

        public init(text: String, kind: Kind) {
            self.text = text
            self.kind = kind
        }
    }

    /// One sentence, its 1-based line in the source and its words.
    public struct Sentence: Hashable, Sendable {
        public var text: String
        public var line: Int
        public var words: [Word]

        public init(text: String, line: Int, words: [Word]) {
            self.text = text
            self.line = line
            self.words = words
        }
    }

    /// Lower-case abbreviations (without their final dot) after which a dot does not end a sentence.
    public static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "art", "n°", "no", "nos",
        "p", "ex", "p.ex", "c.-à-d", "c-à-d", "cf", "av", "bd", "ch", "tél", "tel", "fax", "vol", "éd", "env",
        "min", "max", "hab", "approx", "réf", "ref", "adr", "dép", "gsm", "prov", "fr", "coll", "chap", "al",
        "sq", "resp", "ca",
    ]

    /// Abbreviations that end a sentence when the next word has a capital (… etc. Venez).
    static let closingAbbreviations: Set<String> = ["etc", "cf"]

    /// Scalars in the longest abbreviation of either list (*approx*).
    static let longestAbbreviation = abbreviations.union(closingAbbreviations).map(\.unicodeScalars.count).max() ?? 0

    public init() {}

    /// The sentences of `text`, whose first line is line `firstLine` of its file, as a list
    /// with their words as Strings, for callers that want one; the checker itself reads
    /// the flat `TokenizedText` of `tokenize(_:firstLine:into:)`.
    public func sentences(in text: String, firstLine: Int = 1) -> [Sentence] {
        var tokens = TokenizedText(reservingFor: text.utf8.count)
        tokenize(text, firstLine: firstLine, into: &tokens)
        let words = (0..<Int32(tokens.numbering.count)).map { id in
            let text = tokens.numbering.string(of: id)
            return Word(text: text, kind: Self.kind(of: text.unicodeScalars))
        }
        return tokens.sentences.indices.map { index in
            let span = tokens.sentences[index]
            return Sentence(
                text: tokens.text(ofSentence: index), line: span.line,
                words: tokens.wordIDs[span.words].map { words[Int($0)] })
        }
    }

    /// Appends the sentences and words of `text`, whose first line is line `firstLine`
    /// of its file, to `tokens`, numbering words in `tokens.numbering`.
    func tokenize(_ text: String, firstLine: Int = 1, into tokens: inout TokenizedText) {
        func read(_ source: UnsafeBufferPointer<UInt8>, _ lines: [Range<Int>]) {
            // Swapped in and out rather than copied, so that appending never copies the arrays.
            var reader = Reader(source: source, tokenizer: self)
            swap(&reader.tokens, &tokens)
            reader.read(lines: lines, firstLine: firstLine)
            swap(&reader.tokens, &tokens)
        }
        var text = text
        text.withUTF8 { utf8 in
            // Most texts have no space or mark to normalise: they are read in place, uncopied.
            if let lines = Self.linesIfNormal(utf8) {
                read(utf8, lines)
            } else {
                let (bytes, lines) = normalizedLines(utf8)
                bytes.withUnsafeBufferPointer { read($0, lines) }
            }
        }
    }

    /// Where each line of `utf8` lies (line feeds left out), or nil when the text has a byte
    /// that `normalizedLines` would change: a carriage return, a tab, a byte order mark or
    /// one of the spaces read as plain spaces.
    static func linesIfNormal(_ utf8: UnsafeBufferPointer<UInt8>) -> [Range<Int>]? {
        var lines: [Range<Int>] = []
        lines.reserveCapacity(utf8.count / 64 + 1)
        var lineStart = 0
        for i in utf8.indices {
            switch utf8[i] {
            case 0x0A:
                lines.append(lineStart..<i)
                lineStart = i + 1
            case 0x0D, 0x09: return nil
            case 0xC2 where utf8[i + 1] == 0xA0: return nil
            case 0xE2 where utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xAF || utf8[i + 2] == 0x89): return nil
            case 0xEF where utf8[i + 1] == 0xBB && utf8[i + 2] == 0xBF: return nil
            default: continue
            }
        }
        lines.append(lineStart..<utf8.count)
        return lines
    }

    /// The bytes of `utf8` with the spaces the tokenizer treats alike (tab, no-break,
    /// narrow no-break and thin spaces) made plain spaces, without carriage returns and
    /// byte order marks, and where each line lies among them (line breaks left out).
    func normalizedLines(_ utf8: UnsafeBufferPointer<UInt8>) -> (bytes: [UInt8], lines: [Range<Int>]) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count)
        var lines: [Range<Int>] = []
        lines.reserveCapacity(utf8.count / 64 + 1)
        var lineStart = 0
        var i = 0
        while i < utf8.count {
            let byte = utf8[i]
            switch byte {
            case 0x0A:
                lines.append(lineStart..<bytes.count)
                lineStart = bytes.count
            case 0x0D: break
            case 0x09: bytes.append(0x20)
            case 0xC2 where utf8[i + 1] == 0xA0:  // U+00A0
                bytes.append(0x20)
                i += 1
            case 0xE2 where utf8[i + 1] == 0x80 && (utf8[i + 2] == 0xAF || utf8[i + 2] == 0x89):  // U+202F, U+2009
                bytes.append(0x20)
                i += 2
            case 0xEF where utf8[i + 1] == 0xBB && utf8[i + 2] == 0xBF:  // U+FEFF
                i += 2
            default: bytes.append(byte)
            }
            i += 1
        }
        lines.append(lineStart..<bytes.count)
        return (bytes, lines)
    }

    /// One reading of a text: the source bytes, the sentence being gathered (the bytes of
    /// `tokens.sentenceBytes` from `sentenceStart` on) and where the results go.
    struct Reader {
        let source: UnsafeBufferPointer<UInt8>
        var tokens = TokenizedText()
        let tokenizer: FrenchTokenizer
        var sentenceStart = 0
        var sentenceLine = 0
        /// A word of several groups (0800 12 345) whose groups were not one space apart.
        var joined: [UInt8] = []

        init(source: UnsafeBufferPointer<UInt8>, tokenizer: FrenchTokenizer) {
            self.source = source
            self.tokenizer = tokenizer
        }

        var sentenceIsEmpty: Bool { tokens.sentenceBytes.count == sentenceStart }

        mutating func read(lines: [Range<Int>], firstLine: Int) {
            let p = source
            sentenceStart = tokens.sentenceBytes.count
            for (offset, line) in lines.enumerated() {
                let lineNumber = firstLine + offset
                let (content, isListItem) = tokenizer.stripListMarker(p, tokenizer.trimmed(p, line))
                if content.isEmpty {
                    flush()
                    continue
                }
                if isListItem { flush() }
                if sentenceIsEmpty { sentenceLine = lineNumber } else { tokens.sentenceBytes.append(0x20) }
                var i = content.lowerBound
                let end = content.upperBound
                while i < end {
                    if sentenceIsEmpty {
                        while i < end, p[i] == 0x20 { i += 1 }
                        guard i < end else { break }
                        sentenceLine = lineNumber
                    }
                    // The text up to the next sentence punctuation goes in at once.
                    var mark = i
                    while mark < end, FrenchTokenizer.sentencePunctuationLength(p, at: mark) == 0 { mark += 1 }
                    tokens.sentenceBytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[i..<mark]))
                    guard mark < end else { break }
                    // The punctuation and the whole run of closing punctuation after it (?!, ..., .»).
                    var j = mark + FrenchTokenizer.sentencePunctuationLength(p, at: mark)
                    while j < end {
                        let length = FrenchTokenizer.closingPunctuationLength(p, at: j)
                        guard length > 0 else { break }
                        j += length
                    }
                    tokens.sentenceBytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[mark..<j]))
                    let atBreak = j >= end || p[j] == 0x20
                    if atBreak && tokenizer.endsSentence(p, content, dotAt: mark, runEnd: j) {
                        flush()
                    }
                    i = j
                }
                if isListItem {
                    flush()
                } else if offset + 1 < lines.count, tokenizer.isTitleLine(p, content, before: lines[offset + 1]) {
                    flush()
                }
            }
            flush()
        }

        /// Ends the sentence gathered so far: trimmed, its words numbered, kept if it has any.
        mutating func flush() {
            defer { sentenceStart = tokens.sentenceBytes.count }
            var start = sentenceStart, end = tokens.sentenceBytes.count
            while start < end, tokens.sentenceBytes[start] == 0x20 { start += 1 }
            while end > start, tokens.sentenceBytes[end - 1] == 0x20 { end -= 1 }
            if end < tokens.sentenceBytes.count { tokens.sentenceBytes.removeSubrange(end...) }
            if start > sentenceStart { tokens.sentenceBytes.removeSubrange(sentenceStart..<start) }
            end -= start - sentenceStart
            start = sentenceStart
            guard start < end else { return }
            let firstWord = tokens.wordIDs.count
            do {
                // A second reference only while the words are read (the bytes do not change
                // meanwhile), released before the buffer is appended to again.
                let sentence = tokens.sentenceBytes
                sentence.withUnsafeBufferPointer { appendWords(of: $0, start..<end) }
            }
            if tokens.wordIDs.count == firstWord {
                tokens.sentenceBytes.removeSubrange(start...)
                return
            }
            tokens.sentences.append(.init(words: firstWord..<tokens.wordIDs.count, text: start..<end, line: sentenceLine))
        }

        /// Numbers the words of `range` in `p`: its chunks between spaces, without surrounding
        /// punctuation, URLs and e-mail addresses left out. Groups of one number (0800 12 345),
        /// and the h of a time (9 h 30), stay one word.
        mutating func appendWords(of p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) {
            var previousWasNumber = false
            var pending: Range<Int>?
            var pendingJoined = false
            var i = range.lowerBound
            while i < range.upperBound {
                guard p[i] != 0x20 else {
                    i += 1
                    continue
                }
                var j = i + 1
                while j < range.upperBound, p[j] != 0x20 { j += 1 }
                let chunk = i..<j
                i = j
                guard let core = tokenizer.wordCore(p, chunk) else {
                    previousWasNumber = false
                    continue
                }
                let isNumber = p[core].contains { $0 &- 0x30 < 10 }
                if previousWasNumber, let group = pending, isNumber || (core.count == 1 && p[core.lowerBound] == UInt8(ascii: "h")) {
                    if !pendingJoined, group.upperBound + 1 == core.lowerBound {
                        pending = group.lowerBound..<core.upperBound  // one space apart: still one range
                    } else {
                        if !pendingJoined {
                            joined.removeAll(keepingCapacity: true)
                            joined.append(contentsOf: UnsafeBufferPointer(rebasing: p[group]))
                            pendingJoined = true
                        }
                        joined.append(0x20)
                        joined.append(contentsOf: UnsafeBufferPointer(rebasing: p[core]))
                    }
                    continue
                }
                if let group = pending { number(p, group, joined: pendingJoined) }
                pending = core
                pendingJoined = false
                previousWasNumber = isNumber
            }
            if let group = pending { number(p, group, joined: pendingJoined) }
        }

        private mutating func number(_ p: UnsafeBufferPointer<UInt8>, _ word: Range<Int>, joined isJoined: Bool) {
            let id = isJoined
                ? joined.withUnsafeBufferPointer { tokens.numbering.id(for: $0) }
                : tokens.numbering.id(for: UnsafeBufferPointer(rebasing: p[word]))
            tokens.wordIDs.append(id)
        }
    }

    // MARK: - Bytes and scalars

    /// The scalar starting at byte `i` of valid UTF-8, and its length in bytes.
    @inline(__always)
    static func scalar(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> (Unicode.Scalar, Int) {
        let b0 = UInt32(p[i])
        if b0 < 0x80 { return (Unicode.Scalar(UInt8(b0)), 1) }
        if b0 < 0xE0 { return (Unicode.Scalar((b0 & 0x1F) << 6 | UInt32(p[i + 1]) & 0x3F)!, 2) }
        if b0 < 0xF0 {
            return (Unicode.Scalar((b0 & 0x0F) << 12 | (UInt32(p[i + 1]) & 0x3F) << 6 | UInt32(p[i + 2]) & 0x3F)!, 3)
        }
        let value = (b0 & 0x07) << 18 | (UInt32(p[i + 1]) & 0x3F) << 12 | (UInt32(p[i + 2]) & 0x3F) << 6 | UInt32(p[i + 3]) & 0x3F
        return (Unicode.Scalar(value)!, 4)
    }

    /// Where the scalar ending just before byte `i` starts.
    @inline(__always)
    static func previousScalarStart(_ p: UnsafeBufferPointer<UInt8>, before i: Int) -> Int {
        var k = i - 1
        while p[k] & 0xC0 == 0x80 { k -= 1 }
        return k
    }

    static func scalarCount(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        p[range].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Whether `p` holds the three bytes E2 80 `last` at `i` (…, ’, ”, • and – all start so).
    @inline(__always)
    static func isE280(_ p: UnsafeBufferPointer<UInt8>, at i: Int, _ last: UInt8) -> Bool {
        p[i] == 0xE2 && i + 2 < p.count && p[i + 1] == 0x80 && p[i + 2] == last
    }

    // MARK: - Sentence ends

    /// The length of the sentence punctuation (`.`, `?`, `!`, `…`) at `i`, 0 if there is none.
    @inline(__always)
    static func sentencePunctuationLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch p[i] {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"): return 1
        case 0xE2: return isE280(p, at: i, 0xA6) ? 3 : 0
        default: return 0
        }
    }

    /// The length of the closing punctuation (. ? ! … » " ) ” ’ *) at `i`, 0 if there is none.
    static func closingPunctuationLength(_ p: UnsafeBufferPointer<UInt8>, at i: Int) -> Int {
        switch p[i] {
        case UInt8(ascii: "."), UInt8(ascii: "?"), UInt8(ascii: "!"), UInt8(ascii: "\""), UInt8(ascii: ")"), UInt8(ascii: "*"):
            return 1
        case 0xC2: return i + 1 < p.count && p[i + 1] == 0xBB ? 2 : 0
        case 0xE2: return isE280(p, at: i, 0xA6) || isE280(p, at: i, 0x9D) || isE280(p, at: i, 0x99) ? 3 : 0
        default: return 0
        }
    }

    /// Whether the punctuation at `i` of `line` (a run ending before `runEnd`, followed by a
    /// space or the line end) closes the sentence.
    func endsSentence(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>, dotAt i: Int, runEnd: Int) -> Bool {
        guard p[i] == UInt8(ascii: "."), runEnd == i + 1 else { return true }
        // The token just before the dot, back to the previous space.
        var start = i
        while start > line.lowerBound, p[start - 1] != 0x20, p[start - 1] != UInt8(ascii: "(") { start -= 1 }
        // Most sentences end on a plain word: one longer than every abbreviation (6 scalars;
        // lower-casing never shortens), without a dot or an apostrophe to cut it at, is none
        // of the cases below. Deciding that here spares a lower-cased String per sentence.
        if Self.scalarCount(p, start..<i) > Self.longestAbbreviation,
            !(start..<i).contains(where: { p[$0] == UInt8(ascii: ".") || p[$0] == UInt8(ascii: "'") || Self.isE280(p, at: $0, 0x99) })
        {
            return true
        }
        var token = String(decoding: UnsafeBufferPointer(rebasing: p[start..<i]), as: UTF8.self).lowercased()
        if let apostrophe = token.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }) {
            token = String(token[token.index(after: apostrophe)...])  // l'art. → art
        }
        if token.isEmpty { return true }
        let nextWordStartsWithCapital: Bool = {
            var j = runEnd
            while j < line.upperBound, p[j] == 0x20 { j += 1 }
            guard j < line.upperBound else { return true }
            let next = Self.scalar(p, at: j).0
            return LetterTable.isUppercase(next) || !LetterTable.isLetter(next)
        }()
        if Self.closingAbbreviations.contains(token) { return nextWordStartsWithCapital }
        if Self.abbreviations.contains(token) { return false }
        // An initial (J. Dupont) or the dotted parts of p. ex. and c.-à-d.
        let letters = token.unicodeScalars.reduce(0) { $0 + (LetterTable.isLetter($1) ? 1 : 0) }
        if letters == 1, token.unicodeScalars.count <= 2,
            LetterTable.isUppercase(Self.scalar(p, at: Self.previousScalarStart(p, before: i)).0)
        {
            return false
        }
        // The scalar test first spares a Foundation search for the tokens without a dot.
        if token.unicodeScalars.contains("."), token.contains("."), Self.abbreviations.contains(String(token.split(separator: ".").last ?? "")) {
            return false
        }
        return true
    }

    /// A title or heading: a short line without final punctuation, before a line starting with a capital.
    func isTitleLine(_ p: UnsafeBufferPointer<UInt8>, _ content: Range<Int>, before next: Range<Int>) -> Bool {
        guard !content.isEmpty else { return false }
        let last = p[content.upperBound - 1]
        switch last {
        case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "?"), UInt8(ascii: "!"):
            return false
        case 0xA6 where content.count >= 3 && Self.isE280(p, at: content.upperBound - 3, 0xA6):
            return false
        default: break
        }
        let (nextContent, nextIsListItem) = stripListMarker(p, trimmed(p, next))
        guard !nextIsListItem, !nextContent.isEmpty, LetterTable.isUppercase(Self.scalar(p, at: nextContent.lowerBound).0)
        else { return false }
        var words = 0, previous: UInt8 = 0x20
        for byte in p[content] {
            if previous == 0x20 && byte != 0x20 { words += 1 }
            previous = byte
        }
        return words <= 12
    }

    // MARK: - Lines

    func trimmed(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Range<Int> {
        var start = range.lowerBound, end = range.upperBound
        while start < end, p[start] == 0x20 { start += 1 }
        while end > start, p[end - 1] == 0x20 { end -= 1 }
        return start..<end
    }

    /// Removes a list marker (`- `, `* `, `• `, `– `, `1. `, `1) `) from a trimmed line and
    /// says whether there was one.
    func stripListMarker(_ p: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> (Range<Int>, Bool) {
        let s = line.lowerBound
        guard line.count >= 2 else { return (line, false) }
        if (p[s] == UInt8(ascii: "-") || p[s] == UInt8(ascii: "*")) && p[s + 1] == 0x20 {
            return (trimmed(p, (s + 2)..<line.upperBound), true)
        }
        if line.count >= 4, Self.isE280(p, at: s, 0xA2) || Self.isE280(p, at: s, 0x93), p[s + 3] == 0x20 {
            return (trimmed(p, (s + 4)..<line.upperBound), true)
        }
        var i = s
        while i < line.upperBound, i - s < 3, p[i] &- 0x30 < 10 { i += 1 }
        if i > s, i + 1 < line.upperBound, p[i] == UInt8(ascii: ".") || p[i] == UInt8(ascii: ")"), p[i + 1] == 0x20 {
            return (trimmed(p, (i + 2)..<line.upperBound), true)
        }
        return (line, false)
    }

    // MARK: - Words

    /// The chunk without surrounding punctuation, or nil when it is not a word (a dash, a URL).
    func wordCore(_ p: UnsafeBufferPointer<UInt8>, _ chunk: Range<Int>) -> Range<Int>? {
        var first = chunk.lowerBound
        while first < chunk.upperBound {
            let (scalar, length) = Self.scalar(p, at: first)
            if isWordScalar(scalar) { break }
            first += length
        }
        guard first < chunk.upperBound else { return nil }
        var end = chunk.upperBound
        while true {
            let start = Self.previousScalarStart(p, before: end)
            let scalar = Self.scalar(p, at: start).0
            if isWordScalar(scalar) || scalar == "°" { break }
            end = start
        }
        if isURLOrEmail(p, chunk) { return nil }
        return first..<end
    }

    func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        LetterTable.isLetter(c) || LetterTable.isDigit(c)
    }

    func isURLOrEmail(_ p: UnsafeBufferPointer<UInt8>, _ chunk: Range<Int>) -> Bool {
        // Every form below needs a dot or a colon; most words have neither, and
        // building a lower-cased String for each of them was a quarter of the checker's time.
        // Sharper still: a colon, an @, a dot followed by a letter (.be, .com) or a dot
        // after a w (www.). A word that merely ends a sentence (familles.) has none.
        let mayBeAddress = chunk.contains { i in
            switch p[i] {
            case UInt8(ascii: ":"), UInt8(ascii: "@"):
                return true
            case UInt8(ascii: "."):
                if i + 1 < chunk.upperBound, p[i + 1] < 0x80, LetterTable.isLetter(Unicode.Scalar(p[i + 1])) { return true }
                return i > chunk.lowerBound && (p[i - 1] == UInt8(ascii: "w") || p[i - 1] == UInt8(ascii: "W"))
            default:
                return false
            }
        }
        guard mayBeAddress else { return false }
        let text = String(decoding: UnsafeBufferPointer(rebasing: p[chunk]), as: UTF8.self).lowercased()
        if text.contains("://") || text.contains("www.") || text.hasPrefix("mailto:") { return true }
        if let at = text.firstIndex(of: "@"), text[at...].contains(".") { return true }
        // A bare domain: letters, a dot, then a known ending (cpas-exemple.be).
        for ending in [".be", ".com", ".org", ".eu", ".fr", ".net"] where text.contains(ending) {
            let afterDot = text.components(separatedBy: ending).last ?? ""
            if afterDot.isEmpty || afterDot.hasPrefix("/") || !afterDot.first!.isLetter { return true }
        }
        return false
    }

    /// What kind of word the scalars of `core` make.
    static func kind<C: BidirectionalCollection>(of core: C) -> Word.Kind where C.Element == Unicode.Scalar {
        if core.contains(where: { LetterTable.isDigit($0) }) { return .number }
        // l'ONEM, d'APE: the elided article does not count.
        let afterElision = core.lastIndex { $0 == "'" || $0 == "\u{2019}" }.map { core[(core.index(after: $0))...] } ?? core[...]
        var letters = 0
        for c in afterElision where LetterTable.isLetter(c) {
            guard LetterTable.isUppercase(c) else { return .word }
            letters += 1
        }
        if letters >= 2 { return .capitals }
        return .word
    }
}
