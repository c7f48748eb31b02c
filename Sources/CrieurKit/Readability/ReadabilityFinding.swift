/// One plain-language problem found in a text, told to staff in French: which
/// rule, how serious, where (line), the words concerned and what to write instead.
public struct ReadabilityFinding: Hashable, Sendable, Codable {
    /// Stable English identifier of the rule (`long-sentence`, `unexplained-acronym`, …).
    public var rule: String
    public var severity: Severity
    /// What is wrong, in French, one sentence.
    public var message: String
    /// 1-based line of the sentence in the file.
    public var line: Int
    /// The words concerned, as written.
    public var excerpt: String
    /// A concrete rewrite or what to do, in French.
    public var suggestion: String
    /// Index of the sentence in `ReadabilityReport.sentences`, to group findings in the text report.
    public var sentenceIndex: Int?
    /// For a rare word, the frequency rank of its lemma (`Int32.max` beyond the table), so
    /// that each channel counts the words rare for its own `rareWordRank`. Not in the JSON.
    var lemmaRank: Int32?

    enum CodingKeys: String, CodingKey {
        case rule, severity, message, line, excerpt, suggestion
    }

    public init(
        rule: String, severity: Severity, message: String, line: Int, excerpt: String, suggestion: String,
        sentenceIndex: Int? = nil
    ) {
        self.sentenceIndex = sentenceIndex
        self.rule = rule
        self.severity = severity
        self.message = message
        self.line = line
        self.excerpt = excerpt
        self.suggestion = suggestion
    }

    /// How much a finding weighs on the channel verdicts.
    public enum Severity: String, Hashable, Sendable, Codable, Comparable {
        /// Blocks every channel (an unexplained acronym).
        case error
        /// Counts against a channel's tolerance (`maxWarnings`, `maxAdministrativeWords`, sentence length).
        case warning
        /// Advice only; never blocks.
        case info

        public static func < (a: Severity, b: Severity) -> Bool {
            a.rank < b.rank
        }

        var rank: Int {
            switch self {
            case .error: return 0
            case .warning: return 1
            case .info: return 2
            }
        }

        /// How staff read the severity in the text report.
        public var frenchLabel: String {
            switch self {
            case .error: return "à corriger"
            case .warning: return "à améliorer"
            case .info: return "conseil"
            }
        }
    }
}
