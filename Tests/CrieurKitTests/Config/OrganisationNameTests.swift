import Foundation
import Testing
@testable import CrieurKit

/// The centre's name after « de » takes French's article: guessed from the
/// name, set in `organisation.nameWithDe` when the guess sounds wrong, and
/// used wherever a message says whose letter it is.
@Suite struct OrganisationNameTests {
    @Test func theArticleIsGuessedFromTheName() {
        let cases: [(String, String)] = [
            ("CPAS de Soumagne", "du CPAS de Soumagne"),
            ("Centre public d'action sociale de Blegny", "du Centre public d'action sociale de Blegny"),
            ("Commune de Blegny", "de la Commune de Blegny"),
            ("Ville de Liège", "de la Ville de Liège"),
            ("Administration communale de Herve", "de l'Administration communale de Herve"),
            ("Espace Citoyen", "de l'Espace Citoyen"),
            ("Écrivain public", "de l'Écrivain public"),
            ("Le Relais social", "du Relais social"),
            ("La Maison de l'emploi", "de la Maison de l'emploi"),
            ("Les Restos du cœur", "des Restos du cœur"),
            ("L'Envol", "de l'Envol"),
            ("Soumagne", "de Soumagne"),
            ("", ""),
        ]
        for (name, expected) in cases {
            #expect(CrieurConfig.Organisation.guessNameWithDe(name) == expected, "\(name)")
        }
    }

    @Test func theSettingOverridesTheGuess() throws {
        let config = try CrieurConfig.parse(Data("""
            { organisation: { name: "Home Les Tilleuls", nameWithDe: "du home « Les Tilleuls »" } }
            """.utf8))
        #expect(config.organisation.withDe == "du home « Les Tilleuls »")
        let guessed = try CrieurConfig.parse(Data(#"{ organisation: { name: "CPAS de Soumagne", nameWithDe: "" } }"#.utf8))
        #expect(guessed.organisation.withDe == "du CPAS de Soumagne")
    }

    @Test func aBareNameInTheSettingIsReportedInFrench() {
        let problems = configProblems(#"{ organisation: { name: "CPAS de Soumagne", nameWithDe: "CPAS de Soumagne" } }"#)
        #expect(problems.count == 1)
        #expect(problems.first?.contains("« organisation.nameWithDe » doit commencer par « du », « de la »") == true, "\(problems)")
    }

    @Test func theConfirmationMailAndTheIssueFooterSayWhoseLetterItIs() throws {
        var config = CrieurConfig()
        config.organisation = .init(name: "CPAS de Soumagne", address: "Rue Pierre Curie 1, 4630 Soumagne", email: "info@cpas-soumagne.be")
        let renderer = try NewsletterRenderer(config: config, templates: .defaults(), clock: FixedClock(Date(timeIntervalSince1970: 1_772_438_400)))
        let recipient = NewsletterRendererTests.recipient
        let confirmation = try ParsedMail.parse(try renderer.renderConfirmation(recipient: recipient).data)
        #expect(confirmation.value("Subject") == "Confirmez votre inscription à la lettre d'information du CPAS de Soumagne")
        for part in confirmation.parts {
            #expect(part.text.contains("recevoir la lettre d'information du CPAS de Soumagne."), "\(part.text)")
            #expect(!part.text.contains("de CPAS"), "\(part.text)")
        }
        let issue = NewsletterIssue(id: "2026-12", title: "Les nouvelles du CPAS — lundi 7 décembre", date: CivilDate(year: 2026, month: 12, day: 7),
                                    items: [NewsletterRendererTests.repairCafe])
        let (text, html) = try renderer.bodies(renderer.prepare(issue), recipient: recipient)
        #expect(text.contains("Vous recevez la lettre d'information du CPAS de Soumagne parce que"), "\(text)")
        #expect(html.contains("Vous recevez la lettre d'information du CPAS de Soumagne parce que"))

        config.organisation.nameWithDe = "de l'Espace social de Soumagne"
        let overridden = try NewsletterRenderer(config: config, templates: .defaults(), clock: FixedClock(Date(timeIntervalSince1970: 1_772_438_400)))
        let mail = try ParsedMail.parse(try overridden.renderConfirmation(recipient: recipient).data)
        #expect(mail.value("Subject") == "Confirmez votre inscription à la lettre d'information de l'Espace social de Soumagne")
    }
}
