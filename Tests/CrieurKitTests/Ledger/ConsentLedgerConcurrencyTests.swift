import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// Several processes, and processes killed mid-way, never leave the ledger
/// half-written or duplicated. The kills and the contention are driven: the
/// import is stopped at a named step of its write (`PausePoint`), and the
/// simultaneous adds are released only once all four wait on the lock.
@Suite struct ConsentLedgerConcurrencyTests {
    /// Before its one write the import has appended nothing; after it, everything
    /// (the kernel holds the whole buffer), even though its seal was never updated.
    @Test(arguments: [("consent.append", 0), ("consent.appended", 3000)])
    func importKilledAtEachStepOfItsWriteLeavesAllOrNothing(point: String, expected: Int) throws {
        var rows = "email,source\n"
        for index in 0..<3000 { rows += "personne\(index)@example.be,formulaire papier n°\(index)\n" }
        let workspace = try LedgerFixture.workspace()
        try workspace.write(rows, to: "abonnes.csv")
        let fifo = try PauseFIFO(in: workspace.root)
        let process = try CrieurBinary.start(["--root", workspace.root, "subscribers", "import", workspace.path("abonnes.csv")],
                                             environment: fifo.environment(pausingAt: point), discardOutput: true)
        let reached = fifo.waitUntilReached(process)
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(reached == "\(point) 3000", "the import was killed at \(point)")
        #expect(process.terminationReason == .uncaughtSignal)

        let reading = try LedgerFixture.ledger(workspace).read()
        #expect(reading.damage == nil)
        #expect(reading.entries.count == expected)
        // The ledger is still in service: the next change goes through.
        let again = try CrieurBinary.run(["--root", workspace.root, "subscribers", "add", "jean@example.be", "--source", "guichet"])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(try LedgerFixture.ledger(workspace).read().entries.count == expected + 1)
    }

    @Test func simultaneousAddsOfTheSameAddressRecordOneSubscriber() throws {
        let workspace = try LedgerFixture.workspace()
        try FileSystem.makeDirectory(workspace.path("data"), mode: 0o700)
        let lockPath = workspace.path("data/\(ConsentLedger.lockFileName)")
        // Hold the ledger's lock so that all four reach it before any goes on.
        var holder = try FileLock(path: lockPath, wait: true)
        let processes = try (0..<4).map { index in
            try CrieurBinary.start(["--root", workspace.root, "subscribers", "add", "jean@example.be", "--source", "guichet \(index)"],
                                   discardOutput: true)
        }
        let allWaiting = FlockTable.waitForWaiters(4, on: lockPath)
        holder = nil
        for process in processes { process.waitUntilExit() }
        withExtendedLifetime(holder) {}
        #expect(allWaiting, "the four adds were waiting on the lock together")
        #expect(processes.allSatisfy { $0.terminationStatus == 0 })
        #expect(try LedgerFixture.ledger(workspace).read().entries.count == 1)
    }
}
