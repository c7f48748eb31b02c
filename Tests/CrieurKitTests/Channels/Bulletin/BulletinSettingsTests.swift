import Foundation
import Testing
@testable import CrieurKit

struct BulletinSettingsTests {
    @Test func contactBlockFallsBackToTheOrganisation() throws {
        let config = try CrieurConfig.parse(Data("""
            { organisation: { name: "CPAS de Ciney", phone: "083 00 00 00", email: "info@cpas.be" },
              bulletin: { contact: { phone: "083 11 11 11", openingHours: "le matin" } } }
            """.utf8))
        #expect(config.bulletin.contact.lines == [
            "CPAS de Ciney", "Téléphone : 083 11 11 11", "E-mail : info@cpas.be", "Heures d'ouverture : le matin",
        ])
    }

    @Test func defaultConfigurationGivesFourDeadlinesAndLimits() throws {
        let config = try CrieurConfig.parse(Data(DefaultConfiguration.text.utf8))
        #expect(config.bulletin.deadlines.count == 4)
        #expect(config.bulletin.deadline(of: Quarter(year: 2027, number: 1)) == CivilDate(year: 2026, month: 12, day: 1))
        #expect(config.bulletin.maxCharactersPerArticle == 1_500)
        #expect(config.bulletin.maxCharactersTotal == 6_000)
        #expect(config.bulletin.daysBeforeDeadline == 14)
        #expect(!config.bulletin.contact.openingHours.isEmpty)
    }

    @Test(arguments: ["02-29", "13-01", "9-1", "2026-09-01", "1er septembre"])
    func unreadableDeadlineIsReportedInFrench(_ text: String) {
        #expect(configProblems("{ bulletin: { deadlines: { T4: \"\(text)\" } } }") == [
            "« bulletin.deadlines.T4 » vaut « \(text) » : écrivez le mois et le jour, par exemple \"09-01\" pour le 1er septembre."
        ])
    }

    @Test func misspeltBulletinKeyIsReported() {
        #expect(configProblems("{ bulletin: { maxCharactersPerArticles: 900 } }").first?.contains("Vouliez-vous dire « bulletin.maxCharactersPerArticle »") == true)
        #expect(configProblems("{ bulletin: { deadlines: { T5: \"09-01\" } } }").first?.hasPrefix("Réglage inconnu « bulletin.deadlines.T5 »") == true)
    }
}
