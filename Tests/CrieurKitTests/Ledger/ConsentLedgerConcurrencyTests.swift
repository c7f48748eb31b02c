import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// Several processes, and processes killed mid-way, never leave the ledger half-written or duplicated.
@Suite struct ConsentLedgerConcurrencyTests {
    @Test func importKilledAtAnyMomentLeavesAllOrNothing() throws {
        var rows = "email,source\n"
        for index in 0..<3000 { rows += "personne\(index)@example.be,formulaire papier n°\(index)\n" }
        for attempt in 0..<5 {
            let workspace = try LedgerFixture.workspace()
            try workspace.write(rows, to: "abonnes.csv")
            let process = try CrieurBinary.start(["--root", workspace.root, "subscribers", "import", workspace.path("abonnes.csv")],
                                                 discardOutput: true)
            // Spread over the import (about 0.5 s in a debug build): before, during and after its one write.
            usleep(UInt32(attempt) * 150_000 + UInt32.random(in: 0...150_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()

            let reading = try LedgerFixture.ledger(workspace).read()
            #expect(reading.damage == nil)
            #expect([0, 3000].contains(reading.entries.count), "attempt \(attempt): \(reading.entries.count) lines")
        }
    }

    @Test func simultaneousAddsOfTheSameAddressRecordOneSubscriber() throws {
        let workspace = try LedgerFixture.workspace()
        let processes = try (0..<4).map { index in
            try CrieurBinary.start(["--root", workspace.root, "subscribers", "add", "jean@example.be", "--source", "guichet \(index)"],
                                   discardOutput: true)
        }
        for process in processes { process.waitUntilExit() }
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try LedgerFixture.ledger(workspace).read().entries.count == 1)
    }
}
