/// The scores of a text: counts, Kandel & Moles (Flesch adapted to French,
/// 207 − 1.015 × words/sentence − 73.6 × syllables/word; higher is easier),
/// LIX (words/sentence + 100 × share of words over six letters; lower is
/// easier) and a plain level. A text without words scores 0 everywhere.
public struct ReadabilityMetrics: Hashable, Sendable, Codable {
    public var sentences: Int
    public var words: Int
    public var syllables: Int
    public var kandelMoles: Double
    public var lix: Double
    public var averageSentenceWords: Double
    public var averageWordSyllables: Double
    /// Share (0…1) of words of more than six letters, as LIX counts them.
    public var longWordShare: Double
    public var longestSentenceWords: Int
    public var level: Level
    /// Words the lexical term weighs: words in letters not starting with a capital
    /// (names, acronyms and numbers are left out).
    public var lexicalWords: Int = 0
    /// Share (0…1) of `lexicalWords` whose lemma is not among the `rareWordRank` most
    /// frequent of Lexique 3.83 (`FrenchWordFrequencies`).
    public var rareWordShare: Double = 0
    /// Mean over `lexicalWords` of log10 of the lemma's frequency rank (an unknown word
    /// counts as rank `FrenchWordFrequencies.unknownRank`): 1 for *de*, *être*, about 3 for
    /// a word of rank 1000, 4.3 for the rarest.
    public var meanLogRank: Double = 0
    /// Crieur's simplicity index, higher is easier, on Kandel & Moles' scale (plain
    /// announcements 80–100, administrative prose below 45):
    ///
    ///     207 − 1.015 × words/sentence − 36.8 × syllables/word
    ///         − 77 × rareWordShare − 24.7 × meanLogRank
    ///
    /// Kandel & Moles with half its syllable weight given to the words' frequency (the
    /// share of rare words and the mean log rank of their lemmas in Lexique 3.83), the
    /// weights' ratios set on the `dev` pairs of `benchmarks/readability/pairs.tsv`.
    public var simplicity: Double = 0

    /// A word whose lemma ranks beyond this is rare for `rareWordShare`.
    public static let rareWordRank = 5000

    /// The plain-words level staff see.
    public enum Level: String, Hashable, Sendable, Codable {
        case facile, moyen, difficile
    }

    public init(sentenceWords: [[(letters: Int, syllables: Int)]]) {
        let allWords = sentenceWords.joined()
        self.init(
            sentences: sentenceWords.count, words: allWords.count,
            syllables: allWords.reduce(0) { $0 + $1.syllables }, longWords: allWords.filter { $0.letters > 6 }.count,
            longestSentenceWords: sentenceWords.map(\.count).max() ?? 0)
    }

    /// The scores from counts already summed while reading the text (`longWords`:
    /// words of more than six letters), without a list of every word.
    public init(
        sentences: Int, words: Int, syllables: Int, longWords: Int, longestSentenceWords: Int,
        lexicalWords: Int = 0, rareWords: Int = 0, logRankSum: Double = 0
    ) {
        self.lexicalWords = lexicalWords
        if lexicalWords > 0 {
            rareWordShare = Double(rareWords) / Double(lexicalWords)
            meanLogRank = logRankSum / Double(lexicalWords)
        }
        self.sentences = sentences
        self.words = words
        self.syllables = syllables
        self.longestSentenceWords = longestSentenceWords
        guard words > 0, sentences > 0 else {
            kandelMoles = 0
            lix = 0
            averageSentenceWords = 0
            averageWordSyllables = 0
            longWordShare = 0
            level = .facile
            return
        }
        averageSentenceWords = Double(words) / Double(sentences)
        averageWordSyllables = Double(syllables) / Double(words)
        longWordShare = Double(longWords) / Double(words)
        kandelMoles = 207 - 1.015 * averageSentenceWords - 73.6 * averageWordSyllables
        lix = averageSentenceWords + 100 * longWordShare
        simplicity =
            207 - 1.015 * averageSentenceWords - 36.8 * averageWordSyllables - 77 * rareWordShare - 24.7 * meanLogRank
        // Flesch's "easy" band and Björnsson's "easy" LIX band make facile; hard bands make difficile.
        if kandelMoles >= 70 && lix <= 35 {
            level = .facile
        } else if kandelMoles < 50 || lix > 50 {
            level = .difficile
        } else {
            level = .moyen
        }
    }
}
