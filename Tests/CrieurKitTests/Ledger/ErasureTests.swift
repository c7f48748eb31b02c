import Foundation
import Testing
@testable import CrieurKit

/// Right to erasure: nothing of the person is left in `data/`, and they cannot be re-added by mistake.
@Suite struct ErasureTests {
    @Test func erasureLeavesNeitherAddressNorNameAnywhereInData() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "Jean.Dupont@example.be", name: "Jean Dupont")
        try LedgerFixture.subscribe(workspace, "jean.dupont@example.be", list: "web", name: "Jean Dupont")
        let marie = try LedgerFixture.subscribe(workspace, "marie@example.be", name: "Marie")
        try workspace.write("""
        {"subscriber":"\(jean.id)","result":"rejected","reply":"550 5.1.1 <JEAN.DUPONT@example.be>: unknown user"}
        {"subscriber":"\(marie.id)","result":"sent","reply":"250 ok"}

        """, to: "data/deliveries.jsonl")
        #expect(try LedgerFixture.filesContaining("jean.dupont@example.be", in: workspace).count == 2)

        let report = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("jean.dupont@EXAMPLE.be"))

        #expect(report.subscribers.count == 2)
        #expect(report.scrubbedFiles == ["data/deliveries.jsonl"])
        #expect(report.remainingFiles.isEmpty)
        #expect(try LedgerFixture.filesContaining("jean.dupont@example.be", in: workspace).isEmpty)
        #expect(try LedgerFixture.filesContaining("Jean Dupont", in: workspace).isEmpty)
        #expect(try LedgerFixture.filesContaining(jean.unsubscribeToken!, in: workspace).isEmpty)
        // Other people are untouched.
        #expect(try workspace.read("data/deliveries.jsonl").contains(#""subscriber":"\#(marie.id)","result":"sent""#))
        let state = try LedgerFixture.ledger(workspace).read().state
        #expect(state.subscribers[marie.id]?.address == "marie@example.be")
        #expect(state.subscribers[jean.id]?.state == .erased)
        #expect(state.subscribers[jean.id]?.address == nil)
    }

    @Test func erasureKeepsTheEventsNeededForCountsWithoutPersonalFields() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be", name: "Jean")
        _ = try LedgerFixture.ledger(workspace).withdraw(address: LedgerFixture.address("jean@example.be"), source: "guichet")
        _ = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("jean@example.be"))

        let events = try LedgerFixture.ledger(workspace).read().entries.map(\.event)
        #expect(events.map(\.kind) == [.subscribed, .withdrawn, .erased])
        for event in events {
            #expect(event.subscriber == jean.id && event.list == "infos" && event.time == LedgerFixture.start)
            #expect(event.address == nil && event.name == nil && event.source == nil)
            #expect(event.unsubscribeToken == nil && event.confirmationToken == nil)
        }
    }

    @Test func erasedAddressIsRefusedByAddAndByImport() throws {
        let workspace = try LedgerFixture.workspace()
        try LedgerFixture.subscribe(workspace, "jean@example.be")
        _ = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("jean@example.be"))

        #expect(throws: ConsentError.suppressed("Jean@example.be")) {
            try LedgerFixture.subscribe(workspace, "Jean@Example.be")
        }
        let csv = "email,source\njean@example.be,formulaire web\nmarie@example.be,formulaire web\n"
        let parsed = SubscriberCSV.parse(Data(csv.utf8))
        let outcomes = try LedgerFixture.ledger(workspace).subscribe(parsed.rows.map(\.request), settings: try workspace.config().newsletter)
        #expect(outcomes.first == .refused(.suppressed("jean@example.be")))
        guard case .added = outcomes.last else { Issue.record("marie not added: \(outcomes)"); return }
    }

    @Test func suppressionListHoldsASaltedFingerprintNotTheAddress() throws {
        let workspace = try LedgerFixture.workspace()
        _ = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("jean@example.be"))
        let line = try workspace.read("data/suppression.jsonl")
        #expect(!line.contains("jean"))
        #expect(!line.contains(SHA256.hex(Array("jean@example.be".utf8))))  // salted: not the bare hash
        var st = stat()
        #expect(stat(workspace.path("data/suppression.salt"), &st) == 0 && st.st_mode & 0o777 == 0o600)
        let salt = try workspace.read("data/suppression.salt")
        _ = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("marie@example.be"))
        #expect(try workspace.read("data/suppression.salt") == salt)  // created once
        #expect(try workspace.read("data/suppression.jsonl").split(separator: "\n").count == 2)
    }

    @Test func erasingTwiceIsHarmless() throws {
        let workspace = try LedgerFixture.workspace()
        try LedgerFixture.subscribe(workspace, "jean@example.be")
        _ = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("jean@example.be"))
        let again = try LedgerFixture.ledger(workspace).erase(address: LedgerFixture.address("jean@example.be"))
        #expect(again.subscribers.isEmpty)
        #expect(try workspace.read("data/suppression.jsonl").split(separator: "\n").count == 1)
        #expect(try LedgerFixture.ledger(workspace).read().entries.count == 2)
    }
}
