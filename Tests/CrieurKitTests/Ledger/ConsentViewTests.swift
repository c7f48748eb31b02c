import Foundation
import Testing
@testable import CrieurKit

/// The sender's view follows the ledger as other processes change it.
@Suite struct ConsentViewTests {
    @Test func recipientsAreConfirmedSubscribersOfTheListOnly() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be", name: "Jean")
        try LedgerFixture.subscribe(workspace, "paul@example.be", pending: true)
        let pending = try LedgerFixture.subscribe(workspace, "marie@example.be", list: "web")
        let gone = try LedgerFixture.subscribe(workspace, "luc@example.be")
        _ = try LedgerFixture.ledger(workspace).withdraw(unsubscribeToken: gone.unsubscribeToken!)

        var view = ConsentView(workspace: workspace.workspace)
        try view.refresh()
        #expect(view.recipients(list: "infos") == [
            ConsentView.Recipient(id: jean.id, address: "jean@example.be", name: "Jean", unsubscribeToken: jean.unsubscribeToken!),
        ])
        #expect(view.recipients(list: "web").isEmpty)
        #expect(view.pendingConfirmations(list: "web").map(\.id) == [pending.id])
        #expect(view.pendingConfirmations(list: "web").first?.confirmationToken == pending.confirmationToken)
        #expect(view.isActive(subscriberID: jean.id, list: "infos"))
        #expect(!view.isActive(subscriberID: jean.id, list: "web"))
        #expect(!view.isActive(subscriberID: pending.id, list: "web"))
        #expect(!view.isActive(subscriberID: gone.id, list: "infos"))
    }

    @Test func refreshPicksUpAWithdrawalWrittenByAnotherProcess() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        var view = ConsentView(workspace: workspace.workspace)
        try view.refresh()
        #expect(view.isActive(subscriberID: jean.id, list: "infos"))

        let result = try CrieurBinary.run(["--root", workspace.root, "consent", "withdraw", "jean@example.be"])
        #expect(result.status == 0, "\(result.stderr)")

        try view.refresh()
        #expect(!view.isActive(subscriberID: jean.id, list: "infos"))
        #expect(view.recipients(list: "infos").isEmpty)
    }

    @Test func refreshReadsOnlyWhatWasAppendedSinceTheLastRead() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        var view = ConsentView(workspace: workspace.workspace)
        try view.refresh()
        // Bytes before the view's offset are no longer read: overwrite them in place
        // (same inode, same size) with something unreadable, then append a withdrawal.
        let path = workspace.path("data/consent.jsonl")
        let size = try #require(try FileSystem.info(path)).size
        let handle = try #require(FileHandle(forUpdatingAtPath: path))
        try handle.write(contentsOf: Data(repeating: UInt8(ascii: "x"), count: size - 1))
        try handle.close()
        _ = try AppendOnlyLog(path: path).append(lines: [
            try AppendOnlyLog.encodeLine(ConsentEvent(kind: .withdrawn, subscriber: jean.id, list: "infos", time: LedgerFixture.start),
                                         encoder: ConsentEvent.lineEncoder()),
        ])
        try view.refresh()
        #expect(!view.isActive(subscriberID: jean.id, list: "infos"))
        #expect(view.state.eventCount == 2)
    }

    @Test func refreshReloadsTheWholeLedgerAfterAnErasureReplacedIt() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        let marie = try LedgerFixture.subscribe(workspace, "marie@example.be")
        var view = ConsentView(workspace: workspace.workspace)
        try view.refresh()
        _ = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("jean@example.be"))

        try view.refresh()
        #expect(view.recipients(list: "infos").map(\.id) == [marie.id])
        #expect(view.state.subscribers[jean.id]?.state == .erased)
        #expect(view.state.subscribers[jean.id]?.address == nil)
    }

    @Test func halfWrittenLineIsLeftForTheNextRefresh() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        var view = ConsentView(workspace: workspace.workspace)
        try view.refresh()
        let line = try AppendOnlyLog.encodeLine(
            ConsentEvent(kind: .withdrawn, subscriber: jean.id, list: "infos", time: LedgerFixture.start), encoder: ConsentEvent.lineEncoder())
        let handle = try #require(FileHandle(forWritingAtPath: workspace.path("data/consent.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: line.prefix(20))
        try view.refresh()
        #expect(view.isActive(subscriberID: jean.id, list: "infos"))
        try handle.write(contentsOf: line.dropFirst(20) + Data("\n".utf8))
        try handle.close()
        try view.refresh()
        #expect(!view.isActive(subscriberID: jean.id, list: "infos"))
    }

    @Test func refreshStopsOnADamagedLineAndKeepsItsLastState() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        var view = ConsentView(workspace: workspace.workspace)
        try view.refresh()
        try AppendOnlyLog(path: workspace.path("data/consent.jsonl")).append(lines: [Data("garbage".utf8)])
        #expect(throws: ConsentLedgerDamage.self) { try view.refresh() }
        #expect(view.isActive(subscriberID: jean.id, list: "infos"))
        #expect(throws: ConsentLedgerDamage.self) { try view.refresh() }
    }

    @Test func missingLedgerMeansNoRecipients() throws {
        let workspace = try LedgerFixture.workspace()
        var view = ConsentView(workspace: workspace.workspace)
        try view.refresh()
        #expect(view.recipients(list: "infos").isEmpty)
    }
}
