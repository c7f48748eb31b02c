import Foundation
import Testing
@testable import CrieurKit

private typealias W = WorkerTestSupport

/// What a Windows share puts in `incoming/` by itself is none of Crieur's business,
/// and old refusals are put away, never deleted.
@Suite struct ShareFilesAndOldRefusalsTests {
    private let now = "2026-11-20T12:00"
    private static let shareFiles = [
        "Thumbs.db", "desktop.ini", ".DS_Store", "~$annonce.docx", ".~lock.annonce.odt#", "copie.tmp", "envoi.part",
    ]

    @Test func aSharesOwnFilesAndFoldersAreNeitherReadNorRefusedNorCounted() throws {
        let workspace = try TestWorkspace()
        for name in Self.shareFiles { try workspace.write("pas une annonce", to: "queue/incoming/\(name)") }
        try workspace.write(W.validItem(title: "Rangée dans un dossier"), to: "queue/incoming/Nouveau dossier/annonce.txt")
        try workspace.write(W.validItem(), to: "queue/incoming/atelier.txt")

        let events = try W.runOnce(workspace, at: now)

        #expect(events.count == 1, "only the real item: \(events)")
        #expect(W.states(of: "atelier.txt", in: workspace) == [.done])
        let left = Set(try FileSystem.names(in: workspace.layout.directory(.incoming)))
        #expect(left == Set(Self.shareFiles + ["Nouveau dossier"]))
        #expect(try FileSystem.names(in: workspace.layout.directory(.rejected)).isEmpty)
        let status = try QueueStatus.read(workspace.layout, calendar: W.brussels)
        #expect(status.counts["incoming"] == 0)
        #expect(status.counts["rejected"] == 0)
    }

    @Test(arguments: ["Thumbs.db", "THUMBS.DB", "desktop.ini", "~$lettre.docx", ".~lock.x.odt#", "a.TMP", "b.part", ".DS_Store"])
    func shareFileNamesAreIgnored(name: String) {
        #expect(QueueLayout.isIgnored(name))
        #expect(!QueueLayout.isItemName(name))
    }

    @Test(arguments: ["thumbs.txt", "desktop.txt", "a~$b.txt", "annonce.txt"])
    func namesThatMerelyLookAlikeAreItems(name: String) {
        #expect(QueueLayout.isItemName(name))
    }

    /// A refusal written `daysAgo` days before `now`, with its report and its picture.
    private func refusal(_ name: String, daysAgo: Double, in workspace: TestWorkspace) throws {
        try workspace.write("Titre: x\n", to: "queue/rejected/\(name)")
        try workspace.write("Annonce refusée : \(name)\n", to: "queue/rejected/\(name)\(QueueLayout.reportSuffix)")
        try workspace.write("jpg", to: "queue/rejected/\(name)--photo.jpg")
        let written = W.date(now).addingTimeInterval(-daysAgo * 86_400)
        for file in [name, name + QueueLayout.reportSuffix, "\(name)--photo.jpg"] {
            try FileSystem.setModificationTime(workspace.layout.path(.rejected, file), to: written)
        }
    }

    @Test func refusalsOlderThanTheConfiguredDaysMoveToAncienWithTheirReportAndPicture() throws {
        let workspace = try TestWorkspace(extraConfig: "")
        try refusal("vieille.txt", daysAgo: 31, in: workspace)
        try refusal("recente.txt", daysAgo: 29, in: workspace)
        // A name already taken in ancien/ is kept, and the newcomer renamed with its report.
        try workspace.write("déjà rangée", to: "queue/rejected/ancien/vieille.txt")

        try W.runOnce(workspace, at: now)

        let rejected = Set(try FileSystem.names(in: workspace.layout.directory(.rejected)))
        #expect(rejected == ["ancien", "recente.txt", "recente.txt.rapport.txt", "recente.txt--photo.jpg"])
        let ancien = Set(try FileSystem.names(in: workspace.layout.path(.rejected, "ancien")))
        #expect(ancien == ["vieille.txt", "vieille-2.txt", "vieille-2.txt.rapport.txt", "vieille-2.txt--photo.jpg"])
        #expect(try workspace.read("queue/rejected/ancien/vieille-2.txt") == "Titre: x\n")
        #expect(try workspace.read("queue/rejected/ancien/vieille.txt") == "déjà rangée")
        // ancien/ is neither an item to report again nor one to count.
        let status = try QueueStatus.read(workspace.layout, calendar: W.brussels)
        #expect(status.counts["rejected"] == 1)
        #expect(status.recentRefusals.map(\.item) == ["recente.txt"])
    }

    @Test func theArchiveDelayComesFromTheConfiguration() throws {
        let workspace = try TestWorkspace(extraConfig: "")
        try workspace.write("{ queue: { settleSeconds: 0, rejectedArchiveDays: 7 } }", to: "config/crieur.json5")
        try refusal("huit.txt", daysAgo: 8, in: workspace)
        try refusal("six.txt", daysAgo: 6, in: workspace)

        try W.runOnce(workspace, at: now)

        #expect(try FileSystem.info(workspace.path("queue/rejected/ancien/huit.txt.rapport.txt")) != nil)
        #expect(try FileSystem.info(workspace.path("queue/rejected/six.txt.rapport.txt")) != nil)
        #expect(try workspace.config().queue.rejectedArchiveDays == 7)
    }

    @Test func aReportLeftAloneByACrashIsMovedOnItsOwn() throws {
        let workspace = try TestWorkspace()
        try refusal("seule.txt", daysAgo: 40, in: workspace)
        // The item went first; the worker stopped before moving the report.
        try FileSystem.makeDirectory(workspace.path("queue/rejected/ancien"))
        #expect(rename(workspace.path("queue/rejected/seule.txt"), workspace.path("queue/rejected/ancien/seule.txt")) == 0)

        try W.runOnce(workspace, at: now)

        #expect(try FileSystem.info(workspace.path("queue/rejected/ancien/seule.txt.rapport.txt")) != nil)
        #expect(try FileSystem.info(workspace.path("queue/rejected/seule.txt.rapport.txt")) == nil)
    }
}
