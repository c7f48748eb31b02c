import Foundation
import Testing
@testable import CrieurKit

/// `subscribers add --pending` tells the truth about the confirmation e-mail:
/// promised only on a double opt-in list, where the sender mails it.
@Suite struct PendingSubscriptionWordingTests {
    private func crieur(_ workspace: TestWorkspace, _ arguments: String...) throws -> CrieurBinary.Result {
        try CrieurBinary.run(["--root", workspace.root, "--now", "2026-11-20T10:00:00"] + arguments)
    }

    @Test func pendingOnAListWithoutDoubleOptInSaysNoConfirmationIsSentAndHowToConfirm() throws {
        let workspace = try LedgerFixture.workspace()
        let result = try crieur(workspace, "subscribers", "add", "jean@example.be", "--source", "guichet", "--list", "infos", "--pending")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!result.stdout.contains("recevra un e-mail"), "\(result.stdout)")
        #expect(result.stdout.contains("Aucun e-mail de confirmation n'est envoyé pour cette liste"), "\(result.stdout)")
        let token = try #require(try LedgerFixture.ledger(workspace).read().state.subscribers.values.first?.confirmationToken)
        #expect(result.stdout.contains("crieur consent confirm \(token)."), "\(result.stdout)")
    }

    @Test func pendingOnADoubleOptInListPromisesTheConfirmationEmail() throws {
        let workspace = try LedgerFixture.workspace()
        let result = try crieur(workspace, "subscribers", "add", "marie@example.be", "--source", "formulaire web", "--list", "web")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("la personne recevra un e-mail pour confirmer au prochain envoi"), "\(result.stdout)")
    }
}
