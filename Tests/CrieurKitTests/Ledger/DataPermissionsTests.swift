import Foundation
import Testing
@testable import CrieurKit

/// Modes of `data/` loosened by a restore or a copy are set back and said.
@Suite struct DataPermissionsTests {
    private func mode(_ path: String) -> mode_t {
        var st = stat()
        return lstat(path, &st) == 0 ? st.st_mode & 0o7777 : 0
    }

    /// A ledger, a delivery record file in a folder, all loosened.
    private func loosened() throws -> TestWorkspace {
        let workspace = try LedgerFixture.workspace()
        try LedgerFixture.subscribe(workspace, "jean@example.be")
        try workspace.write("{}\n", to: "data/deliveries/2026-12.jsonl")
        #expect(chmod(workspace.path("data"), 0o755) == 0)
        #expect(chmod(workspace.path("data/deliveries"), 0o755) == 0)
        #expect(chmod(workspace.path("data/consent.jsonl"), 0o644) == 0)
        #expect(chmod(workspace.path("data/deliveries/2026-12.jsonl"), 0o644) == 0)
        return workspace
    }

    @Test func aChangeToTheLedgerSetsLoosenedModesBackAndReportsEach() throws {
        let workspace = try loosened()
        let reported = Reported()
        let settings = try workspace.config().newsletter
        let ledger = ConsentLedger(workspace: workspace.workspace, clock: FixedClock(LedgerFixture.start),
                                   permissionReport: { reported.add($0) })
        _ = try ledger.subscribe([SubscriptionRequest(address: LedgerFixture.address("marie@example.be"), source: "guichet")],
                                 settings: settings)
        #expect(reported.all.map(\.path) == ["data/", "data/consent.jsonl", "data/deliveries/", "data/deliveries/2026-12.jsonl"])
        let unrepaired = reported.all.filter { !$0.repaired }
        #expect(unrepaired.isEmpty)
        #expect(reported.all[1].description == "droits de data/consent.jsonl corrigés (0644 au lieu de 0600) : "
            + "ces données personnelles ne doivent être lisibles que par le service")
        #expect(mode(workspace.path("data")) == 0o700)
        #expect(mode(workspace.path("data/deliveries")) == 0o700)
        #expect(mode(workspace.path("data/consent.jsonl")) == 0o600)
        #expect(mode(workspace.path("data/deliveries/2026-12.jsonl")) == 0o600)
    }

    @Test func anAppendPutsItsFileBackTo0600() throws {
        let workspace = try LedgerFixture.workspace()
        try workspace.write("{\"a\":1}\n", to: "data/journal.jsonl")
        #expect(chmod(workspace.path("data/journal.jsonl"), 0o644) == 0)
        try AppendOnlyLog(path: workspace.path("data/journal.jsonl")).append(["b": 2])
        #expect(mode(workspace.path("data/journal.jsonl")) == 0o600)
    }

    @Test func statusAndTheWorkerReportLoosenedModes() throws {
        let workspace = try loosened()
        let status = try CrieurBinary.run(["--root", workspace.root, "status"])
        #expect(status.status == 0)
        #expect(status.stderr.contains("droits de data/consent.jsonl corrigés (0644 au lieu de 0600)"), "\(status.stderr)")
        #expect(mode(workspace.path("data/consent.jsonl")) == 0o600)

        #expect(chmod(workspace.path("data/consent.jsonl"), 0o644) == 0)
        let work = try CrieurBinary.run(["--root", workspace.root, "work", "--once"])
        #expect(work.stderr.contains("droits de data/consent.jsonl corrigés (0644 au lieu de 0600)"), "\(work.stderr)")
        #expect(mode(workspace.path("data/consent.jsonl")) == 0o600)
    }

    private final class Reported: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [DataPermissions.Repair] = []
        func add(_ repair: DataPermissions.Repair) { lock.withLock { stored.append(repair) } }
        var all: [DataPermissions.Repair] { lock.withLock { stored } }
    }
}
