import Foundation
import Testing

@testable import CrieurKit

/// The reviewed table (`Fixtures/readability/reviewed-sentences.tsv`): sentences in
/// the style of CPAS and commune texts, each with the administrative-word, rare-word
/// and long-sentence findings it must get, excerpt and suggestion word for word
/// (« - » when it must get none of them). Every suggestion in it was read and judged
/// to be French a CPAS could print, agreeing with the words around it and keeping
/// the meaning; a change to the lexicon or the rules that alters one fails here.
struct ReviewedSuggestionsTests {
    struct Expected: Hashable, CustomStringConvertible {
        var rule: String
        var excerpt: String
        var suggestion: String
        var description: String { "\(rule) « \(excerpt) » → \(suggestion)" }
    }

    static let table: [(sentence: String, expected: Set<Expected>)] = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // Readability
        url.deleteLastPathComponent()  // CrieurKitTests
        let path = url.appendingPathComponent("Fixtures/readability/reviewed-sentences.tsv")
        guard let text = try? String(contentsOf: path, encoding: .utf8) else { return [] }
        var order: [String] = []
        var bySentence: [String: Set<Expected>] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == 4 else { continue }
            if bySentence[columns[0]] == nil { order.append(columns[0]) }
            var set = bySentence[columns[0], default: []]
            if columns[1] != "-" { set.insert(Expected(rule: columns[1], excerpt: columns[2], suggestion: columns[3])) }
            bySentence[columns[0]] = set
        }
        return order.map { ($0, bySentence[$0]!) }
    }()

    static let rules: Set<String> = ["administrative-word", "rare-word", "long-sentence"]

    func found(_ sentence: String) -> Set<Expected> {
        let findings = ReadabilityChecker().check(sentence).findings.filter { Self.rules.contains($0.rule) }
        return Set(findings.map {
            Expected(rule: $0.rule, excerpt: $0.rule == "long-sentence" ? "" : $0.excerpt, suggestion: $0.suggestion)
        })
    }

    @Test func theTableHoldsAtLeast200Sentences() {
        #expect(Self.table.count >= 200)
    }

    @Test func everySentenceGetsExactlyItsReviewedFindings() {
        for (sentence, expected) in Self.table {
            #expect(found(sentence) == expected, "\(sentence)")
        }
    }

    @Test func everyCutPointIsQuotedExactlyAsInTheText() throws {
        var quoted = 0
        for (sentence, _) in Self.table {
            for finding in ReadabilityChecker().check(sentence).findings where finding.rule == "long-sentence" {
                guard let after = finding.suggestion.range(of: "après « ") else { continue }
                let rest = finding.suggestion[after.upperBound...]
                let end = try #require(rest.range(of: " »"))
                let quote = String(rest[..<end.lowerBound])
                #expect(sentence.contains(quote), "« \(quote) » is not in « \(sentence) »")
                quoted += 1
            }
        }
        #expect(quoted >= 5)
    }

    @Test func noSuggestionRepeatsTheWordItReplaces() {
        // « Octroi d'une intervention » once became « aide d'une aide ».
        for (_, expected) in Self.table {
            for row in expected where row.rule == "administrative-word" {
                #expect(!row.suggestion.contains("aide d'une aide"))
                #expect(!row.suggestion.lowercased().contains("« \(row.excerpt.lowercased()) »"), "\(row)")
            }
        }
    }

    @Test func aDeterminerWrittenWithAnElidedDeAgrees() {
        let finding = ReadabilityChecker().check("Joignez la copie d'un dossier complet.").findings.first
        #expect(finding?.excerpt == "d'un dossier")
        #expect(finding?.suggestion == "Écrivez plutôt : « d'une demande ».")
    }

    @Test func theReportsFirstLineSaysHowManyThingsToChange() {
        let report = ReadabilityChecker().check("L'octroi d'une intervention est décidé. Le dossier est complet. Nous vous répondrons ultérieurement.")
        let text = ReadabilityReportFormatter.text(report, file: "a.txt")
        let changes = report.findings.filter { $0.severity != .info }.count
        #expect(changes == 3)
        #expect(text.hasPrefix("Lisibilité de « a.txt » : 3 choses à changer"))
        #expect(text.contains("À corriger ou à améliorer (3) :"))
    }

    @Test func aReferenceKeepsItsFormInExcerptAndSuggestion() throws {
        let text = "Vous travaillez sous contrat art. 60 § 7 au CPAS."
        let finding = try #require(ReadabilityChecker().check(text).findings.first { $0.rule == "unexplained-acronym" })
        #expect(finding.excerpt == "art. 60 § 7")
        #expect(finding.suggestion == "Écrivez plutôt : « un emploi trouvé par le CPAS (contrat « article 60 § 7 ») ».")
        let glued = try #require(ReadabilityChecker().check("Un contrat art. 60 §7 vous attend.").findings.first)
        #expect(glued.excerpt == "art. 60 §7")
    }

    @Test func everyAlternativeAmongSeveralSaysWhenItFits() {
        for (_, alternative) in AdministrativeLexicon.builtIn {
            let options = PhraseAgreement.options(of: alternative)
            guard options.count > 1 else { continue }
            #expect(options.allSatisfy { $0.hint != nil }, "\(alternative)")
            #expect(!alternative.contains(", ") || alternative.contains("("), "a bare list: \(alternative)")
        }
    }
}
