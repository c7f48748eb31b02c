/// What the readability checker needs to know about one written word: its
/// spoken syllables, its key for the plain-language rules and its letters (for
/// LIX). All three depend on the word's text alone.
struct WordFacts: Sendable {
    var syllables: Int
    /// `PlainLanguageRules.key(for:)`: lower case, apostrophes as `'`, elided clitic removed.
    var key: String
    /// Letters only, as LIX counts a word's length.
    var letters: Int

    init(_ word: String) {
        syllables = FrenchSyllableCounter.count(word)
        key = PlainLanguageRules.key(for: word)
        letters = word.unicodeScalars.reduce(0) { $0 + (LetterTable.isLetter($1) ? 1 : 0) }
    }

    /// The facts of each distinct word of a text, computed once. A text uses the
    /// same few hundred words again and again (de, la, vous, CPAS…): looking a word
    /// up costs a hash, counting its syllables and building its key cost several
    /// small arrays and Strings (together about a sixth of `crieur check`).
    struct Memo {
        private var known: [String: WordFacts] = [:]

        mutating func facts(for word: String) -> WordFacts {
            // String equality is canonical equivalence (é precomposed equals e + U+0301),
            // under which the counts could differ. Words without combining marks are
            // compared by their bytes in effect (see `AdministrativeLexicon.isPlainLatin`),
            // so only those are remembered; any other word is simply computed each time.
            guard AdministrativeLexicon.isPlainLatin(word) else { return WordFacts(word) }
            if let facts = known[word] { return facts }
            let facts = WordFacts(word)
            known[word] = facts
            return facts
        }
    }
}
