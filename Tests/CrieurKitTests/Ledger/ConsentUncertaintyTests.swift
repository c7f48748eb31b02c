import Foundation
import Testing
@testable import CrieurKit

/// A ledger that lost lines never sends mail: missing while delivery records
/// or its seal say it held subscribers, or shorter than it was last written.
@Suite struct ConsentUncertaintyTests {
    private func outbox(_ fixture: SenderFixture) -> OutboxTransport {
        OutboxTransport(directory: fixture.workspace.path(MailTransports.outboxFolder), clock: fixture.clock)
    }

    private func outboxCount(_ fixture: SenderFixture) throws -> Int {
        try FileSystem.regularFiles(under: fixture.workspace.path(MailTransports.outboxFolder)).count
    }

    /// Two subscribers got a first urgent item; a second one is ready to go.
    private func afterAFirstIssue() throws -> SenderFixture {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Colis", urgent: true)
        #expect(try fixture.sender(outbox(fixture)).run().sent == 2)
        try fixture.archiveItem("Chauffage", urgent: true)
        return fixture
    }

    @Test(arguments: [true, false])
    func deletedLedgerStopsSendingWhileDeliveryRecordsExist(keepSeal: Bool) throws {
        let fixture = try afterAFirstIssue()
        try FileSystem.remove(fixture.workspace.path("data/consent.jsonl"))
        if !keepSeal { try FileSystem.remove(fixture.workspace.path("data/consent.seal")) }

        #expect(throws: ConsentUncertainty.self) { try fixture.sender(outbox(fixture)).run() }
        #expect(try outboxCount(fixture) == 2, "nothing more was sent")
        // Nor can the ledger be started afresh over the loss.
        #expect(throws: ConsentUncertainty.self) { try fixture.subscribe(["trois@exemple.be"]) }
        let error = try #require(throws: ConsentUncertainty.self) { try ConsentLedger(workspace: fixture.workspace, clock: fixture.clock).read() }
        #expect(error.description.contains("a disparu ou est vide"))
        #expect(error.description.contains(keepSeal ? "pourtant, à sa dernière écriture, il contenait" : "pourtant, data/deliveries/urgent-2026-12-02-colis.jsonl nomme des abonnés"))
    }

    @Test func ledgerCutBeforeAWithdrawalStopsSendingUntilAPersonAcceptsTheLoss() throws {
        let fixture = try afterAFirstIssue()
        let path = fixture.workspace.path("data/consent.jsonl")
        let beforeWithdrawal = try fixture.test.read("data/consent.jsonl")
        _ = try ConsentLedger(workspace: fixture.workspace, clock: fixture.clock)
            .withdraw(address: try EmailAddress(validating: "deux@exemple.be"), source: "guichet")
        // An older copy put back: the withdrawal is gone.
        try FileSystem.writeDurably(Data(beforeWithdrawal.utf8), to: path, mode: 0o600)

        let error = try #require(throws: ConsentUncertainty.self) { try fixture.sender(outbox(fixture)).run() }
        guard case .truncated = error else { Issue.record("\(error)"); return }
        #expect(try outboxCount(fixture) == 2)

        // A person checked, redid the withdrawal they knew of, and accepted the ledger as it is.
        let ledger = ConsentLedger(workspace: fixture.workspace, clock: fixture.clock)
        try ledger.acceptLoss()
        _ = try ledger.withdraw(address: try EmailAddress(validating: "deux@exemple.be"), source: "guichet, refait")
        #expect(try fixture.sender(outbox(fixture)).run().sent == 1)
    }

    @Test func aFreshWorkspaceWithoutLedgerOrRecordsIsSimplyEmpty() throws {
        let fixture = try SenderFixture()
        try fixture.archiveItem("Colis", urgent: true)
        #expect(try fixture.sender(outbox(fixture)).run().sent == 0)
        #expect(try ConsentLedger(workspace: fixture.workspace, clock: fixture.clock).read().entries.isEmpty)
    }

    @Test func commandsRefuseADeletedLedgerWithExit65() throws {
        let fixture = try afterAFirstIssue()
        try FileSystem.remove(fixture.workspace.path("data/consent.jsonl"))
        let root = fixture.test.root
        let list = try CrieurBinary.run(["--root", root, "subscribers", "list"])
        #expect(list.status == 65)
        #expect(!list.stdout.contains("Aucun abonné"))
        #expect(list.stderr.contains("Le registre des consentements (data/consent.jsonl) a disparu"))
        let send = try CrieurBinary.run(["--root", root, "newsletter", "--send"])
        #expect(send.status == 65, "\(send.stderr)")
        #expect(send.stderr.contains("n'envoie plus la lettre d'information"))
        let work = try CrieurBinary.run(["--root", root, "work", "--once"])
        #expect(work.status == 65, "\(work.stderr)")
        #expect(work.stderr.contains("envoi de la lettre d'information bloqué"))
        #expect(try outboxCount(fixture) == 2)
    }
}
