/// The directory's own readability profile, and the check of one entry against it.
///
/// A directory entry is read at home on paper (the bottin) or on a phone (the
/// search page, the weekly Facebook post), often by someone looking for help
/// in a hurry: it is held to the Facebook and newsletter sentence limits
/// (≤ 18 words, about 12 on average) with a little more room for the names of
/// places and organisations a practical notice cannot avoid (Kandel & Moles
/// ≥ 55, LIX ≤ 48), one administrative word and three other warnings tolerated.
/// The configuration overrides it like a channel's, under
/// `readability.channels.directory`. Pure.
extension ReadabilitySettings {
    /// The name the profile goes by in `readability.channels`.
    public static let directoryProfileName = "directory"

    public static let defaultDirectoryProfile = ReadabilityProfile(
        minKandelMoles: 55, maxLix: 48, maxAverageSentenceWords: 12, maxSentenceWords: 18,
        maxAdministrativeWords: 1, maxWarnings: 3)

    /// The directory's thresholds: the default with the configuration's overrides.
    public var directoryProfile: ReadabilityProfile {
        channels[Self.directoryProfileName]?.applied(to: Self.defaultDirectoryProfile) ?? Self.defaultDirectoryProfile
    }
}

/// The verdict on one entry: its name and offer are read together, as an
/// item's title and body are.
public struct DirectoryReadability: Sendable {
    public let checker: ReadabilityChecker

    public init(settings: ReadabilitySettings) {
        checker = ReadabilityChecker(settings: settings)
    }

    public struct Verdict: Sendable {
        /// Why the entry is too hard to read, in French; empty when it passes.
        public var reasons: [String]
        public var report: ReadabilityReport
        public var pass: Bool { reasons.isEmpty }
    }

    public func check(_ entry: DirectoryEntry) -> Verdict {
        let tokens = checker.tokens(
            title: entry.name, titleLine: entry.nameLine, body: entry.offerText, bodyFirstLine: entry.offerFirstLine)
        let report = checker.report(for: tokens, channels: [])
        let reasons = checker.reasons(
            against: checker.settings.directoryProfile, metrics: report.metrics, sentences: tokens.sentences,
            tally: ReadabilityChecker.FindingTally(report.findings))
        return Verdict(reasons: reasons, report: report)
    }
}
