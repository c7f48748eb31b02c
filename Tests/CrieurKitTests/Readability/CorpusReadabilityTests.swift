import Foundation
import Testing

@testable import CrieurKit

/// The repository's sample announcements: the plain ones pass every channel
/// they list, the administrative one fails the newsletter and the bulletin.
struct CorpusReadabilityTests {
    static let corpus = URL(fileURLWithPath: TestCorpus.project.root).appendingPathComponent("items")

    struct Sample {
        var title: String
        var channels: [Channel]
        var body: String
        var bodyFirstLine: Int
    }

    /// Splits a sample at its `---` line; only Titre and Canaux are read.
    static func load(_ name: String) throws -> Sample {
        let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
        let lines = text.components(separatedBy: "\n")
        let separator = try #require(lines.firstIndex(of: "---"))
        var title = ""
        var channels: [Channel] = []
        for line in lines[..<separator] {
            if line.hasPrefix("Titre:") { title = line.dropFirst(6).trimmingCharacters(in: .whitespaces) }
            if line.hasPrefix("Canaux:") {
                channels = line.dropFirst(7).split(separator: ",").compactMap {
                    Channel(rawValue: $0.trimmingCharacters(in: .whitespaces))
                }
            }
        }
        let body = lines[(separator + 1)...].joined(separator: "\n")
        return Sample(title: title, channels: channels, body: body, bodyFirstLine: separator + 2)
    }

    static let plainSamples = [
        "aide-energie.txt", "bourse-jouets.txt", "fermeture-formation.txt", "mediation-dettes.txt", "table-conversation.txt",
    ]

    @Test(arguments: plainSamples)
    func plainSamplePassesEveryChannelItLists(name: String) throws {
        let sample = try Self.load(name)
        let report = ReadabilityChecker().check(
            title: sample.title, titleLine: 1, body: sample.body, bodyFirstLine: sample.bodyFirstLine,
            channels: sample.channels)
        #expect(!sample.channels.isEmpty)
        #expect(report.passesAllChannels, "\(ReadabilityReportFormatter.text(report, file: name))")
    }

    @Test func administrativeSampleFailsNewsletterAndBulletinNamingItsProblems() throws {
        let sample = try Self.load("allocation-loyer-administratif.txt")
        let report = ReadabilityChecker().check(
            title: sample.title, titleLine: 1, body: sample.body, bodyFirstLine: sample.bodyFirstLine,
            channels: [.newsletter, .bulletin])
        #expect(report.verdict(for: .newsletter)?.pass == false)
        #expect(report.verdict(for: .bulletin)?.pass == false)
        let acronyms = Set(report.findings.filter { $0.rule == "unexplained-acronym" }.map(\.excerpt))
        #expect(acronyms.isSuperset(of: ["BIM", "SLSP", "SWL", "CSD"]))
        let longSentence = report.findings.first { $0.rule == "long-sentence" }
        #expect(longSentence?.line == sample.bodyFirstLine)
        #expect(report.findings.contains { $0.rule == "administrative-word" && $0.excerpt == "préalablement" })
    }
}
