import Foundation
import Testing
@testable import CrieurKit

private typealias W = WorkerTestSupport

/// Announcements over time, through the real worker at fixed times: corrected
/// in place, withdrawn, never duplicated, repeated, and published on the
/// channels that accept them.
@Suite struct ItemLifecycleTests {
    static func colis(_ day: String, extraHeader: String = "", channels: String = "ecran, facebook, newsletter") -> String {
        """
        Titre: Colis de Noël
        Canaux: \(channels)
        Publication: 01/12/2026
        Fin: 20/12/2026
        \(extraHeader)---
        Le CPAS donne des colis de Noël le \(day) décembre, de 13 h à 16 h.

        """
    }

    private func screen(_ workspace: TestWorkspace) throws -> String { try workspace.read("out/slides/index.html") }

    @Test func correctedFileReplacesTheItemEverywhereAndKeepsTheOldVersionInTheArchive() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        try workspace.write(Self.colis("vendredi 18"), to: "queue/incoming/colis.txt")
        let log = LogCollector()
        try W.runOnce(workspace, at: "2026-12-02T10:00", log: log)

        let page = try screen(workspace)
        #expect(page.contains("vendredi 18\u{a0}décembre"))
        #expect(!page.contains("jeudi 17\u{a0}décembre"), "the screen shows one version only")
        let posts = W.facebookPosts(workspace)
        #expect(posts.count == 1, "\(posts.keys)")
        let post = try #require(posts.values.first)
        #expect(post.contains("vendredi 18") && !post.contains("jeudi 17"))
        #expect(post.contains(FacebookPostFile.correctedMark), "staff must edit the post already on Facebook")
        #expect(try workspace.read("out/facebook/index.html").contains("class=\"alerte\""))

        let current = try workspace.workspace.archive.load().items
        #expect(current.count == 1 && current[0].versionNumber == 2 && current[0].identity == "colis")
        #expect(try workspace.workspace.archive.loadHistory().items.count == 2, "the earlier version is kept")
        let journal = try PublicationJournal(path: workspace.workspace.journalPath).load().entries
        #expect(journal.filter { $0.event == .published }.map(\.version) == [1, 2])
        #expect(log.lines.contains { $0.contains("nouvelle version") })
    }

    @Test func fileWithAnotherNameAndTheSameIdCorrectsTheItem() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        try workspace.write(Self.colis("vendredi 18", extraHeader: "Id: Colis\n"), to: "queue/incoming/colis corrigé.txt")
        try W.runOnce(workspace, at: "2026-12-02T10:00")

        let current = try workspace.workspace.archive.load().items
        #expect(current.map(\.identity) == ["colis"])
        #expect(current.first?.versionNumber == 2)
        #expect(!(try screen(workspace)).contains("jeudi 17"))
    }

    @Test func statutAnnuleWithdrawsTheItemFromTheScreenAndAsksToTakeThePostDown() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(try screen(workspace).contains("Colis de Noël"))

        try workspace.write(Self.colis("jeudi 17", extraHeader: "Statut: annulé\nRaison: livraison retardée\n"), to: "queue/incoming/colis.txt")
        let events = try W.runOnce(workspace, at: "2026-12-02T10:00")

        #expect(events.contains(.withdrawn(item: "colis-2.txt", identity: "colis")) || events.contains { if case .withdrawn(_, "colis") = $0 { true } else { false } })
        #expect(!(try screen(workspace)).contains("Colis de Noël"))
        let post = try #require(W.facebookPosts(workspace).values.first)
        #expect(post.contains(FacebookPostFile.withdrawnMark))
        #expect(post.contains("livraison retardée"))
        let latest = try #require(try workspace.workspace.archive.load().items.first)
        #expect(latest.isWithdrawn && latest.withdrawal?.reason == "livraison retardée")
    }

    @Test func withdrawingAnItemNobodyPublishedIsRefusedWithAReport() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17", extraHeader: "Statut: annulé\n"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(W.states(of: "colis.txt", in: workspace) == [.rejected])
        #expect(try W.report("colis.txt", in: workspace).contains("aucune annonce publiée n'a l'identifiant « colis »"))
    }

    @Test func workerWithdrawByIdentityRecordsWhoAndRebuildsThePages() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        let worker = try W.worker(workspace, at: W.date("2026-12-03T10:00"))
        _ = try worker.start()
        defer { try? worker.stop() }

        #expect(throws: ItemRejection.self) { try worker.withdraw(identity: "colis-de-noel", reason: nil, user: "agent", now: W.date("2026-12-03T10:00")) }
        _ = try worker.withdraw(identity: "Colis", reason: "maladie", user: "agent", now: W.date("2026-12-03T10:00"))

        #expect(!(try screen(workspace)).contains("Colis de Noël"))
        let journal = try PublicationJournal(path: workspace.workspace.journalPath).load().entries
        let withdrawal = try #require(journal.last)
        #expect(withdrawal.event == .withdrawn && withdrawal.user == "agent" && withdrawal.identity == "colis")
    }

    @Test func theSameNoticeSavedInFourWaysIsPublishedOnce() throws {
        let workspace = try TestWorkspace()
        let text = Self.colis("jeudi 17").replacingOccurrences(of: "Noël", with: "Noël")
        let typographic = text.replacingOccurrences(of: "Le CPAS", with: "Le  CPAS").replacingOccurrences(of: "\n", with: "\r\n")
        try workspace.write(Data(text.utf8), to: "queue/incoming/a-colis.txt")
        try workspace.write(Data([0xEF, 0xBB, 0xBF]) + Data(typographic.utf8), to: "queue/incoming/b-colis-bom.txt")
        try workspace.write(Data([0xFF, 0xFE]) + text.data(using: .utf16LittleEndian)!, to: "queue/incoming/c-colis-utf16.txt")
        try workspace.write(text.data(using: .windowsCP1252)!, to: "queue/incoming/d-colis (copie).txt")

        try W.runOnce(workspace, at: "2026-12-01T10:00")

        #expect(W.states(of: "a-colis.txt", in: workspace) == [.done])
        for copy in ["b-colis-bom.txt", "c-colis-utf16.txt", "d-colis (copie).txt"] {
            #expect(W.states(of: copy, in: workspace) == [.rejected], "\(copy)")
            let report = try W.report(copy, in: workspace)
            #expect(report.contains("même titre et le même texte que « a-colis.txt »"), "\(copy): \(report)")
            #expect(report.contains("Id:"))
        }
        #expect(try workspace.workspace.archive.load().items.count == 1)
        #expect(W.facebookPosts(workspace).count == 1)
    }

    @Test func theSameFileDroppedAgainChangesNothing() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        let before = W.outputs(workspace)
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        let events = try W.runOnce(workspace, at: "2026-12-01T11:00")

        #expect(events == [.unchanged(item: "colis-2.txt", identity: "colis")])
        #expect(try workspace.workspace.archive.loadHistory().items.count == 1)
        #expect(W.outputs(workspace).keys.sorted() == before.keys.sorted())
    }

    @Test func aChannelThatRefusesNoLongerHoldsBackTheOthers() throws {
        let workspace = try TestWorkspace()
        let long = Array(repeating: "Le CPAS est fermé ce jour-là pour une formation du personnel.", count: 8).joined(separator: " ")
        try workspace.write(
            "Titre: Fermeture du CPAS\nCanaux: facebook, ecran, newsletter\nPublication: 01/12/2026\nFin: 10/12/2026\n---\n\(long)\n",
            to: "queue/incoming/fermeture.txt")

        let events = try W.runOnce(workspace, at: "2026-12-01T10:00")

        #expect(W.states(of: "fermeture.txt", in: workspace) == [.done])
        #expect(events.contains(.leftOut(item: "fermeture.txt", channels: [.ecran], report: "fermeture.txt.rapport.txt")))
        #expect(W.facebookPosts(workspace).count == 1)
        #expect(!(try screen(workspace)).contains("Fermeture du CPAS"))
        let record = try #require(try workspace.workspace.archive.load().items.first)
        #expect(record.channels == [.facebook, .newsletter])
        let report = try workspace.read("queue/done/fermeture.txt.rapport.txt")
        #expect(report.contains("sauf sur : écran de la salle d'attente"))
        #expect(report.contains("Texte écran"), "the report says how to keep the screen: a short text of its own")
    }

    @Test func aShortScreenTextPublishesTheLongItemOnTheScreenToo() throws {
        let workspace = try TestWorkspace()
        let long = Array(repeating: "Le CPAS est fermé ce jour-là pour une formation du personnel.", count: 8).joined(separator: " ")
        try workspace.write(
            "Titre: Fermeture du CPAS\nCanaux: facebook, ecran\nTexte écran: Le CPAS est fermé le 7 décembre.\n"
                + "Publication: 01/12/2026\nFin: 10/12/2026\n---\n\(long)\n",
            to: "queue/incoming/fermeture.txt")

        let events = try W.runOnce(workspace, at: "2026-12-01T10:00")

        #expect(!events.contains { if case .leftOut = $0 { true } else { false } })
        let page = try screen(workspace)
        #expect(page.contains("Le CPAS est fermé le 7\u{a0}décembre."))
        #expect(!page.contains("formation du personnel"))
        #expect(W.facebookPosts(workspace).values.first?.contains("formation du personnel") == true)
    }

    @Test func anEndAlreadyPastIsRefusedOnArrivalAndAnItemThatExpiresWhileWaitingGetsAReport() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-12-21T10:00")
        #expect(W.states(of: "colis.txt", in: workspace) == [.rejected])

        try workspace.write(W.validItem(extraHeader: "Publication: 10/12/2026\nFin: 12/12/2026\n"), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(W.states(of: "atelier.txt", in: workspace) == [.deferred])
        // The worker was stopped until after its end: it was valid, it simply came too late.
        let events = try W.runOnce(workspace, at: "2026-12-13T10:00")
        #expect(events == [.expired(item: "atelier.txt")])
        #expect(try workspace.read("queue/done/atelier.txt.rapport.txt").contains("n'a été publiée nulle part"))
        let journal = try PublicationJournal(path: workspace.workspace.journalPath).load().entries
        #expect(!journal.contains { $0.item == "atelier.txt" && $0.event == .published })
    }

    @Test func aCorrectionOfAnItemStillWaitingSetsTheOldVersionAside() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.colis("jeudi 17"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-11-20T10:00")
        #expect(W.states(of: "colis.txt", in: workspace) == [.deferred])
        try workspace.write(Self.colis("vendredi 18"), to: "queue/incoming/colis.txt")
        try W.runOnce(workspace, at: "2026-11-21T10:00")
        #expect(workspace.items(.deferred).count == 1)

        try W.runOnce(workspace, at: "2026-12-01T10:00")
        let history = try workspace.workspace.archive.loadHistory().items
        #expect(history.count == 1, "only the newest version is ever published")
        #expect(try screen(workspace).contains("vendredi 18"))
    }

    @Test func aYearlyReminderComesBackEachAutumnAndNotInBetween() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            Titre: Allocation de chauffage
            Canaux: ecran, facebook
            Publication: 01/10/2026
            Fin: 30/11/2026
            Répéter: chaque année
            ---
            Le CPAS aide à payer le mazout. Demandez l'allocation de chauffage.

            """, to: "queue/incoming/chauffage.txt")

        try W.runOnce(workspace, at: "2026-10-02T10:00")
        #expect(try screen(workspace).contains("Allocation de chauffage"))
        #expect(workspace.items(.deferred) == ["chauffage.txt"], "the next occurrence waits")

        try W.runOnce(workspace, at: "2027-03-01T10:00")
        #expect(!(try screen(workspace)).contains("Allocation de chauffage"))

        let events = try W.runOnce(workspace, at: "2027-10-02T10:00")
        #expect(events.contains { if case .published = $0 { true } else { false } })
        #expect(try screen(workspace).contains("Allocation de chauffage"))
        let latest = try #require(try workspace.workspace.archive.load().items.first)
        #expect(latest.occurrenceNumber == 2 && latest.versionNumber == 1, "a new occurrence, not a correction")
        #expect(latest.published.date == CivilDate(year: 2027, month: 10, day: 1))
        #expect(W.facebookPosts(workspace).count == 1, "the year's post replaces last year's")
        #expect(!(W.facebookPosts(workspace).values.first ?? "").contains(FacebookPostFile.correctedMark))
    }

    @Test func aCorrectedReminderComesBackCorrectedAndOnlyOnce() throws {
        let workspace = try TestWorkspace()
        let reminder = "Titre: Allocation de chauffage\nCanaux: ecran\nPublication: 01/10/2026\nFin: 30/11/2026\n"
            + "Répéter: chaque année\n---\nLe CPAS aide à payer le mazout.\n"
        try workspace.write(reminder, to: "queue/incoming/chauffage.txt")
        try W.runOnce(workspace, at: "2026-10-02T10:00")
        try workspace.write(reminder.replacingOccurrences(of: "le mazout", with: "le mazout et le gaz"), to: "queue/incoming/chauffage.txt")
        try W.runOnce(workspace, at: "2026-10-03T10:00")

        #expect(workspace.items(.deferred) == ["chauffage.txt"], "one next occurrence, the corrected one")
        #expect(try workspace.read("queue/deferred/chauffage.txt").contains("le mazout et le gaz"))
        try W.runOnce(workspace, at: "2027-10-02T10:00")
        #expect(try screen(workspace).contains("le mazout et le gaz"))
    }

    @Test func aRepetitionStopsAtItsLastDay() throws {
        let workspace = try TestWorkspace()
        try workspace.write(
            W.validItem(extraHeader: "Publication: 03/12/2026\nFin: 03/12/2026\nRépéter: chaque semaine\nJusqu'au: 10/12/2026\n"),
            to: "queue/incoming/permanence.txt")
        try W.runOnce(workspace, at: "2026-12-03T10:00")
        try W.runOnce(workspace, at: "2026-12-10T10:00")
        #expect(workspace.items(.deferred).isEmpty, "no occurrence after « Jusqu'au »")
        #expect(try workspace.workspace.archive.loadHistory().items.map(\.occurrenceNumber) == [1, 2])
    }
}
