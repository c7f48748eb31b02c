/// What the readability checker found in one text: its scores, its sentences
/// with their words and syllables, the plain-language findings, and a verdict
/// for each channel checked. `ReadabilityReportFormatter` turns it into the
/// French report for staff or the JSON of `crieur check --format json`.
public struct ReadabilityReport: Hashable, Sendable {
    public var metrics: ReadabilityMetrics
    /// The sentences with their words and syllables, built from `layout` when asked:
    /// the JSON writer and the verdicts read the flat layout instead.
    public var sentences: [SentenceMeasure] {
        get { layout.measures }
        set { layout = Layout(newValue) }
    }
    /// Findings in reading order (line, then severity).
    public var findings: [ReadabilityFinding]
    /// One verdict per channel checked, in the order asked.
    public var verdicts: [ChannelVerdict]
    /// The sentences and words as the tokenizer left them: flat arrays and word numbers.
    var layout: Layout

    public init(
        metrics: ReadabilityMetrics, sentences: [SentenceMeasure], findings: [ReadabilityFinding],
        verdicts: [ChannelVerdict]
    ) {
        self.init(metrics: metrics, layout: Layout(sentences), findings: findings, verdicts: verdicts)
    }

    init(metrics: ReadabilityMetrics, layout: Layout, findings: [ReadabilityFinding], verdicts: [ChannelVerdict]) {
        self.metrics = metrics
        self.layout = layout
        self.findings = findings
        self.verdicts = verdicts
    }

    /// Equal when what a caller can read is equal, however the words were numbered.
    public static func == (a: ReadabilityReport, b: ReadabilityReport) -> Bool {
        a.metrics == b.metrics && a.findings == b.findings && a.verdicts == b.verdicts && a.sentences == b.sentences
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(metrics)
        hasher.combine(findings)
        hasher.combine(verdicts)
        hasher.combine(sentences)
    }

    /// True when every channel checked accepts the text.
    public var passesAllChannels: Bool { verdicts.allSatisfy(\.pass) }

    public func verdict(for channel: Channel) -> ChannelVerdict? {
        verdicts.first { $0.channel == channel }
    }

    /// A word and its spoken syllables.
    public struct WordMeasure: Hashable, Sendable, Codable {
        public var text: String
        public var syllables: Int
    }

    /// A sentence, its 1-based line and its words.
    public struct SentenceMeasure: Hashable, Sendable, Codable {
        public var text: String
        public var line: Int
        public var words: [WordMeasure]
    }
}

/// Whether one channel accepts the text, and why not, in French.
public struct ChannelVerdict: Hashable, Sendable, Codable {
    public var channel: Channel
    public var pass: Bool
    /// Each limit the text exceeds, one French sentence each; empty when it passes.
    public var reasons: [String]

    public init(channel: Channel, pass: Bool, reasons: [String]) {
        self.channel = channel
        self.pass = pass
        self.reasons = reasons
    }
}
