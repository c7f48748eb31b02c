import Foundation
import Testing
@testable import CrieurKit

/// The `smtp` group of `config/crieur.json5`.
@Suite struct SMTPSettingsTests {
    @Test func defaultConfigurationWritesToTheOutboxWithoutLimits() throws {
        let workspace = try TestWorkspace()
        let root = workspace.path("neuf")
        try WorkspaceSetup.create(Workspace(root: root))
        let smtp = try Workspace(root: root).loadConfig().smtp
        #expect(smtp == SMTPSettings())
        #expect(smtp.url == nil)
        #expect(smtp.connections == 1)
        #expect(smtp.syncEvery == 64)
        #expect(smtp.perMinute == nil && smtp.perDay == nil)
    }

    @Test func settingsAreRead() throws {
        let smtp = try CrieurConfig.parse(Data("""
            { smtp: { url: "smtp://smtp.office365.com:587/cpas.namur.be", fromAddress: "lettre@cpas.namur.be",
              fromName: "CPAS de Namur", replyTo: "accueil@cpas.namur.be", unsubscribeURL: "https://cpas.namur.be/desinscription",
              unsubscribeMailto: "desinscription@cpas.namur.be", confirmURL: "https://cpas.namur.be/confirmer",
              perMinute: 30, perDay: 10000, connections: 2, syncEvery: 1 } }
            """.utf8)).smtp
        #expect(smtp.url == "smtp://smtp.office365.com:587/cpas.namur.be")
        #expect(smtp.fromAddress == "lettre@cpas.namur.be")
        #expect(smtp.fromName == "CPAS de Namur")
        #expect(smtp.replyTo == "accueil@cpas.namur.be")
        #expect(smtp.unsubscribeURL == "https://cpas.namur.be/desinscription")
        #expect(smtp.unsubscribeMailto == "desinscription@cpas.namur.be")
        #expect(smtp.confirmURL == "https://cpas.namur.be/confirmer")
        #expect(smtp.perMinute == 30 && smtp.perDay == 10000 && smtp.connections == 2)
        #expect(smtp.syncEvery == 1)
    }

    @Test func misspeltKeyIsReportedWithASuggestion() {
        #expect(configProblems("{ smtp: { perMinut: 30 } }") == ["Réglage inconnu « smtp.perMinut ». Vouliez-vous dire « smtp.perMinute » ?"])
    }

    @Test func wrongValuesAreReportedInFrench() {
        let found = configProblems("""
            { smtp: { url: "http://relais.be", fromAddress: "pas une adresse", unsubscribeURL: "http://cpas.be/stop", connections: 0,
              syncEvery: 0 } }
            """)
        #expect(found.count == 5, "\(found)")
        #expect(found.contains { $0.contains("smtp.url") && $0.contains("smtp://") })
        #expect(found.contains { $0.contains("smtp.fromAddress") })
        #expect(found.contains { $0.contains("smtp.unsubscribeURL") && $0.contains("https://") })
        #expect(found.contains { $0.contains("smtp.connections") })
        #expect(found.contains { $0.contains("smtp.syncEvery") && $0.contains("entre 1 et 10000") })
    }
}
