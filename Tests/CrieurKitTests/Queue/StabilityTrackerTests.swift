import Foundation
import Testing
@testable import CrieurKit

/// A file still being copied is left alone; times are explicit wall-clock dates.
@Suite struct StabilityTrackerTests {
    private let written = Date(timeIntervalSince1970: 1_800_000_000)

    /// One look at `a.txt`, recorded in the tracker.
    private func look(_ tracker: inout StabilityTracker, size: Int, modified: Date, now: Date) -> Bool {
        tracker.isStable(name: "a.txt", size: size, modified: modified, now: now)
    }

    @Test func fileUnchangedForTheSettleTimeIsStable() {
        var tracker = StabilityTracker(settle: 2)
        #expect(!look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(1)))
        #expect(tracker.hasPending)
        #expect(look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(3)))
    }

    @Test func fileSeenOnceIsNeverStableEvenIfOld() {
        var tracker = StabilityTracker(settle: 2)
        #expect(!look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(3_600)))
    }

    @Test func secondLookTooSoonIsNotStable() {
        var tracker = StabilityTracker(settle: 2)
        _ = look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(10))
        #expect(!look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(11)))
    }

    @Test(arguments: [(11, 0.0), (10, 1.0), (12, 0.5)])
    func fileThatChangedBetweenLooksIsNotStable(size: Int, mtimeShift: Double) {
        var tracker = StabilityTracker(settle: 2)
        _ = look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(1))
        #expect(!look(
            &tracker, size: size, modified: written.addingTimeInterval(mtimeShift), now: written.addingTimeInterval(5)))
        // The change restarts the wait: one settle time later, unchanged, it is taken.
        #expect(look(
            &tracker, size: size, modified: written.addingTimeInterval(mtimeShift), now: written.addingTimeInterval(8)))
    }

    @Test func recentlyModifiedFileIsNotStableEvenAcrossTwoLooks() {
        var tracker = StabilityTracker(settle: 2)
        let future = written.addingTimeInterval(100)  // mtime ahead of the looks (a share's clock skew)
        _ = look(&tracker, size: 10, modified: future, now: written)
        #expect(!look(&tracker, size: 10, modified: future, now: written.addingTimeInterval(5)))
    }

    @Test func zeroSettleTakesFilesAtFirstSight() {
        var tracker = StabilityTracker(settle: 0)
        #expect(look(&tracker, size: 10, modified: written, now: written))
        #expect(!tracker.hasPending)
    }

    @Test func forgottenFileStartsOver() {
        var tracker = StabilityTracker(settle: 2)
        _ = look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(3))
        tracker.keepOnly([])
        #expect(!tracker.hasPending)
        #expect(!look(&tracker, size: 10, modified: written, now: written.addingTimeInterval(10)))
    }

    @Test func spoolWaitsForAGrowingFile() throws {
        let workspace = try TestWorkspace()
        let spool = Spool(layout: workspace.layout)
        try spool.open()
        var tracker = StabilityTracker(settle: 2)
        let path = workspace.layout.path(.incoming, "copie.txt")
        try workspace.write("Titre: A\n", to: "queue/incoming/copie.txt")
        try FileSystem.setModificationTime(path, to: written)

        #expect(try spool.stableIncoming(tracker: &tracker, wallNow: written.addingTimeInterval(1)).isEmpty)
        try workspace.write("Titre: A\nCanaux: facebook\n---\nTexte.\n", to: "queue/incoming/copie.txt")
        try FileSystem.setModificationTime(path, to: written.addingTimeInterval(2))
        #expect(try spool.stableIncoming(tracker: &tracker, wallNow: written.addingTimeInterval(4)).isEmpty)
        #expect(try spool.stableIncoming(tracker: &tracker, wallNow: written.addingTimeInterval(7)) == ["copie.txt"])
    }
}
