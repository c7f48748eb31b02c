import Foundation
import Testing
@testable import CrieurKit

/// The list page's « en cours de traitement » counts items, not the folders a running worker keeps.
struct DeskBoardTests {
    @Test func aRunningWorkersEmptyClaimFolderIsNotAnItemInProgressButWhatItHoldsIs() throws {
        let workspace = try TestWorkspace()
        let config = try workspace.config()
        let now = WorkerTestSupport.date("2026-12-02T10:00")
        // What `crieur work` leaves while it runs: its own folder in active/, empty between items.
        try FileSystem.makeDirectory(workspace.path("queue/active/w3380-96fc2d25"))
        var board = try DeskBoard.read(workspace.workspace, config: config, now: now, clock: FixedClock(now))
        #expect(board.inProgress == 0)

        try workspace.write("Titre: Colis\nCanaux: facebook\n---\nVenez le jeudi.\n", to: "queue/active/w3380-96fc2d25/colis.txt")
        try workspace.write("Titre: Jardin\nCanaux: facebook\n---\nVenez au jardin.\n", to: "queue/incoming/jardin.txt")
        board = try DeskBoard.read(workspace.workspace, config: config, now: now, clock: FixedClock(now))
        #expect(board.inProgress == 2)
    }
}
