import Foundation
import Testing
@testable import CrieurKit

@Suite(.serialized, .enabled(if: DovecotServer.expected)) struct IMAPMailboxTests {
    typealias Samples = IncomingMailSamples

    @Test func listsFetchesAndMovesMessagesKeepingThemWhole() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        try server.deliver(Samples.hardBounce, name: "a")
        try server.deliver(Samples.personalReply, name: "b")
        let mailbox = try IMAPMailbox(url: server.url, username: DovecotServer.user, password: DovecotServer.password)
        let uids = try mailbox.messageUIDs()
        #expect(uids.count == 2)
        #expect(Set(try uids.map { try mailbox.size(uid: $0) }) == [Samples.hardBounce.count, Samples.personalReply.count])
        #expect(try mailbox.seenUIDs().isEmpty, "asking the size reads nothing")
        #expect(try mailbox.messageUIDs(after: uids[0]) == [uids[1]])
        #expect(try mailbox.messageUIDs(after: uids[1]).isEmpty, "« N:* » names the last message even below N: not listed")
        let fetched = try uids.map { try mailbox.fetch(uid: $0) }
        #expect(Set(fetched) == Set([Samples.hardBounce, Samples.personalReply]))
        let bounceUID = uids[fetched.firstIndex(of: Samples.hardBounce)!]
        let replyUID = uids[fetched.firstIndex(of: Samples.personalReply)!]
        try mailbox.markUnread(uid: replyUID)
        #expect(try mailbox.seenUIDs() == [bounceUID])
        try mailbox.ensureFolder("Crieur-traites")
        try mailbox.ensureFolder("Crieur-traites")
        try mailbox.move(uid: bounceUID, to: "Crieur-traites")
        #expect(try mailbox.messageUIDs() == [replyUID])
        #expect(server.messages(inFolder: "Crieur-traites") == [Samples.hardBounce])
        #expect(server.messages(inFolder: "") == [Samples.personalReply])
    }

    @Test func refusedPasswordNamesTheLoginSettings() throws {
        let server = try DovecotServer()
        defer { server.stop() }
        let mailbox = try IMAPMailbox(url: server.url, username: DovecotServer.user, password: "faux")
        #expect(throws: MailboxError.settings("Le serveur IMAP refuse l’identifiant ou le mot de passe : vérifiez CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD.")) {
            try mailbox.messageUIDs()
        }
    }

    @Test func unknownHostAndClosedPortNameTheURLSetting() throws {
        let unknown = try IMAPMailbox(url: "imap://hote-inexistant.invalid/INBOX", username: "u", password: "p", connectTimeout: 120)
        #expect(throws: MailboxError.self) { try unknown.messageUIDs() }
        do { _ = try unknown.messageUIDs() } catch {
            #expect(error.isSettingsError)
            #expect(error.description.contains("mailbox.url"))
        }
        let closed = try IMAPMailbox(url: "imap://127.0.0.1:\(try SMTPTestServer.freePort())/INBOX", username: "u", password: "p", connectTimeout: 5)
        do { _ = try closed.messageUIDs(); Issue.record("a closed port answered") } catch {
            #expect(!error.isSettingsError)
            #expect(error.description.contains("le port dans mailbox.url"))
        }
    }

    @Test func httpURLAndMissingPasswordAreSettingsErrors() {
        #expect(throws: MailboxError.settings("L’adresse de la boîte aux lettres (mailbox.url) doit commencer par imaps:// ou imap://, pas « http:// ».")) {
            try IMAPMailbox(url: "http://imap.exemple.be/INBOX", username: "u", password: "p")
        }
        #expect(throws: MailboxError.settings("L’identifiant ou le mot de passe de la boîte aux lettres manque : définissez CRIEUR_IMAP_USER et CRIEUR_IMAP_PASSWORD dans l’environnement du service.")) {
            try IMAPMailbox(settings: MailboxSettings(url: "imaps://imap.exemple.be/INBOX"), environment: ["CRIEUR_IMAP_USER": "u"])
        }
    }
}
