import Foundation
import Testing
@testable import CrieurKit

/// The `mailbox` group: read strictly, off without a URL.
@Suite struct MailboxSettingsTests {
    @Test func withoutURLNoMailboxIsRead() throws {
        #expect(try CrieurConfig.parse(Data("{}".utf8)).mailbox == nil)
        #expect(try CrieurConfig.parse(Data(#"{ mailbox: { url: "", pollMinutes: 10 } }"#.utf8)).mailbox == nil)
        #expect(try CrieurConfig.parse(Data(DefaultConfiguration.text.utf8)).mailbox == nil)
    }

    @Test func theGroupGivesTheFolderURLAndTheHandledFolder() throws {
        let config = try CrieurConfig.parse(Data(#"""
            { mailbox: { url: "imaps://imap.commune.be:993", folder: "Retours lettre", handledFolder: "Traités", pollMinutes: 10 } }
            """#.utf8))
        let settings = try #require(config.mailbox)
        #expect(settings.folderURL == "imaps://imap.commune.be:993/Retours%20lettre")
        #expect(settings.handledFolder == "Traités")
        #expect(settings.pollMinutes == 10)
        #expect(MailboxSettings(url: "imap://127.0.0.1:1430", folder: "Traités").folderURL == "imap://127.0.0.1:1430/Trait&AOk-s")
    }

    @Test func mistakesAreNamedInFrench() {
        #expect(configProblems(#"{ mailbox: { url: "http://imap.commune.be" } }"#).first?
            .contains("« mailbox.url » doit être l'adresse du serveur IMAP, par exemple \"imaps://imap.commune.be\"") == true)
        #expect(configProblems(#"{ mailbox: { url: "imaps://imap.commune.be/INBOX" } }"#).first?
            .contains("le dossier lu se règle dans « mailbox.folder »") == true)
        #expect(configProblems(#"{ mailbox: { url: "imaps://cpas:secret@imap.commune.be" } }"#).first?
            .contains("CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD") == true)
        #expect(configProblems(#"{ mailbox: { url: "imaps://imap.commune.be", handledFolder: "inbox" } }"#).first?
            .contains("doit être un autre dossier") == true)
        #expect(configProblems(#"{ mailbox: { url: "imaps://imap.commune.be", pollMinute: 5 } }"#).first?
            .contains("Réglage inconnu « mailbox.pollMinute »") == true)
        #expect(!configProblems(#"{ mailbox: { url: "imaps://imap.commune.be", pollMinutes: 0 } }"#).isEmpty)
    }
}
