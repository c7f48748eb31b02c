import Foundation
import Testing

@testable import CrieurKit

/// The hand-written JSON of `crieur check --format json` must stay byte for byte
/// what `JSONEncoder` (`.sortedKeys, .withoutEscapingSlashes`) gives for the
/// same report, so that scripts reading it see no change.
struct ReadabilityReportJSONTests {
    /// Short tricky texts (escapes, numbers, capitals, negations) plus the paragraphs of the checker tests.
    /// Each literal here stays under 100 characters: longer ones would join the benchmark's prose.
    static let texts: [String] = [
        "",
        "URGENT : le CPAS est FERMÉ le 01/12/2026. Appelez le 081/22.33.44 ou aide@cpas.be.",
        "Un \"titre\" avec une barre \\ et une tabulation\tdedans\nsur deux lignes.",
        "Il n'est pas impossible de ne pas venir. Voyez https://cpas.be/aide (page 3).",
    ] + ReadabilityCheckerTests.plainMessages + ReadabilityCheckerTests.administrativeParagraphs.map(\.0)

    @Test(arguments: texts)
    func handWrittenJSONMatchesJSONEncoder(text: String) throws {
        let report = ReadabilityChecker().check(text, channels: [.newsletter, .ecran, .facebook, .bulletin])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let expected = try encoder.encode(EncodableReport(report, file: "dossier/a \"b\".txt"))
        let written = ReadabilityReportFormatter.json(report, file: "dossier/a \"b\".txt")
        #expect(String(decoding: written, as: UTF8.self) == String(decoding: expected, as: UTF8.self))
    }

    /// The report as the formatter encoded it with `Codable` before the hand-written writer.
    struct EncodableReport: Encodable {
        var file: String
        var metrics: Metrics
        var channels: [String: Verdict]
        var sentences: [ReadabilityReport.SentenceMeasure]
        var findings: [ReadabilityFinding]

        struct Metrics: Encodable {
            var sentences, words, syllables, longestSentenceWords: Int
            var kandelMoles, lix, averageSentenceWords, averageWordSyllables, longWordShare, meanLogRank, rareWordShare, simplicity: Double
            var level: String
        }

        struct Verdict: Encodable {
            var pass: Bool
            var reasons: [String]
        }

        init(_ report: ReadabilityReport, file: String) {
            self.file = file
            let m = report.metrics
            let round = { (x: Double) in (x * 100).rounded() / 100 }
            metrics = Metrics(
                sentences: m.sentences, words: m.words, syllables: m.syllables, longestSentenceWords: m.longestSentenceWords,
                kandelMoles: round(m.kandelMoles), lix: round(m.lix), averageSentenceWords: round(m.averageSentenceWords),
                averageWordSyllables: round(m.averageWordSyllables), longWordShare: round(m.longWordShare),
                meanLogRank: round(m.meanLogRank), rareWordShare: round(m.rareWordShare),
                simplicity: round(m.simplicity), level: m.level.rawValue)
            channels = Dictionary(
                uniqueKeysWithValues: report.verdicts.map { ($0.channel.rawValue, Verdict(pass: $0.pass, reasons: $0.reasons)) })
            sentences = report.sentences
            findings = report.findings
        }
    }
}
