/// What the readability checker needs to know about one written word: its
/// text and kind, its spoken syllables, its key for the plain-language rules, its letters (for
/// LIX) and whether it opens a negation. All depend on the word's text alone;
/// `WordTable` computes them once per distinct word of a text.
struct WordFacts: Sendable {
    var text: String
    var kind: FrenchTokenizer.Word.Kind
    var syllables: Int
    /// `PlainLanguageRules.key(for:)`: lower case, apostrophes as `'`, elided clitic removed.
    var key: String
    /// Letters only, as LIX counts a word's length.
    var letters: Int
    /// *ne*, *n'*: the word a French negation starts with.
    var opensNegation: Bool
    /// The number of `key` in the `WordTable` that holds these facts (-1 outside a table).
    var keyID: Int32 = -1

    init(_ word: String) {
        text = word
        kind = FrenchTokenizer.kind(of: word.unicodeScalars)
        syllables = FrenchSyllableCounter.count(word)
        key = PlainLanguageRules.key(for: word)
        letters = word.unicodeScalars.reduce(0) { $0 + (LetterTable.isLetter($1) ? 1 : 0) }
        // Only n and N lower-case to n: other words need no lower-cased copy.
        let first = word.unicodeScalars.first
        let lower = first == "n" || first == "N" ? word.lowercased() : ""
        opensNegation = lower == "ne" || lower.hasPrefix("n'") || lower.hasPrefix("n\u{2019}")
    }
}
