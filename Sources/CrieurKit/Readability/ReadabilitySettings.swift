/// Everything the readability checker can be told by the configuration
/// (`readability` in `config/crieur.json5`): per-channel thresholds, extra
/// known acronyms, extra explanations and extra administrative words. Every
/// key is optional; what is missing keeps its default, so an empty object is
/// valid. Decoding fails only on a value of the wrong type.
public struct ReadabilitySettings: Hashable, Sendable, Codable {
    /// Overrides per channel, keyed by channel name (`ecran`, `facebook`, `newsletter`, `bulletin`).
    public var channels: [String: ReadabilityProfile.Override]
    /// Acronyms readers know, added to CPAS and the built-in ones (e.g. the commune's own).
    public var knownAcronyms: [String]
    /// Acronym → plain explanation, added to the built-in glossary.
    public var acronymExplanations: [String: String]
    /// Administrative word or turn → plain alternative, added to the built-in lexicon.
    public var administrativeWords: [String: String]
    /// A word with at least this many syllables is long (*administrativement*: 7).
    public var longWordSyllables: Int
    /// A parenthesis with more words than this is a long aside.
    public var maxParenthesisWords: Int
    /// A sentence with more numbers than this has too many.
    public var maxNumbersPerSentence: Int
    /// Below this many words the Kandel & Moles and LIX thresholds are not
    /// applied: the formulas were calibrated on samples of 100 words, and on a
    /// two-line notice one name or number moves the score by ten points.
    /// Sentence length and the plain-language rules still apply.
    public var minWordsForScores: Int
    /// Words the centre's readers know though they are rare in general French (its own
    /// glossary: *mazout*, *guidance*…): never flagged as rare words.
    public var knownWords: [String]
    /// Place names of the commune (streets, villages, rooms): never flagged as rare words.
    public var placeNames: [String]

    public init(
        channels: [String: ReadabilityProfile.Override] = [:], knownAcronyms: [String] = [],
        acronymExplanations: [String: String] = [:], administrativeWords: [String: String] = [:],
        longWordSyllables: Int = 5, maxParenthesisWords: Int = 8, maxNumbersPerSentence: Int = 3,
        minWordsForScores: Int = 30, knownWords: [String] = [], placeNames: [String] = []
    ) {
        self.knownWords = knownWords
        self.placeNames = placeNames
        self.minWordsForScores = minWordsForScores
        self.channels = channels
        self.knownAcronyms = knownAcronyms
        self.acronymExplanations = acronymExplanations
        self.administrativeWords = administrativeWords
        self.longWordSyllables = longWordSyllables
        self.maxParenthesisWords = maxParenthesisWords
        self.maxNumbersPerSentence = maxNumbersPerSentence
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = ReadabilitySettings()
        channels = try c.decodeIfPresent([String: ReadabilityProfile.Override].self, forKey: .channels) ?? [:]
        knownAcronyms = try c.decodeIfPresent([String].self, forKey: .knownAcronyms) ?? []
        acronymExplanations = try c.decodeIfPresent([String: String].self, forKey: .acronymExplanations) ?? [:]
        administrativeWords = try c.decodeIfPresent([String: String].self, forKey: .administrativeWords) ?? [:]
        longWordSyllables = try c.decodeIfPresent(Int.self, forKey: .longWordSyllables) ?? defaults.longWordSyllables
        maxParenthesisWords =
            try c.decodeIfPresent(Int.self, forKey: .maxParenthesisWords) ?? defaults.maxParenthesisWords
        maxNumbersPerSentence =
            try c.decodeIfPresent(Int.self, forKey: .maxNumbersPerSentence) ?? defaults.maxNumbersPerSentence
        minWordsForScores = try c.decodeIfPresent(Int.self, forKey: .minWordsForScores) ?? defaults.minWordsForScores
        knownWords = try c.decodeIfPresent([String].self, forKey: .knownWords) ?? []
        placeNames = try c.decodeIfPresent([String].self, forKey: .placeNames) ?? []
    }

    /// The thresholds of `channel`: its default profile with the configuration's overrides.
    /// The default is the one its module declares; a channel of no registered
    /// module (none reaches the checker) gets the newsletter's.
    public func profile(for channel: Channel) -> ReadabilityProfile {
        let base = ChannelRegistry.current.module(channel)?.readabilityProfile
            ?? ChannelRegistry.builtIn.module(.newsletter)!.readabilityProfile
        return channels[channel.rawValue]?.applied(to: base) ?? base
    }

    /// Default thresholds, strictest first. LIX bands were set for Swedish;
    /// French uses more words over six letters, so each band is read 5 points
    /// higher (plain French announcements score 30–40).
    ///
    /// - ecran: read standing, from afar, in a few seconds, often by people who
    ///   read with difficulty: FALC-level sentences (≤ 15 words, about 10 on
    ///   average), Kandel & Moles ≥ 65 (between standard and easy), LIX ≤ 40,
    ///   no administrative word, one other warning at most.
    /// - facebook and newsletter: read on a phone, quickly: sentences ≤ 18 words
    ///   (about 12 on average), Kandel & Moles ≥ 60 (standard), LIX ≤ 45,
    ///   one administrative word tolerated.
    /// - bulletin: read at home on paper, with more time: sentences ≤ 22 words
    ///   (about 15 on average, the usual plain-language target), Kandel & Moles
    ///   ≥ 50 (fairly hard is the floor), LIX ≤ 50, two administrative words tolerated.
    ///
    /// The simplicity index (`minSimplicity`) keeps each channel's Kandel & Moles floor:
    /// on the project's corpus (tests' items, `samples/`, the shared corpus) the plain
    /// items score 78–98 and the administrative ones 14–41. Rare words: outside the 5,000
    /// most frequent lemmas for the screen, 8,000 for Facebook and the newsletter, 10,000
    /// for the bulletin; the plain items of the corpus have at most one (« bonbonne »,
    /// « rappel », « troué »). They block a channel only through the simplicity index unless
    /// `maxRareWords` is configured: a title of markup (« <script>alert… ») has five.
    public static let defaultProfiles: [Channel: ReadabilityProfile] = [
        .ecran: ReadabilityProfile(
            minKandelMoles: 65, maxLix: 40, maxAverageSentenceWords: 10, maxSentenceWords: 15,
            maxAdministrativeWords: 0, maxWarnings: 1, rareWordRank: 5000),
        .facebook: ReadabilityProfile(
            minKandelMoles: 60, maxLix: 45, maxAverageSentenceWords: 12, maxSentenceWords: 18,
            maxAdministrativeWords: 1, maxWarnings: 2, rareWordRank: 8000),
        .newsletter: ReadabilityProfile(
            minKandelMoles: 60, maxLix: 45, maxAverageSentenceWords: 12, maxSentenceWords: 18,
            maxAdministrativeWords: 1, maxWarnings: 3, rareWordRank: 8000),
        .bulletin: ReadabilityProfile(
            minKandelMoles: 50, maxLix: 50, maxAverageSentenceWords: 15, maxSentenceWords: 22,
            maxAdministrativeWords: 2, maxWarnings: 5, rareWordRank: 10000),
    ]
}
