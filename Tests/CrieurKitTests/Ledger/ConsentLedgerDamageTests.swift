import Foundation
import Testing
@testable import CrieurKit

/// A damaged ledger is reported, refuses changes, and is repaired without losing anything.
@Suite struct ConsentLedgerDamageTests {
    private func append(_ text: String, to workspace: TestWorkspace) throws {
        let handle = try #require(FileHandle(forWritingAtPath: workspace.path("data/consent.jsonl")))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(text.utf8))
        try handle.close()
    }

    @Test func truncatedLastLineIsReportedAndTheRestIsStillRead() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        try append(#"{"kind":"withdrawn","subscriber":"\#(jean.id)","li"#, to: workspace)

        let reading = try LedgerFixture.ledger(workspace).read()
        let damage = try #require(reading.damage)
        #expect(damage.lines.map(\.number) == [2])
        #expect(damage.lines[0].unterminated)
        #expect(reading.state.subscribers[jean.id]?.state == .confirmed)
        #expect(damage.description.contains("la ligne 2, la dernière, est incomplète"))
        #expect(damage.description.contains("crieur consent repair"))
    }

    @Test func corruptCompleteLastLineIsReported() throws {
        let workspace = try LedgerFixture.workspace()
        try LedgerFixture.subscribe(workspace, "jean@example.be")
        try append("\u{0}\u{0}\u{0}garbage\n", to: workspace)
        let damage = try #require(try LedgerFixture.ledger(workspace).read().damage)
        #expect(damage.lines.map(\.number) == [2])
        #expect(!damage.lines[0].unterminated)
        #expect(damage.description.contains("la ligne 2 n'est pas lisible"))
    }

    @Test func damagedLedgerRefusesEveryChangeAndStaysByteForByteTheSame() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        try append("{\"kind\":", to: workspace)
        let before = try workspace.read("data/consent.jsonl")
        let ledger = LedgerFixture.ledger(workspace)
        #expect(throws: ConsentLedgerDamage.self) { try LedgerFixture.subscribe(workspace, "marie@example.be") }
        #expect(throws: ConsentLedgerDamage.self) { try ledger.withdraw(unsubscribeToken: jean.unsubscribeToken!) }
        #expect(throws: ConsentLedgerDamage.self) { try ledger.erase(address: LedgerFixture.address("jean@example.be")) }
        #expect(try workspace.read("data/consent.jsonl") == before)
    }

    @Test func repairSetsTheDamagedLinesAsideAndPutsTheLedgerBackInService() throws {
        let workspace = try LedgerFixture.workspace()
        let jean = try LedgerFixture.subscribe(workspace, "jean@example.be")
        let good = try workspace.read("data/consent.jsonl")
        try append("not json\n{\"kind\":\"withdr", to: workspace)

        let outcome = try #require(try LedgerFixture.ledger(workspace).repair())
        #expect(outcome.damage.lines.map(\.number) == [2, 3])
        #expect(try workspace.read("data/consent.jsonl") == good)
        #expect(try workspace.read("data/consent.damaged") == "not json\n{\"kind\":\"withdr\n")
        #expect(try LedgerFixture.ledger(workspace).repair() == nil)
        // Back in service: a withdrawal is recorded again.
        _ = try LedgerFixture.ledger(workspace).withdraw(unsubscribeToken: jean.unsubscribeToken!)
        #expect(try LedgerFixture.ledger(workspace).read().state.subscribers[jean.id]?.state == .withdrawn)
    }

    @Test func appendAfterAnUnterminatedLineStartsOnANewLineSoTheDamageStaysVisible() throws {
        let workspace = try LedgerFixture.workspace()
        let log = AppendOnlyLog(path: workspace.path("data/other.jsonl"))
        try workspace.write("{\"a\":1}\n{\"b\":", to: "data/other.jsonl")
        try log.append(["c": 3])
        let contents = try log.read()
        #expect(contents.lines.map { String(decoding: $0.bytes, as: UTF8.self) } == [#"{"a":1}"#, #"{"b":"#, #"{"c":3}"#])
        #expect(contents.unterminatedTail == nil)
    }

    @Test func batchAppendWritesEveryLineInOneGo() throws {
        let workspace = try LedgerFixture.workspace()
        let log = AppendOnlyLog(path: workspace.path("data/batch.jsonl"))
        try log.append(lines: (0..<3).map { Data("{\"n\":\($0)}".utf8) })
        #expect(try workspace.read("data/batch.jsonl") == "{\"n\":0}\n{\"n\":1}\n{\"n\":2}\n")
        var st = stat()
        #expect(stat(workspace.path("data/batch.jsonl"), &st) == 0 && st.st_mode & 0o777 == 0o600)
    }
}
