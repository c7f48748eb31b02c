import Foundation
import Testing

@testable import CrieurKit

struct PlainLanguageRulesTests {
    let checker = ReadabilityChecker()

    func rules(_ text: String) -> [String] {
        checker.check(text).findings.map(\.rule)
    }

    /// Rule id, a text where it fires, a text where it does not.
    static let cases: [(String, String, String)] = [
        ("long-sentence",
         "Vous pouvez venir au CPAS avec votre facture de chauffage et votre carte d'identité pour demander une aide qui couvre une partie de la facture.",
         "Venez au CPAS avec votre facture."),
        ("long-word", "Nous arrivons malheureusement.", "Nous arrivons ensemble."),
        ("rare-word", "Le montant de l'indu sera retenu.", "Le montant reçu en trop sera retenu."),
        ("unexplained-acronym", "Le PIIS est obligatoire.", "Le PIIS (projet avec votre assistant social) est utile."),
        ("unexplained-acronym", "Il travaille sous contrat art. 60 au CPAS.", "Vous avez un emploi grâce au CPAS."),
        ("administrative-word", "Venez afin de signer.", "Venez pour signer."),
        ("administrative-word", "Vous pouvez solliciter une aide.", "Vous pouvez demander une aide."),
        ("passive-voice", "La facture est payée par le CPAS.", "Le CPAS paie la facture."),
        ("passive-voice", "L'aide vous a été accordée.", "Le CPAS est fermé lundi."),
        ("negation", "Votre grille-pain ne marche plus ?", "Votre grille-pain marche mal ?"),
        ("double-negation", "Vous ne pouvez pas venir sans rendez-vous.", "Prenez rendez-vous avant de venir."),
        ("capitals", "Le bureau est FERMÉ demain.", "Le bureau est fermé demain."),
        ("numeric-date", "Venez le 01/12.", "Venez le 1er décembre."),
        ("long-parenthesis",
         "Apportez vos papiers (la carte, la facture, le bail, la fiche de paie et le relevé bancaire).",
         "Apportez vos papiers (carte et facture)."),
        ("many-numbers", "Venez le 3, le 5, le 7 ou le 9 mars.", "Venez le 3 ou le 5 mars."),
        ("impersonal-address", "Il est demandé d'apporter sa carte.", "Apportez votre carte."),
    ]

    @Test(arguments: cases)
    func ruleFiresOnItsCaseAndNotOnThePlainOne(rule: String, fires: String, plain: String) {
        #expect(rules(fires).contains(rule))
        #expect(!rules(plain).contains(rule))
    }

    @Test func everyRuleHasACase() {
        let covered = Set(Self.cases.map(\.0))
        #expect(covered == Set(ReadabilityRule.allCases.map(\.rawValue)))
    }

    @Test func acronymExplainedAtFirstUseIsNotFlaggedLater() {
        let report = checker.check("Le revenu d'intégration (RIS) est versé chaque mois. Le RIS aide beaucoup de familles.")
        #expect(!report.findings.contains { $0.rule == "unexplained-acronym" })
    }

    @Test func acronymIsFlaggedOnlyAtItsFirstUse() {
        let report = checker.check("Le RIS aide. Le RIS paie le loyer.", firstLine: 4)
        let flagged = report.findings.filter { $0.rule == "unexplained-acronym" }
        #expect(flagged.count == 1)
        #expect(flagged.first?.line == 4)
        #expect(flagged.first?.suggestion.contains("revenu d'intégration") == true)
    }

    @Test func numericDateSuggestsTheDateInWords() {
        let finding = checker.check("Venez le 01/12/2026.").findings.first { $0.rule == "numeric-date" }
        #expect(finding?.suggestion.contains("le 1er décembre 2026") == true)
    }

    @Test func configuredAcronymsAndWordsExtendTheBuiltInLists() throws {
        let json = #"{"knownAcronyms": ["PCS"], "administrativeWords": {"ad valvas": "au tableau"}, "channels": {"ecran": {"maxSentenceWords": 20}}}"#
        let settings = try JSONDecoder().decode(ReadabilitySettings.self, from: Data(json.utf8))
        let report = ReadabilityChecker(settings: settings).check("Le PCS affiche l'horaire ad valvas.")
        #expect(!report.findings.contains { $0.rule == "unexplained-acronym" })
        #expect(report.findings.contains { $0.rule == "administrative-word" && $0.suggestion.contains("au tableau") })
        #expect(settings.profile(for: .ecran).maxSentenceWords == 20)
        #expect(settings.profile(for: .ecran).minKandelMoles == ReadabilitySettings.defaultProfiles[.ecran]!.minKandelMoles)
    }

    @Test func builtInLexiconHasAtLeast150Entries() {
        #expect(AdministrativeLexicon.builtIn.count >= 150)
    }

    @Test func profilesGoFromStrictestToMostLenient() {
        let s = ReadabilitySettings()
        let order: [Channel] = [.ecran, .facebook, .newsletter, .bulletin]
        let limits = order.map { s.profile(for: $0).maxSentenceWords }
        #expect(limits == limits.sorted())
        let scores = order.map { s.profile(for: $0).minKandelMoles }
        #expect(scores == scores.sorted(by: >))
    }
}
