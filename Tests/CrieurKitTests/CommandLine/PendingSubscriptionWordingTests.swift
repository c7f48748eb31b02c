import Foundation
import Testing
@testable import CrieurKit

/// `subscribers add --pending` tells the truth about the confirmation e-mail:
/// the sender mails it to every pending subscriber, on any list.
@Suite struct PendingSubscriptionWordingTests {
    private func crieur(_ workspace: TestWorkspace, _ arguments: String...) throws -> CrieurBinary.Result {
        try CrieurBinary.run(["--root", workspace.root, "--now", "2026-11-20T10:00:00"] + arguments)
    }

    @Test func pendingOnAListWithoutDoubleOptInPromisesTheConfirmationEmailThatTheNextSendMails() throws {
        let workspace = try TestWorkspace(extraConfig: LedgerFixture.config + """
            ,
            organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be" }
            """)
        let result = try crieur(workspace, "subscribers", "add", "jean@example.be", "--source", "guichet", "--list", "infos", "--pending")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("la personne recevra un e-mail pour confirmer au prochain envoi"), "\(result.stdout)")
        let token = try #require(try LedgerFixture.ledger(workspace).read().state.subscribers.values.first?.confirmationToken)
        #expect(result.stdout.contains("crieur consent confirm \(token)."), "\(result.stdout)")

        let send = try crieur(workspace, "newsletter", "--send", "--yes")
        let outbox = workspace.workspace.path(MailTransports.outboxFolder)
        let messages = try FileSystem.regularFiles(under: outbox).filter { $0.hasSuffix(".eml") }.map {
            // Quoted-printable soft line breaks joined, so that the code reads whole.
            try String(contentsOfFile: "\(outbox)/\($0)", encoding: .utf8).replacingOccurrences(of: "=\n", with: "")
        }
        #expect(messages.contains { $0.contains("To: <jean@example.be>") && $0.contains(token) }, "\(send.stdout) \(send.stderr)")
    }

    @Test func pendingOnADoubleOptInListPromisesTheConfirmationEmail() throws {
        let workspace = try LedgerFixture.workspace()
        let result = try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "formulaire web", "--list", "web")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("la personne recevra un e-mail pour confirmer au prochain envoi"), "\(result.stdout)")
    }
}
