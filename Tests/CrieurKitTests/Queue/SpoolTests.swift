import Foundation
import Testing
@testable import CrieurKit

/// The queue's folders as one worker sees them: claim, move, defer, recover.
@Suite struct SpoolTests {
    private let validItem = "Titre: Atelier\nCanaux: facebook\n---\nUn texte.\n"

    private func openedSpool(_ workspace: TestWorkspace, id: String = Spool.makeWorkerID()) throws -> Spool {
        let spool = Spool(layout: workspace.layout, workerID: id)
        try spool.open()
        return spool
    }

    @Test func claimMovesTheItemIntoTheWorkersFolder() throws {
        let workspace = try TestWorkspace()
        try workspace.write(validItem, to: "queue/incoming/a.txt")
        let spool = try openedSpool(workspace)

        let claimed = try #require(try spool.claim("a.txt", from: .incoming))

        #expect(claimed.path == "\(spool.activeDirectory)/a.txt")
        #expect(try FileSystem.info(claimed.path)?.kind == .regular)
        #expect(workspace.items(.incoming).isEmpty)
        #expect(try workspace.read("queue/active/\(spool.workerID)/a.txt") == validItem)
    }

    @Test func secondClaimOfTheSameNameFindsNothing() throws {
        let workspace = try TestWorkspace()
        try workspace.write(validItem, to: "queue/incoming/a.txt")
        let first = try openedSpool(workspace)
        let second = try openedSpool(workspace)

        #expect(try first.claim("a.txt", from: .incoming) != nil)
        #expect(try second.claim("a.txt", from: .incoming) == nil)
        #expect(try first.claim("a.txt", from: .incoming) == nil)
        #expect(workspace.items(.active) == ["a.txt"])
    }

    @Test(arguments: [
        (".cache.txt", false), ("x.tmp", false), ("x.PART", false), ("x.part", false), ("X.TMP", false),
        ("affiche.jpg", false), ("photo.JPEG", false), ("logo.png", false), ("anim.gif", false), ("image.webp", false),
        ("a.txt.rapport.txt", false), ("a.txt", true), ("annonce.json", true), ("sans-extension", true),
        ("partage.txt", true), ("tmp.txt", true),
    ])
    func onlyAnnouncementNamesAreItems(name: String, isItem: Bool) {
        #expect(QueueLayout.isItemName(name) == isItem)
    }

    @Test func ignoredNamesAndPicturesAreNeverOfferedForClaim() throws {
        let workspace = try TestWorkspace()
        for name in [".x", "x.tmp", "x.PART", "affiche.jpg", "photo.PNG", "a.txt"] {
            try workspace.write(validItem, to: "queue/incoming/\(name)")
        }
        let spool = try openedSpool(workspace)
        var tracker = StabilityTracker(settle: 0)

        let ready = try spool.stableIncoming(tracker: &tracker, wallNow: Date(timeIntervalSince1970: 2_000_000_000))

        #expect(ready == ["a.txt"])
    }

    @Test func deferredItemIsDueAtItsModificationTime() throws {
        let workspace = try TestWorkspace()
        try workspace.write(validItem, to: "queue/incoming/tard.txt")
        try workspace.write(validItem, to: "queue/incoming/tot.txt")
        let spool = try openedSpool(workspace)
        let early = Date(timeIntervalSince1970: 1_800_000_000)
        let late = early.addingTimeInterval(86_400)

        try spool.deferItem(try #require(try spool.claim("tard.txt", from: .incoming)), until: late)
        try spool.deferItem(try #require(try spool.claim("tot.txt", from: .incoming)), until: early)

        #expect(try FileSystem.info(workspace.layout.path(.deferred, "tard.txt"))?.modified == late)
        #expect(try spool.dueDeferred(now: early.addingTimeInterval(-1)).isEmpty)
        #expect(try spool.dueDeferred(now: early) == ["tot.txt"])
        #expect(try spool.dueDeferred(now: late.addingTimeInterval(1)) == ["tot.txt", "tard.txt"])
        let next = try #require(try spool.nextDeferred())
        #expect(next.name == "tot.txt")
        #expect(next.due == early)
    }

    @Test func nextDeferredIsNilWhenNothingWaits() throws {
        let workspace = try TestWorkspace()
        let spool = try openedSpool(workspace)
        #expect(try spool.nextDeferred() == nil)
    }

    @Test func claimedDeferredItemLeavesDeferred() throws {
        let workspace = try TestWorkspace()
        try workspace.write(validItem, to: "queue/deferred/a.txt")
        let spool = try openedSpool(workspace)

        let claimed = try #require(try spool.claim("a.txt", from: .deferred))
        try spool.move(claimed, to: .done)

        #expect(workspace.items(.deferred).isEmpty)
        #expect(workspace.items(.done) == ["a.txt"])
    }

    @Test func nameTakenInDoneGetsASuffixAndNothingIsOverwritten() throws {
        let workspace = try TestWorkspace()
        try workspace.write("ancienne", to: "queue/done/a.txt")
        try workspace.write("ancienne 2", to: "queue/done/a-2.txt")
        try workspace.write(validItem, to: "queue/incoming/a.txt")
        let spool = try openedSpool(workspace)

        let final = try spool.move(try #require(try spool.claim("a.txt", from: .incoming)), to: .done)

        #expect(final == "a-3.txt")
        #expect(try workspace.read("queue/done/a.txt") == "ancienne")
        #expect(try workspace.read("queue/done/a-2.txt") == "ancienne 2")
        #expect(try workspace.read("queue/done/a-3.txt") == validItem)
        #expect(workspace.items(.active).isEmpty)
    }

    @Test func candidateNamesKeepTheExtension() {
        #expect(QueueLayout.candidateName("a.txt", attempt: 1) == "a.txt")
        #expect(QueueLayout.candidateName("a.txt", attempt: 2) == "a-2.txt")
        #expect(QueueLayout.candidateName("a.b.json", attempt: 3) == "a.b-3.json")
        #expect(QueueLayout.candidateName("sans", attempt: 2) == "sans-2")
    }

    @Test func itemsOfADeadWorkerAreTakenBack() throws {
        let workspace = try TestWorkspace()
        // A worker that died: its folder and lock file remain, nobody holds the lock.
        try workspace.write("", to: "queue/active/wDEAD/.lock")
        try workspace.write(validItem, to: "queue/active/wDEAD/orpheline.txt")
        try workspace.write("demi-fichier", to: "queue/active/wDEAD/.orpheline.txt.123.tmp")
        try workspace.write(validItem, to: "queue/incoming/orpheline.txt")  // same name already waiting
        let spool = try openedSpool(workspace)

        let recovered = try spool.recoverAbandoned(wallNow: SystemClock().now())

        #expect(recovered == ["orpheline-2.txt"])
        #expect(workspace.items(.incoming) == ["orpheline-2.txt", "orpheline.txt"])
        #expect(try FileSystem.info(workspace.path("queue/active/wDEAD")) == nil)
        #expect(workspace.names("queue/active") == [spool.workerID])
    }

    @Test func itemsOfALiveWorkerAreLeftAlone() throws {
        let workspace = try TestWorkspace()
        try workspace.write(validItem, to: "queue/incoming/a.txt")
        let alive = try openedSpool(workspace, id: "wALIVE")
        _ = try #require(try alive.claim("a.txt", from: .incoming))
        let other = try openedSpool(workspace)

        #expect(try other.recoverAbandoned(wallNow: SystemClock().now()).isEmpty)
        #expect(try workspace.read("queue/active/wALIVE/a.txt") == validItem)
        #expect(workspace.items(.incoming).isEmpty)
    }

    /// A worker is inside `open()` for an instant, its staging folder not yet
    /// locked: a fresh one is never touched, one left for over a minute is swept.
    @Test func onlyStaleStagingFoldersAreSwept() throws {
        let workspace = try TestWorkspace()
        try workspace.write("", to: "queue/active/.new-wOPENING/.lock")
        try workspace.write("", to: "queue/active/.new-wKILLED/.lock")
        let now = SystemClock().now()
        try FileSystem.setModificationTime(workspace.path("queue/active/.new-wKILLED"), to: now.addingTimeInterval(-120))
        let spool = try openedSpool(workspace)

        #expect(try spool.recoverAbandoned(wallNow: now).isEmpty)

        #expect(try FileSystem.info(workspace.path("queue/active/.new-wOPENING")) != nil)
        #expect(try FileSystem.info(workspace.path("queue/active/.new-wKILLED")) == nil)
    }

    @Test func cleanCloseRemovesTheEmptyClaimFolderButNotAFullOne() throws {
        let workspace = try TestWorkspace()
        let idle = try openedSpool(workspace)
        try idle.close()
        #expect(try FileSystem.info(idle.activeDirectory) == nil)

        try workspace.write(validItem, to: "queue/incoming/a.txt")
        let busy = try openedSpool(workspace)
        _ = try #require(try busy.claim("a.txt", from: .incoming))
        try busy.close()
        #expect(try FileSystem.info("\(busy.activeDirectory)/a.txt")?.kind == .regular)
    }

    @Test func pictureTravelsWithItsItem() throws {
        let workspace = try TestWorkspace()
        let picture = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3])
        try workspace.write(validItem, to: "queue/done/a.txt")  // forces a new name in done/
        try workspace.write(validItem, to: "queue/incoming/a.txt")
        try workspace.write(picture, to: "queue/incoming/affiche.jpg")
        let spool = try openedSpool(workspace)
        var claimed = try #require(try spool.claim("a.txt", from: .incoming))

        #expect(try spool.claimAttachment("affiche.jpg", for: &claimed))
        #expect(claimed.attachments == ["a.txt--affiche.jpg"])
        #expect(try FileSystem.info("\(spool.activeDirectory)/a.txt--affiche.jpg")?.kind == .regular)
        #expect(workspace.names("queue/incoming").isEmpty)

        let final = try spool.move(claimed, to: .done)

        #expect(final == "a-2.txt")
        let moved = try Data(contentsOf: URL(fileURLWithPath: workspace.path("queue/done/a-2.txt--affiche.jpg")))
        #expect(moved == picture)
        #expect(workspace.names("queue/active/\(spool.workerID)").isEmpty)
    }

    @Test func missingPictureIsNotClaimed() throws {
        let workspace = try TestWorkspace()
        try workspace.write(validItem, to: "queue/incoming/a.txt")
        let spool = try openedSpool(workspace)
        var claimed = try #require(try spool.claim("a.txt", from: .incoming))

        #expect(try spool.claimAttachment("absente.jpg", for: &claimed) == false)
        #expect(claimed.attachments.isEmpty)
    }
}
