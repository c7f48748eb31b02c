/// Finds the inline markup of one body line (`**bold**`, `[text](url)`, bare
/// `http(s)://` addresses) for `BodyParser`, in time linear in the line.
///
/// `BodyParser.inlines` asks about positions from left to right. Each question
/// (« where is the next `]` from here? ») goes to a `ForwardSearch` that keeps
/// its last answer: as long as the start does not pass that answer, the answer
/// stands, so each search walks over every character at most once in all. A
/// line of `[[[[…` or `[a](` repeated no longer rescans the rest of the line
/// from each bracket. Pure.
struct InlineScanner {
    let characters: [Character]
    private var closingBracket: ForwardSearch
    private var closingParenthesis: ForwardSearch
    private var doubleStar: ForwardSearch
    private var whitespace: ForwardSearch
    private var nonWhitespace: ForwardSearch
    private var urlStop: ForwardSearch
    /// `(stop, end)`: the last address end found before the trailing punctuation, for that stop.
    private var lastTrim: (stop: Int, end: Int)?

    init(_ characters: [Character]) {
        self.characters = characters
        let count = characters.count
        closingBracket = ForwardSearch(count: count)
        closingParenthesis = ForwardSearch(count: count)
        doubleStar = ForwardSearch(count: count)
        whitespace = ForwardSearch(count: count)
        nonWhitespace = ForwardSearch(count: count)
        urlStop = ForwardSearch(count: count)
    }

    /// `**words**` starting at `index`: its content and the index after it.
    mutating func strong(at index: Int) -> (String, Int)? {
        let characters = self.characters
        guard index + 1 < characters.count, characters[index] == "*", characters[index + 1] == "*" else { return nil }
        let close = doubleStar.first(from: index + 2) { $0 + 1 < characters.count && characters[$0] == "*" && characters[$0 + 1] == "*" }
        guard close < characters.count else { return nil }
        // Only blanks between the stars: not bold.
        guard nonWhitespace.first(from: index + 2, where: { !characters[$0].isWhitespace }) < close else { return nil }
        return (String(characters[(index + 2)..<close]), close + 2)
    }

    /// `[label](url)` starting at `index`, whatever the scheme; the caller decides.
    mutating func markdownLink(at index: Int) -> (String, String, Int)? {
        let characters = self.characters
        guard characters[index] == "[" else { return nil }
        let labelEnd = closingBracket.first(from: index + 1) { characters[$0] == "]" }
        guard labelEnd + 1 < characters.count, characters[labelEnd + 1] == "(" else { return nil }
        let urlEnd = closingParenthesis.first(from: labelEnd + 2) { characters[$0] == ")" }
        guard urlEnd < characters.count, labelEnd > index + 1, urlEnd > labelEnd + 2,
              whitespace.first(from: labelEnd + 2, where: { characters[$0].isWhitespace }) >= urlEnd
        else { return nil }
        return (String(characters[(index + 1)..<labelEnd]), String(characters[(labelEnd + 2)..<urlEnd]), urlEnd + 1)
    }

    private static let urlTrailingPunctuation: Set<Character> = [".", ",", ";", ":", "!", "?", ")", "»"]
    private static let urlStoppers: Set<Character> = ["<", ">", "\"", "«"]

    /// A bare `http(s)://` address starting at `index`, not glued to a preceding
    /// word, without the punctuation that ends the sentence around it.
    mutating func bareURL(at index: Int) -> (String, Int)? {
        let characters = self.characters
        guard characters[index] == "h" || characters[index] == "H",
              index == 0 || !(characters[index - 1].isLetter || characters[index - 1].isNumber)
        else { return nil }
        let stop = urlStop.first(from: index) { characters[$0].isWhitespace || Self.urlStoppers.contains(characters[$0]) }
        let end = max(index, trimmedEnd(stop))
        // The scheme is compared before any String is made: a line of « h( » repeated
        // would otherwise copy the rest of its line once per h.
        for scheme in ["http://", "https://"] where end - index > scheme.count && hasPrefix(scheme, at: index) {
            return (String(characters[index..<end]), end)
        }
        return nil
    }

    /// The end of an address stopped at `stop`, without its trailing punctuation.
    /// The character at an earlier stop is a space or a stopper, never punctuation,
    /// so the walk back never passes the previous stop: linear over the line.
    private mutating func trimmedEnd(_ stop: Int) -> Int {
        if let lastTrim, lastTrim.stop == stop { return lastTrim.end }
        var end = stop
        while end > 0, Self.urlTrailingPunctuation.contains(characters[end - 1]) { end -= 1 }
        lastTrim = (stop, end)
        return end
    }

    /// Whether the characters at `index` are `scheme`, without regard to case.
    private func hasPrefix(_ scheme: String, at index: Int) -> Bool {
        var position = index
        for expected in scheme {
            guard position < characters.count, characters[position].lowercased() == String(expected) else { return false }
            position += 1
        }
        return true
    }
}

/// The first position at or after a start where a condition holds, remembered:
/// asked again from a start that does not pass the last answer, it answers at
/// once. Asked from starts that only grow, it looks at each position once.
/// `count` when no position qualifies.
struct ForwardSearch {
    private let count: Int
    private var lastStart = Int.max
    private var lastFound = 0

    init(count: Int) {
        self.count = count
    }

    mutating func first(from start: Int, where matches: (Int) -> Bool) -> Int {
        if start >= lastStart, start <= lastFound { return lastFound }
        var position = start
        while position < count, !matches(position) { position += 1 }
        lastStart = start
        lastFound = position
        return position
    }
}
