import Foundation
import Testing

@testable import CrieurKit

/// The « mot peu courant » rule and the simplicity index, both fed by the frequency table.
struct RareWordAndSimplicityTests {
    func rareWords(_ text: String, settings: ReadabilitySettings = ReadabilitySettings(), channels: [Channel] = Channel.allCases)
        -> [ReadabilityFinding]
    {
        ReadabilityChecker(settings: settings).check(text, channels: channels).findings.filter { $0.rule == "rare-word" }
    }

    @Test func aRareWordIsFlaggedWithAFrequentSynonymWhenOneIsKnown() throws {
        let found = try #require(rareWords("Le montant de l'indu sera récupéré subséquemment.").first)
        #expect(found.excerpt == "indu")
        #expect(found.severity == .warning)
        #expect(found.message == "« indu » est un mot peu courant : beaucoup de lecteurs ne le connaissent pas.")
        #expect(found.suggestion == "Expliquez-le ou remplacez-le par « somme reçue en trop ».")
        #expect(rareWords("Le montant de l'indu sera récupéré subséquemment.").map(\.excerpt) == ["indu", "subséquemment"])
    }

    @Test func withoutASynonymTheSuggestionAsksToExplainOrReplace() throws {
        let found = try #require(rareWords("Le délai de forclusion est dépassé.").first)
        #expect(found.excerpt == "forclusion")
        #expect(found.suggestion == "Expliquez-le ou remplacez-le par un mot plus courant.")
    }

    @Test func aRareWordIsFlaggedOnceWhereItFirstAppears() {
        let found = rareWords("L'indu est calculé. Le montant de l'indu sera retenu. Cet indu est petit.")
        #expect(found.map(\.excerpt) == ["indu"])
        #expect(found.first?.line == 1)
    }

    @Test func anElidedRareWordIsQuotedWithoutItsArticle() {
        #expect(rareWords("Vous devez rembourser l'indu.").map(\.excerpt) == ["indu"])
    }

    @Test func namesNumbersAcronymsAndExplainedWordsAreNotFlagged() {
        #expect(rareWords("Rendez-vous chez Vandeputte à Marchienne le 12 mars avec le PIIS.").isEmpty)
        #expect(rareWords("La péremption (la date limite) de votre carte arrive.").isEmpty)
        // Words the administrative lexicon flags keep its finding only.
        #expect(rareWords("Nonobstant votre demande, rien ne change.").isEmpty)
    }

    @Test func theCentresGlossaryAndPlaceNamesAreNotFlagged() {
        let text = "Farciennes accueille la ludothèque."
        #expect(rareWords(text).map(\.excerpt) == ["Farciennes", "ludothèque"])
        let settings = ReadabilitySettings(knownWords: ["ludothèque"], placeNames: ["Farciennes"])
        #expect(rareWords(text, settings: settings).isEmpty)
    }

    @Test func theThresholdIsTheStrictestCheckedChannelsAndEachVerdictCountsItsOwn() {
        // « délibérer » ranks between 5,000 and 10,000: rare for the screen only.
        let text = "Le conseil délibère ce soir."
        #expect(rareWords(text, channels: [.ecran]).map(\.excerpt) == ["délibère"])
        #expect(rareWords(text, channels: [.bulletin]).isEmpty)
        var settings = ReadabilitySettings()
        var override = ReadabilityProfile.Override()
        override.maxRareWords = 0
        settings.channels = ["ecran": override, "bulletin": override]
        let report = ReadabilityChecker(settings: settings).check(text, channels: [.ecran, .bulletin])
        #expect(report.verdict(for: .ecran)?.pass == false)
        #expect(report.verdict(for: .ecran)?.reasons.last == "1 mot peu courant (aucun n'est accepté) : « délibère ».")
        #expect(report.verdict(for: .bulletin)?.pass == true)
    }

    @Test func byDefaultRareWordsWeighOnTheVerdictOnlyThroughTheSimplicityIndex() {
        // Words outside the table are listed, not a refusal by themselves (the screen's default).
        let report = ReadabilityChecker().check("Le forfait de la ludothèque couvre la péremption.", channels: [.ecran])
        #expect(report.findings.filter { $0.rule == "rare-word" }.count >= 2)
        #expect(report.verdict(for: .ecran)?.reasons.contains { $0.contains("peu courant") } == false)
        #expect(ReadabilitySettings().profile(for: .ecran).maxRareWords == nil)
    }

    @Test func rareWordRankIsReadFromTheConfiguration() throws {
        let json = #"{"channels": {"ecran": {"rareWordRank": 2000, "maxRareWords": 4, "minSimplicity": 70}}, "knownWords": ["troc"], "placeNames": ["Ry"]}"#
        let settings = try JSONDecoder().decode(ReadabilitySettings.self, from: Data(json.utf8))
        #expect(settings.profile(for: .ecran).rareWordRank == 2000)
        #expect(settings.profile(for: .ecran).maxRareWords == 4)
        #expect(settings.profile(for: .ecran).minSimplicity == 70)
        #expect(settings.profile(for: .bulletin).rareWordRank == 10000)
        #expect(settings.knownWords == ["troc"])
        #expect(settings.placeNames == ["Ry"])
    }

    @Test func simplicityFollowsItsFormula() {
        let m = ReadabilityChecker().check("Subséquemment, la péremption sera constatée.").metrics
        let expected = 207 - 1.015 * m.averageSentenceWords - 36.8 * m.averageWordSyllables - 77 * m.rareWordShare
            - 24.7 * m.meanLogRank
        #expect(abs(m.simplicity - expected) < 1e-9)
    }

    @Test func simplicityRanksTheSimpleVersionOfTheSameContentHigher() {
        let checker = ReadabilityChecker()
        // Same length in words; the simple one uses frequent words.
        let complex = checker.check("Le souverain abdiqua en faveur de son fils aîné.").metrics
        let simple = checker.check("Le roi a laissé sa place à son fils aîné.").metrics
        #expect(simple.simplicity > complex.simplicity)
    }

    @Test func aTextBelowTheChannelsSimplicityIsRefusedWithTheReason() {
        let text = String(repeating: "Nonobstant la péremption subséquente de l'indu, la forclusion demeure irréfragable. ", count: 4)
        let report = ReadabilityChecker().check(text, channels: [.bulletin])
        let reasons = report.verdict(for: .bulletin)?.reasons ?? []
        #expect(reasons.contains { $0.hasPrefix("Le texte est trop difficile à lire : indice de simplicité ") })
    }

    @Test func theTextReportShowsTheSimplicityIndex() {
        let report = ReadabilityChecker().check("Le CPAS vous aide à payer votre loyer.")
        let text = ReadabilityReportFormatter.text(report, file: "a.txt")
        #expect(text.contains("indice de simplicité "))
    }
}
