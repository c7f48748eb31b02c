import Foundation
import Testing

@testable import CrieurKit

struct ReadabilityCheckerTests {
    let checker = ReadabilityChecker()

    /// Plain rewrites of typical CPAS messages.
    static let plainMessages = [
        "Vous avez besoin d'aide pour payer votre loyer ? Le CPAS peut vous aider. Prenez rendez-vous avec une assistante sociale. Apportez votre bail et vos fiches de paie.",
        "Le CPAS peut payer une partie de vos médicaments. Demandez une attestation à votre pharmacien. Venez ensuite au CPAS avec ce papier.",
        "Vous cherchez un travail ? Le CPAS vous aide à écrire votre CV. Venez le mardi matin, sans rendez-vous.",
        "Le revenu d'intégration est l'argent que le CPAS verse chaque mois. Pour le recevoir, vous devez habiter dans la commune. Votre assistante sociale vous explique tout.",
    ]

    @Test(arguments: plainMessages)
    func plainCPASMessagePassesTheNewsletter(text: String) {
        let report = checker.check(text, channels: [.newsletter])
        #expect(report.passesAllChannels, "\(ReadabilityReportFormatter.text(report, file: "test"))")
    }

    /// Paragraphs in the style of CPAS strategic plans and commune documents.
    static let administrativeParagraphs: [(String, Set<String>)] = [
        ("Dans le cadre de la mise en œuvre du PST, le CPAS entend renforcer l'accompagnement des bénéficiaires du DIS par la conclusion systématique d'un PIIS, en articulation avec les dispositifs d'insertion socioprofessionnelle que constituent les contrats art. 60, les postes APE et les PTP.",
         ["PST", "DIS", "PIIS", "art. 60", "APE", "PTP"]),
        ("Conformément à la loi organique, les demandeurs sont tenus de communiquer préalablement à l'octroi de toute aide sociale l'ensemble des pièces justificatives relatives à leurs ressources, faute de quoi leur dossier ne pourra être examiné par le Comité spécial du service social dans les délais impartis par l'ONEM et le FOREM.",
         ["ONEM"]),
    ]

    @Test(arguments: administrativeParagraphs)
    func administrativeParagraphFailsTheNewsletterNamingItsProblems(text: String, acronyms: Set<String>) {
        let report = checker.check(text, channels: [.newsletter])
        #expect(report.verdict(for: .newsletter)?.pass == false)
        #expect(report.findings.contains { $0.rule == "long-sentence" })
        let named = Set(report.findings.filter { $0.rule == "unexplained-acronym" }.map(\.excerpt))
        #expect(named.isSuperset(of: acronyms))
    }

    @Test func kandelMolesFollowsItsFormula() {
        let report = checker.check("Le chat dort. Le chien mange sa soupe.")
        let m = report.metrics
        #expect(m.sentences == 2)
        #expect(m.words == 8)
        let expected = 207 - 1.015 * Double(m.words) / 2 - 73.6 * Double(m.syllables) / Double(m.words)
        #expect(abs(m.kandelMoles - expected) < 1e-9)
        #expect(m.level == .facile)
    }

    @Test func titleAndBodyKeepTheirLines() {
        let report = checker.check(title: "Repair café", titleLine: 1, body: "Venez.\n\nC'est gratuit.", bodyFirstLine: 5)
        #expect(report.sentences.map(\.line) == [1, 5, 7])
    }

    /// On eight words the score swings with one name; such a notice is judged
    /// on its sentences and rules, not on the formula.
    @Test func shortPlainNoticeIsNotRefusedOnItsScoreAlone() {
        let text = "Permanence numéro 0. Venez au CPAS le mardi."
        let report = checker.check(text, channels: [.facebook])
        #expect(report.metrics.kandelMoles < 60, "the formula alone would refuse it")
        #expect(report.passesAllChannels)
        let strict = ReadabilityChecker(settings: ReadabilitySettings(minWordsForScores: 1))
        #expect(!strict.check(text, channels: [.facebook]).passesAllChannels)
    }

    @Test func emptyTextPassesEveryChannel() {
        #expect(checker.check("").passesAllChannels)
    }

    @Test func jsonReportHasTheShapeOfPRODUCT() throws {
        let report = checker.check("Le RIS aide les familles.", channels: [.newsletter, .ecran])
        let data = ReadabilityReportFormatter.json(report, file: "a.txt")
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["file", "metrics", "channels", "sentences", "findings"])
        let metrics = try #require(object["metrics"] as? [String: Any])
        #expect(Set(["sentences", "words", "syllables", "kandelMoles", "lix"]).isSubset(of: Set(metrics.keys)))
        let channels = try #require(object["channels"] as? [String: [String: Any]])
        #expect(channels["newsletter"]?["pass"] as? Bool == false)
        let sentence = try #require((object["sentences"] as? [[String: Any]])?.first)
        #expect(Set(sentence.keys) == ["text", "line", "words"])
        let finding = try #require((object["findings"] as? [[String: Any]])?.first)
        #expect(Set(finding.keys) == ["rule", "severity", "message", "line", "excerpt", "suggestion"])
    }

    @Test func textReportGivesVerdictsThenEachSentenceWithItsFix() {
        let report = checker.check("Venez afin de signer le PIIS.", firstLine: 3, channels: [.ecran])
        let text = ReadabilityReportFormatter.text(report, file: "a.txt")
        #expect(text.contains("✘ écran de la salle d'attente : refusé"))
        #expect(text.contains("Ligne 3 : « Venez afin de signer le PIIS. »"))
        #expect(text.contains("Écrivez plutôt : « pour »."))
        #expect(text.contains("Dérogation"))
    }
}
