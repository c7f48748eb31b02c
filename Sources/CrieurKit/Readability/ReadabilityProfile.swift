/// The thresholds one channel applies. A text passes a channel when its scores
/// are within every limit and no finding blocks it. Defaults per channel are
/// in `ReadabilitySettings`; the configuration overrides any field.
///
/// Why these limits (see `ReadabilitySettings.defaultProfiles`):
/// - Kandel & Moles keeps Flesch's scale: 90–100 very easy, 70–80 easy,
///   60–70 standard, 50–60 fairly hard, below 50 hard.
/// - LIX (Björnsson): below 30 very easy, 30–40 easy, 40–50 average, above 50 hard.
/// - FALC (Inclusion Europe): one idea per sentence, short sentences, short
///   common words; *Écrire pour être lu* (FWB) likewise asks for short
///   sentences and warns against long ones; AMesure flags long sentences and
///   administrative words in Belgian administrative texts.
public struct ReadabilityProfile: Hashable, Sendable, Codable {
    /// Lowest Kandel & Moles score accepted (higher is easier).
    public var minKandelMoles: Double
    /// Highest LIX accepted (lower is easier).
    public var maxLix: Double
    /// Highest average number of words per sentence.
    public var maxAverageSentenceWords: Double
    /// Longest sentence accepted, in words: each longer sentence is named.
    public var maxSentenceWords: Int
    /// Administrative words or turns tolerated in the whole text.
    public var maxAdministrativeWords: Int
    /// Other warnings tolerated (passive, capitals, numeric dates, …).
    public var maxWarnings: Int
    /// Lowest simplicity index accepted (`ReadabilityMetrics.simplicity`, higher is easier;
    /// same scale as Kandel & Moles). Defaults to `minKandelMoles`: on the project's corpus
    /// the plain items score 78–98 and the administrative ones 14–41 on both scales' bands.
    public var minSimplicity: Double
    /// A word whose lemma is not among this many most frequent lemmas of Lexique 3.83 is
    /// rare for this channel (at most `FrenchWordFrequencies.lemmaRankCap`, 15,000).
    public var rareWordRank: Int
    /// Distinct rare words tolerated in the whole text; nil (the default) sets no limit:
    /// rare words then weigh on the verdict through `minSimplicity` only, and are listed
    /// in the report with what to write instead.
    public var maxRareWords: Int?

    public init(
        minKandelMoles: Double, maxLix: Double, maxAverageSentenceWords: Double, maxSentenceWords: Int,
        maxAdministrativeWords: Int, maxWarnings: Int, minSimplicity: Double? = nil, rareWordRank: Int = 8000,
        maxRareWords: Int? = nil
    ) {
        self.minSimplicity = minSimplicity ?? minKandelMoles
        self.rareWordRank = rareWordRank
        self.maxRareWords = maxRareWords
        self.minKandelMoles = minKandelMoles
        self.maxLix = maxLix
        self.maxAverageSentenceWords = maxAverageSentenceWords
        self.maxSentenceWords = maxSentenceWords
        self.maxAdministrativeWords = maxAdministrativeWords
        self.maxWarnings = maxWarnings
    }

    /// A partial profile from the configuration: the fields given replace the defaults.
    public struct Override: Hashable, Sendable, Codable {
        public var minKandelMoles: Double?
        public var maxLix: Double?
        public var maxAverageSentenceWords: Double?
        public var maxSentenceWords: Int?
        public var maxAdministrativeWords: Int?
        public var maxWarnings: Int?
        public var minSimplicity: Double?
        public var rareWordRank: Int?
        public var maxRareWords: Int?

        public init() {}

        public func applied(to base: ReadabilityProfile) -> ReadabilityProfile {
            var profile = base
            if let v = minKandelMoles { profile.minKandelMoles = v }
            if let v = maxLix { profile.maxLix = v }
            if let v = maxAverageSentenceWords { profile.maxAverageSentenceWords = v }
            if let v = maxSentenceWords { profile.maxSentenceWords = v }
            if let v = maxAdministrativeWords { profile.maxAdministrativeWords = v }
            if let v = maxWarnings { profile.maxWarnings = v }
            if let v = minSimplicity { profile.minSimplicity = v }
            if let v = rareWordRank { profile.rareWordRank = v }
            if let v = maxRareWords { profile.maxRareWords = v }
            return profile
        }
    }
}
