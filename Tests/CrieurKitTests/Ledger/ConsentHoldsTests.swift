import Foundation
import Testing
@testable import CrieurKit

/// A set-aside line that may have been a withdrawal keeps the people it names
/// out of every send until a person decides.
@Suite struct ConsentHoldsTests {
    private func outbox(_ fixture: SenderFixture) -> OutboxTransport {
        OutboxTransport(directory: fixture.workspace.path(MailTransports.outboxFolder), clock: fixture.clock)
    }

    private func recipients(_ fixture: SenderFixture) throws -> [String] {
        try fixture.records().filter { $0.result == .sent }.map(\.subscriber)
    }

    private func appendToLedger(_ text: String, _ fixture: SenderFixture) throws {
        let handle = try #require(FileHandle(forWritingAtPath: fixture.workspace.path("data/consent.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    private func ledger(_ fixture: SenderFixture) -> ConsentLedger {
        ConsentLedger(workspace: fixture.workspace, clock: fixture.clock)
    }

    @Test(arguments: [HoldCase.withdrawal, .notAWithdrawal])
    func cutWithdrawalHoldsItsSubscriberUntilAPersonDecides(decision: HoldCase) throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try appendToLedger(#"{"kind":"withdrawn","subscriber":"\#(ids[0])","li"#, fixture)
        let outcome = try #require(try ledger(fixture).repair())
        #expect(outcome.holds.map(\.subscribers) == [[ids[0]]])

        try fixture.archiveItem("Colis", urgent: true)
        _ = try fixture.sender(outbox(fixture)).run()
        #expect(try recipients(fixture) == [ids[1]], "the held subscriber got nothing")

        let withdrawn = try ledger(fixture).decide(hold: outcome.holds[0].id, decision == .withdrawal ? .withdrawal : .notAWithdrawal)
        #expect(withdrawn.map(\.id) == (decision == .withdrawal ? [ids[0]] : []))
        #expect(try ledger(fixture).holds().open.isEmpty)
        try fixture.archiveItem("Chauffage", urgent: true)
        _ = try fixture.sender(outbox(fixture)).run()
        let expected = decision == .withdrawal ? [ids[1], ids[1]] : [ids[1], ids[1], ids[0], ids[0]]
        #expect(try recipients(fixture).sorted() == expected.sorted())
    }

    @Test func aLineNamingOnlyAnAddressHoldsThatAddress() throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try appendToLedger("\u{0}\u{0} un@exemple.be désinscrit \u{0}\n", fixture)
        let outcome = try #require(try ledger(fixture).repair())
        #expect(outcome.holds.first?.subscribers == [ids[0]])
        #expect(outcome.holds.first?.addresses == ["un@exemple.be"])
        try fixture.archiveItem("Colis", urgent: true)
        _ = try fixture.sender(outbox(fixture)).run()
        #expect(try recipients(fixture) == [ids[1]])
    }

    @Test func aLineNamingNobodyStopsTheNewsletterUntilConfirmed() throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be"])
        try appendToLedger("\u{0}\u{0}\u{0}garbage\n", fixture)
        let outcome = try #require(try ledger(fixture).repair())
        let hold = try #require(outcome.holds.first)
        #expect(hold.namesNobody)
        try fixture.archiveItem("Colis", urgent: true)
        let error = try #require(throws: ConsentUncertainty.self) { try fixture.sender(outbox(fixture)).run() }
        #expect(error == .undecidedLine(hold: hold.id, line: 2))
        #expect(throws: ConsentError.holdNamesNobody(hold.id)) { try ledger(fixture).decide(hold: hold.id, .withdrawal) }

        _ = try ledger(fixture).decide(hold: hold.id, .notAWithdrawal)
        _ = try fixture.sender(outbox(fixture)).run()
        #expect(try recipients(fixture) == ids)
    }

    @Test func aPlainSubscriptionLineSetAsideHoldsNobody() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be"])
        try appendToLedger(#"{"kind":"subscribed","subscriber":"s-0123456789abcdef","address":"trois@exemple.be","li"#, fixture)
        let outcome = try #require(try ledger(fixture).repair())
        #expect(outcome.holds.isEmpty)
    }

    @Test func repairCommandShowsTheLineAndRecordsTheDecision() throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try appendToLedger(#"{"kind":"withdrawn","subscriber":"\#(ids[1])","li"#, fixture)
        let root = fixture.test.root
        let repair = try CrieurBinary.run(["--root", root, "consent", "repair"])
        #expect(repair.status == 0, "\(repair.stderr)")
        #expect(repair.stdout.contains(#"ligne 3 (incomplète) : {"kind":"withdrawn","subscriber":"\#(ids[1])","li"#))
        #expect(repair.stdout.contains("peut-être une désinscription"))
        let id = try #require(try ledger(fixture).holds().open.first?.id)
        #expect(repair.stdout.contains("crieur consent repair --withdraw \(id)"))
        #expect(try CrieurBinary.run(["--root", root, "consent", "repair", "--list"]).stdout.contains("[\(id)] ligne 3"))

        let unknown = try CrieurBinary.run(["--root", root, "consent", "repair", "--confirm", "r-00000000"])
        #expect(unknown.status == 65)
        let decided = try CrieurBinary.run(["--root", root, "consent", "repair", "--withdraw", id])
        #expect(decided.status == 0, "\(decided.stderr)")
        #expect(decided.stdout.contains("Désinscrit de la liste « infos » (\(ids[1]))"))
        #expect(try ledger(fixture).read().state.subscribers[ids[1]]?.state == .withdrawn)
    }

    enum HoldCase: CustomStringConvertible { case withdrawal, notAWithdrawal
        var description: String { self == .withdrawal ? "withdrawal" : "notAWithdrawal" }
    }
}
