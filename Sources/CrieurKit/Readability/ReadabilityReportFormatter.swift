import Foundation

/// Turns a `ReadabilityReport` into what people and programs read: the French
/// text report for staff (a verdict per channel, then each sentence to rewrite
/// with its line, its problems and what to write instead) and the JSON object
/// of `crieur check --format json`. Pure; encoding a report cannot fail in
/// practice (every value is a string, a number or a boolean).
public enum ReadabilityReportFormatter {
    /// The French report for staff about `file` (the name shown at the top).
    public static func text(_ report: ReadabilityReport, file: String) -> String {
        var out = "Lisibilité de « \(file) »\n\n"
        out += report.passesAllChannels
            ? "Ce texte est assez simple pour tous ses canaux.\n"
            : "Ce texte est trop difficile pour au moins un canal. Réécrivez les phrases indiquées ci-dessous.\n"
        out += "\nVerdict par canal :\n"
        for verdict in report.verdicts {
            out += verdict.pass
                ? "  ✔ \(verdict.channel.frenchName) : accepté\n"
                : "  ✘ \(verdict.channel.frenchName) : refusé\n"
            for reason in verdict.reasons { out += "      – \(reason)\n" }
        }
        let m = report.metrics
        out += "\nMesures : \(m.sentences) phrase\(m.sentences > 1 ? "s" : ""), \(m.words) mots, "
        out += "\(format(m.averageSentenceWords)) mots par phrase en moyenne, "
        out += "score de lisibilité \(format(m.kandelMoles)) sur 100, LIX \(format(m.lix)), niveau \(m.level.rawValue).\n"

        let blocking = report.findings.filter { $0.severity != .info }
        let advice = report.findings.filter { $0.severity == .info }
        if report.findings.isEmpty {
            out += "\nAucun problème trouvé. Merci d'écrire simplement !\n"
            return out
        }
        if !blocking.isEmpty {
            out += "\nÀ corriger ou à améliorer (\(blocking.count)) :\n"
            out += grouped(blocking, in: report)
        }
        if !advice.isEmpty {
            out += "\nConseils (\(advice.count)) :\n"
            out += grouped(advice, in: report)
        }
        if !report.passesAllChannels {
            out += "\nSi ce texte ne peut vraiment pas être simplifié, ajoutez dans l'en-tête la ligne "
            out += "« Dérogation: » suivie de la raison : il sera publié et la raison sera notée.\n"
        }
        return out
    }

    /// Findings grouped under the sentence they concern, in reading order.
    static func grouped(_ findings: [ReadabilityFinding], in report: ReadabilityReport) -> String {
        var out = ""
        var currentSentence: Int? = -1
        for finding in findings {
            if finding.sentenceIndex != currentSentence {
                currentSentence = finding.sentenceIndex
                let sentence = finding.sentenceIndex.flatMap { $0 < report.sentences.count ? report.sentences[$0].text : nil }
                out += "\nLigne \(finding.line)"
                if let sentence { out += " : « \(shortened(sentence)) »" }
                out += "\n"
            }
            out += "  • \(finding.severity.frenchLabel.capitalizedFirst) — \(finding.message)\n"
            out += "    → \(finding.suggestion)\n"
        }
        return out
    }

    /// The JSON object of `crieur check --format json` for `file`, keys sorted.
    public static func json(_ report: ReadabilityReport, file: String) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(JSONReport(report, file: file))
    }

    struct JSONReport: Encodable {
        var file: String
        var metrics: Metrics
        var channels: [String: Verdict]
        var sentences: [ReadabilityReport.SentenceMeasure]
        var findings: [ReadabilityFinding]

        struct Metrics: Encodable {
            var sentences, words, syllables, longestSentenceWords: Int
            var kandelMoles, lix, averageSentenceWords, averageWordSyllables, longWordShare: Double
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
                level: m.level.rawValue)
            channels = Dictionary(
                uniqueKeysWithValues: report.verdicts.map { ($0.channel.rawValue, Verdict(pass: $0.pass, reasons: $0.reasons)) })
            sentences = report.sentences
            findings = report.findings
        }
    }

    static func shortened(_ sentence: String) -> String {
        guard sentence.count > 160 else { return sentence }
        return String(sentence.prefix(157)) + "…"
    }

    static func format(_ value: Double) -> String {
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded() { return String(Int(rounded)) }
        return String(rounded).replacingOccurrences(of: ".", with: ",")
    }
}

extension String {
    fileprivate var capitalizedFirst: String {
        guard let first else { return self }
        return first.uppercased() + dropFirst()
    }
}
