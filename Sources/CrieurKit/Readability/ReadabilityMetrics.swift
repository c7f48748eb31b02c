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
    public init(sentences: Int, words: Int, syllables: Int, longWords: Int, longestSentenceWords: Int) {
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
