@testable import CrieurKit

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
struct LegacyFrenchTokenizer: Sendable {
    /// One word as written, with what kind of token it is.
    struct Word: Hashable, Sendable {
        var text: String
        var kind: Kind

        enum Kind: String, Hashable, Sendable, Codable {
            case word
            /// Digits, possibly grouped or with units (9 h 30, 3,5, 1er).
            case number
            /// Two or more letters, all capitals (CPAS, PIIS).
            case capitals
        }

        init(text: String, kind: Kind) {
            self.text = text
            self.kind = kind
        }
    }

    /// One sentence, its 1-based line in the source and its words.
    struct Sentence: Hashable, Sendable {
        var text: String
        var line: Int
        var words: [Word]

        init(text: String, line: Int, words: [Word]) {
            self.text = text
            self.line = line
            self.words = words
        }
    }

    /// Lower-case abbreviations (without their final dot) after which a dot does not end a sentence.
    static let abbreviations: Set<String> = [
        "m", "mm", "mme", "mmes", "mlle", "mlles", "dr", "pr", "me", "mgr", "st", "ste", "art", "n°", "no", "nos",
        "p", "ex", "p.ex", "c.-à-d", "c-à-d", "cf", "av", "bd", "ch", "tél", "tel", "fax", "vol", "éd", "env",
        "min", "max", "hab", "approx", "réf", "ref", "adr", "dép", "gsm", "prov", "fr", "coll", "chap", "al",
        "sq", "resp", "ca",
    ]

    /// Abbreviations that end a sentence when the next word has a capital (… etc. Venez).
    static let closingAbbreviations: Set<String> = ["etc", "cf"]

    /// Scalars in the longest abbreviation of either list (*approx*).
    static let longestAbbreviation = abbreviations.union(closingAbbreviations).map(\.unicodeScalars.count).max() ?? 0

    init() {}

    /// The sentences of `text`, whose first line is line `firstLine` of its file.
    func sentences(in text: String, firstLine: Int = 1) -> [Sentence] {
        var result: [Sentence] = []
        var buffer: [Unicode.Scalar] = []
        var bufferLine = firstLine
        let (scalars, lines) = splitLines(text)

        func flush() {
            defer { buffer.removeAll(keepingCapacity: true) }
            guard let first = buffer.firstIndex(where: { $0 != " " }), let last = buffer.lastIndex(where: { $0 != " " })
            else { return }
            let sentenceText = buffer[first...last]
            let words = self.words(in: sentenceText)
            guard !words.isEmpty else { return }
            result.append(Sentence(text: LetterTable.string(sentenceText), line: bufferLine, words: words))
        }

        for (offset, line) in lines.enumerated() {
            let lineNumber = firstLine + offset
            let (content, isListItem) = stripListMarker(trimmed(scalars[line]))
            if content.isEmpty {
                flush()
                continue
            }
            if isListItem { flush() }
            if buffer.isEmpty { bufferLine = lineNumber } else { buffer.append(" ") }
            var i = 0
            while i < content.count {
                if buffer.isEmpty {
                    while i < content.count, content[i] == " " { i += 1 }
                    guard i < content.count else { break }
                    bufferLine = lineNumber
                }
                // The text up to the next sentence punctuation goes in at once.
                var end = i
                while end < content.count, !isSentencePunctuation(content[end]) { end += 1 }
                buffer.append(contentsOf: content[i..<end])
                guard end < content.count else { break }
                buffer.append(content[end])
                // Take the whole run of closing punctuation (?!, ..., .»).
                var j = end + 1
                while j < content.count, isClosingPunctuation(content[j]) {
                    buffer.append(content[j])
                    j += 1
                }
                let atBreak = j >= content.count || content[j] == " " || content[j] == "\t"
                if atBreak && endsSentence(content, dotAt: end, runEnd: j) {
                    flush()
                }
                i = j
            }
            if isListItem {
                flush()
            } else if offset + 1 < lines.count, isTitleLine(content, before: scalars[lines[offset + 1]]) {
                flush()
            }
        }
        flush()
        return result
    }

    // MARK: - Sentence ends

    func isSentencePunctuation(_ c: Unicode.Scalar) -> Bool {
        c == "." || c == "?" || c == "!" || c == "…"
    }

    func isClosingPunctuation(_ c: Unicode.Scalar) -> Bool {
        switch c {
        case ".", "?", "!", "…", "»", "\"", ")", "\u{201D}", "\u{2019}", "*": return true
        default: return false
        }
    }

    /// Whether the punctuation at `i` (a run ending before `runEnd`, followed by a space or the
    /// line end) closes the sentence.
    func endsSentence(_ line: [Unicode.Scalar], dotAt i: Int, runEnd: Int) -> Bool {
        guard line[i] == ".", runEnd == i + 1 else { return true }
        // The token just before the dot, back to the previous space.
        var start = i
        while start > 0, line[start - 1] != " ", line[start - 1] != "(" { start -= 1 }
        // Most sentences end on a plain word: one longer than every abbreviation (6 scalars;
        // lower-casing never shortens), without a dot or an apostrophe to cut it at, is none
        // of the cases below. Deciding that here spares a lower-cased String per sentence.
        if i - start > Self.longestAbbreviation,
            !line[start..<i].contains(where: { $0 == "." || $0 == "'" || $0 == "\u{2019}" })
        {
            return true
        }
        var token = lowercased(line[start..<i])
        if let apostrophe = token.lastIndex(where: { $0 == "'" || $0 == "\u{2019}" }) {
            token = String(token[token.index(after: apostrophe)...])  // l'art. → art
        }
        if token.isEmpty { return true }
        let nextWordStartsWithCapital: Bool = {
            var j = runEnd
            while j < line.count, line[j] == " " { j += 1 }
            return j >= line.count || LetterTable.isUppercase(line[j]) || !LetterTable.isLetter(line[j])
        }()
        if Self.closingAbbreviations.contains(token) { return nextWordStartsWithCapital }
        if Self.abbreviations.contains(token) { return false }
        // An initial (J. Dupont) or the dotted parts of p. ex. and c.-à-d.
        let letters = token.unicodeScalars.reduce(0) { $0 + (LetterTable.isLetter($1) ? 1 : 0) }
        if letters == 1, token.unicodeScalars.count <= 2, LetterTable.isUppercase(line[i - 1]) { return false }
        // The scalar test first spares a Foundation search for the tokens without a dot.
        if token.unicodeScalars.contains("."), token.contains("."), Self.abbreviations.contains(String(token.split(separator: ".").last ?? "")) {
            return false
        }
        return true
    }

    /// `String.lowercased()` of the scalars; ASCII ones are lowered here, byte by byte as
    /// that method would, without building the String twice.
    func lowercased(_ scalars: ArraySlice<Unicode.Scalar>) -> String {
        guard scalars.allSatisfy(\.isASCII) else { return LetterTable.string(scalars).lowercased() }
        return LetterTable.string(scalars.lazy.map { ("A"..."Z").contains($0) ? Unicode.Scalar($0.value + 32)! : $0 })
    }

    /// A title or heading: a short line without final punctuation, before a line starting with a capital.
    func isTitleLine(_ content: [Unicode.Scalar], before next: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = content.last else { return false }
        if last == "." || last == "," || last == ";" || last == ":" || last == "…" || last == "?" || last == "!" {
            return false
        }
        let (nextContent, nextIsListItem) = stripListMarker(trimmed(next))
        guard !nextIsListItem, let first = nextContent.first, LetterTable.isUppercase(first) else { return false }
        let wordCount = content.split(separator: " ").count
        return wordCount <= 12
    }

    // MARK: - Lines

    /// The scalars of `text` without its line breaks, and where each line lies among them.
    /// One array for the whole text rather than one per line.
    func splitLines(_ text: String) -> (scalars: [Unicode.Scalar], lines: [Range<Int>]) {
        var scalars: [Unicode.Scalar] = []
        scalars.reserveCapacity(text.utf8.count)
        var lines: [Range<Int>] = []
        var lineStart = 0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n":
                lines.append(lineStart..<scalars.count)
                lineStart = scalars.count
            case "\r", "\u{FEFF}": continue
            case "\t", "\u{00A0}", "\u{202F}", "\u{2009}": scalars.append(" ")
            default: scalars.append(scalar)
            }
        }
        lines.append(lineStart..<scalars.count)
        return (scalars, lines)
    }

    func trimmed<C: BidirectionalCollection>(_ scalars: C) -> [Unicode.Scalar] where C.Element == Unicode.Scalar {
        guard let first = scalars.firstIndex(where: { $0 != " " }),
            let last = scalars.lastIndex(where: { $0 != " " })
        else { return [] }
        return Array(scalars[first...last])
    }

    /// Removes a list marker (`- `, `* `, `• `, `1. `, `1) `) and says whether there was one.
    func stripListMarker(_ line: [Unicode.Scalar]) -> ([Unicode.Scalar], Bool) {
        guard line.count >= 2 else { return (line, false) }
        if line[0] == "-" || line[0] == "*" || line[0] == "•" || line[0] == "–", line[1] == " " {
            return (trimmed(line[2...]), true)
        }
        var i = 0
        while i < line.count, i < 3, LetterTable.isDigit(line[i]) { i += 1 }
        if i > 0, i + 1 < line.count, line[i] == "." || line[i] == ")", line[i + 1] == " " {
            return (trimmed(line[(i + 2)...]), true)
        }
        return (line, false)
    }

    // MARK: - Words

    /// The words of one sentence, in order.
    func words(in sentence: [Unicode.Scalar]) -> [Word] {
        words(in: sentence[...])
    }

    /// The words of one sentence, in order: its chunks between spaces, found by
    /// scanning rather than `split`, which built an array of them first.
    func words(in sentence: ArraySlice<Unicode.Scalar>) -> [Word] {
        var words: [Word] = []
        // At most one word per chunk: counting them first spares regrowing the array.
        var chunks = 0, previous: Unicode.Scalar = " "
        for scalar in sentence {
            if previous == " " && scalar != " " { chunks += 1 }
            previous = scalar
        }
        words.reserveCapacity(chunks)
        var previousWasNumber = false
        var start = sentence.startIndex
        while start < sentence.endIndex {
            guard sentence[start] != " " else {
                start += 1
                continue
            }
            var end = start + 1
            while end < sentence.endIndex, sentence[end] != " " { end += 1 }
            let chunk = sentence[start..<end]
            start = end
            guard let core = wordCore(chunk) else {
                previousWasNumber = false
                continue
            }
            let text = LetterTable.string(core)
            let kind = classify(core)
            // Groups of one number (0800 12 345), and the h of a time (9 h 30), stay one word.
            if previousWasNumber, kind == .number || text == "h", var last = words.last {
                last.text += " " + text
                words[words.count - 1] = last
                continue
            }
            words.append(Word(text: text, kind: kind))
            previousWasNumber = kind == .number
        }
        return words
    }

    /// The chunk without surrounding punctuation, or nil when it is not a word (a dash, a URL).
    func wordCore(_ chunk: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar>? {
        guard let first = chunk.firstIndex(where: isWordScalar),
            let last = chunk.lastIndex(where: { isWordScalar($0) || $0 == "°" })
        else { return nil }
        let core = chunk[first...last]
        if isURLOrEmail(chunk) { return nil }
        return core
    }

    func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        LetterTable.isLetter(c) || LetterTable.isDigit(c)
    }

    func isURLOrEmail(_ chunk: ArraySlice<Unicode.Scalar>) -> Bool {
        // Every form below needs a dot or a colon; most words have neither, and
        // building a lower-cased String for each of them was a quarter of the checker's time.
        // Sharper still: a colon, an @, a dot followed by a letter (.be, .com) or a dot
        // after a w (www.). A word that merely ends a sentence (familles.) has none.
        let mayBeAddress = chunk.indices.contains { i in
            switch chunk[i] {
            case ":", "@":
                return true
            case ".":
                let next = chunk.index(after: i)
                if next < chunk.endIndex, chunk[next].isASCII, LetterTable.isLetter(chunk[next]) { return true }
                return i > chunk.startIndex && (chunk[i - 1] == "w" || chunk[i - 1] == "W")
            default:
                return false
            }
        }
        guard mayBeAddress else { return false }
        let text = LetterTable.string(chunk).lowercased()
        if text.contains("://") || text.contains("www.") || text.hasPrefix("mailto:") { return true }
        if let at = text.firstIndex(of: "@"), text[at...].contains(".") { return true }
        // A bare domain: letters, a dot, then a known ending (cpas-exemple.be).
        for ending in [".be", ".com", ".org", ".eu", ".fr", ".net"] where text.contains(ending) {
            let afterDot = text.components(separatedBy: ending).last ?? ""
            if afterDot.isEmpty || afterDot.hasPrefix("/") || !afterDot.first!.isLetter { return true }
        }
        return false
    }

    func classify(_ core: ArraySlice<Unicode.Scalar>) -> Word.Kind {
        if core.contains(where: { LetterTable.isDigit($0) }) { return .number }
        // l'ONEM, d'APE: the elided article does not count.
        let afterElision = core.lastIndex { $0 == "'" || $0 == "\u{2019}" }.map { core[(core.index(after: $0))...] } ?? core
        var letters = 0
        for c in afterElision where LetterTable.isLetter(c) {
            guard LetterTable.isUppercase(c) else { return .word }
            letters += 1
        }
        if letters >= 2 { return .capitals }
        return .word
    }
}
