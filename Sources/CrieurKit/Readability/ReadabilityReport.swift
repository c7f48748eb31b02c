/// What the readability checker found in one text: its scores, its sentences
/// with their words and syllables, the plain-language findings, and a verdict
/// for each channel checked. `ReadabilityReportFormatter` turns it into the
/// French report for staff or the JSON of `crieur check --format json`.
public struct ReadabilityReport: Hashable, Sendable {
    public var metrics: ReadabilityMetrics
    public var sentences: [SentenceMeasure]
    /// Findings in reading order (line, then severity).
    public var findings: [ReadabilityFinding]
    /// One verdict per channel checked, in the order asked.
    public var verdicts: [ChannelVerdict]

    public init(
        metrics: ReadabilityMetrics, sentences: [SentenceMeasure], findings: [ReadabilityFinding],
        verdicts: [ChannelVerdict]
    ) {
        self.metrics = metrics
        self.sentences = sentences
        self.findings = findings
        self.verdicts = verdicts
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
