import Foundation
import Testing
@testable import CrieurKit

/// The `flyer` channel and the calendar folder in the real worker
/// (`WorkerFactory`): an item for « affiche » becomes its poster and flyer
/// (HTML, flat ODF and, with LibreOffice, PDF) and its `.ics`; one that
/// overflows a page is refused with the lines to remove; a withdrawn one loses
/// its sheets and its calendar entry reads CANCELLED in Python's `icalendar`.
@Suite(.serialized) struct FlyerWorkerTests {
    typealias W = WorkerTestSupport

    static let organisation = #"organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be" },"#
    static let calendarConfig = organisation + #" calendar: { publicURL: "https://www.cpas-exemple.be/agenda/" },"#

    static func atelier(channels: String = "affiche", extraHeader: String = "", body: String = FlyerTestItems.sampleBody) -> String {
        """
        Titre: Atelier cuisine à petit prix
        Canaux: \(channels)
        Publication: 01/12/2026
        Quand: 12/12/2026 de 9 h 30 à 12 h
        Lieu: Maison de quartier, rue Haute 12
        Lien: https://www.cpas-exemple.be/atelier-cuisine
        \(extraHeader)---
        \(body)

        """
    }

    /// LibreOffice makes the PDFs where it is installed; CI installs it, so there it must have.
    static var expectsPDF: Bool {
        LibreOfficePDF.isInstalled || ProcessInfo.processInfo.environment["CI"] == "true"
    }

    /// The files of `folder`, without hidden ones and without the flyer folder's `index.html`.
    static func names(_ workspace: TestWorkspace, _ folder: String) -> [String] {
        workspace.names(folder).filter { !$0.hasPrefix(".") && $0 != FlyerIndexHTML.fileName }.sorted()
    }

    /// The next newsletter issue as `crieur newsletter` previews it: HTML, then text.
    static func newsletterPreview(_ workspace: TestWorkspace) throws -> (html: String, text: String) {
        _ = try NewsletterPreview.write(workspace: workspace.workspace, config: workspace.config(),
                                        clock: FixedClock(W.date("2026-12-01T11:00")))
        return (try workspace.read(NewsletterPreview.htmlPath), try workspace.read(NewsletterPreview.textPath))
    }

    @Test func posterItemPublishesItsFourFilesTheirPDFsAndItsCalendarEntry() throws {
        let workspace = try TestWorkspace(extraConfig: Self.calendarConfig)
        try workspace.write(Self.atelier(channels: "affiche, newsletter"), to: "queue/incoming/atelier.txt")
        let events = try W.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(W.states(of: "atelier.txt", in: workspace) == [.done])
        let base = "2026-12-01-atelier-cuisine-a-petit-prix"
        var expected = ["affiche-a4.fodt", "affiche-a4.html", "flyer-a5.fodt", "flyer-a5.html"].map { "\(base)-\($0)" }
        if Self.expectsPDF { expected += ["\(base)-affiche-a4.pdf", "\(base)-flyer-a5.pdf"] }
        #expect(Self.names(workspace, "out/flyer") == expected.sorted())
        guard case .published(_, let outputs, _, _)? = events.first(where: { if case .published = $0 { true } else { false } }) else {
            Issue.record("no publication in \(events)")
            return
        }
        #expect(outputs[FlyerChannel.channel]?.count == 4, "the archive records the four rendered files")

        // The sheets show « Ajouter à mon agenda » with the event's .ics on the website.
        let poster = try workspace.read("out/flyer/\(base)-affiche-a4.html")
        #expect(poster.contains("Ajouter à mon agenda"))
        #expect(poster.contains("https://www.cpas-exemple.be/agenda/atelier.ics"))
        if Self.expectsPDF {
            let pdf = try #require(try workspace.workspace.output(FlyerChannel.channel).read("\(base)-flyer-a5.pdf"))
            #expect(pdf.starts(with: Data("%PDF".utf8)))
        }

        // The calendar folder: the item's .ics and the feed, both read by icalendar.
        #expect(Self.names(workspace, "out/calendar") == ["agenda.ics", "atelier.ics"])
        let event = try #require(try ICalendarTests.parsed(workspace.read("out/calendar/atelier.ics")).first)
        #expect(event["SUMMARY"] == "Atelier cuisine à petit prix")
        #expect(event["DTSTART"] == "2026-12-12T09:30:00+01:00 Europe/Brussels")
        #expect(event["STATUS"] == "CONFIRMED")
        #expect(try ICalendarTests.parsed(workspace.read("out/calendar/agenda.ics")).map { $0["UID"] } == [event["UID"]])

        // The feed's entry and the newsletter link the .ics too.
        #expect(try workspace.read("out/feed/atom.xml").contains("Ajouter à mon agenda"))
        let preview = try Self.newsletterPreview(workspace)
        #expect(preview.html.contains(#"<a class="bouton" href="https://www.cpas-exemple.be/agenda/atelier.ics">Ajouter à mon agenda</a>"#), "\(preview.html)")
        #expect(preview.text.contains("Ajouter à mon agenda : https://www.cpas-exemple.be/agenda/atelier.ics"), "\(preview.text)")
    }

    @Test func withoutAPublicCalendarAddressNothingSaysAjouterAMonAgenda() throws {
        // (the preview is under out/, so the loop below reads it too)
        let workspace = try TestWorkspace(extraConfig: Self.organisation)
        try workspace.write(Self.atelier(channels: "affiche, newsletter"), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        _ = try Self.newsletterPreview(workspace)
        let pages = W.outputs(workspace).filter { path, _ in [".html", ".xml", ".fodt", ".txt"].contains { path.hasSuffix($0) } }
        #expect(pages.keys.contains(NewsletterPreview.textPath))
        for (path, data) in pages {
            let text = String(decoding: data, as: UTF8.self)
            #expect(!text.contains("Ajouter à mon agenda") && !text.contains(".ics"), "\(path)")
        }
        #expect(Self.names(workspace, "out/calendar") == ["agenda.ics", "atelier.ics"], "the files are written all the same")
    }

    @Test func indexPageListsEachItemsSheetsWithTheirLinksNewestFirst() throws {
        let workspace = try TestWorkspace(extraConfig: Self.calendarConfig)
        try workspace.write(Self.atelier(), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        try workspace.write(Self.atelier(extraHeader: "").replacingOccurrences(of: "Atelier cuisine à petit prix", with: "Café <papote> & jeux"),
                            to: "queue/incoming/cafe.txt")
        try W.runOnce(workspace, at: "2026-12-02T10:00")

        let index = try workspace.read("out/flyer/index.html")
        let cafe = try #require(index.range(of: "Café &lt;papote&gt; &amp; jeux"), "titles are escaped: \(index)")
        let atelier = try #require(index.range(of: "Atelier cuisine à petit prix"))
        #expect(cafe.lowerBound < atelier.lowerBound, "the newest first")
        #expect(index.contains("<p>Quand : Le samedi 12 décembre de 9 h 30 à 12 h</p>"), "as the sheet says it: \(index)")
        let base = "2026-12-01-atelier-cuisine-a-petit-prix"
        for name in ["\(base)-affiche-a4.html", "\(base)-affiche-a4.fodt", "\(base)-flyer-a5.html", "\(base)-flyer-a5.fodt"] {
            #expect(index.contains("href=\"\(name)\""), "\(name)")
        }
        #expect(index.contains("href=\"\(base)-affiche-a4.pdf\"") == Self.expectsPDF)
    }

    @Test func overflowingItemIsRefusedWithTheLinesToRemoveAndPublishedNowhere() throws {
        let workspace = try TestWorkspace(extraConfig: Self.calendarConfig)
        try workspace.write(Self.atelier(body: FlyerTestItems.body(paragraphs: 30)), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(W.states(of: "atelier.txt", in: workspace) == [.rejected])
        let report = try W.report("atelier.txt", in: workspace)
        #expect(report.contains("Le texte ne tient pas sur une page (affiche A4) : il dépasse d'environ"), "\(report)")
        #expect(report.contains("Le texte ne tient pas sur une page (flyer A5)"), "\(report)")
        #expect(report.contains("Retirez environ"), "\(report)")
        #expect(Self.names(workspace, "out/flyer").isEmpty)
        #expect(try workspace.workspace.archive.load().items.isEmpty)
        #expect(!Self.names(workspace, "out/calendar").contains("atelier.ics"))
    }

    @Test func overflowingSheetLeavesOnlyTheFlyerOutWhenOtherChannelsTakeTheItem() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.atelier(channels: "affiche, facebook", body: FlyerTestItems.body(paragraphs: 30)),
                            to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(W.states(of: "atelier.txt", in: workspace) == [.done])
        #expect(Self.names(workspace, "out/flyer").isEmpty)
        #expect(W.facebookPosts(workspace).count == 1)
        let report = try workspace.read("queue/done/atelier.txt\(QueueLayout.reportSuffix)")
        #expect(report.contains("sauf sur : affiche et flyer à imprimer"), "\(report)")
        #expect(report.contains("il dépasse d'environ"), "\(report)")
    }

    @Test func withdrawnItemLosesItsSheetsAndItsCalendarEntryIsCancelled() throws {
        let workspace = try TestWorkspace(extraConfig: Self.calendarConfig)
        try workspace.write(Self.atelier(), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(!Self.names(workspace, "out/flyer").isEmpty)

        try workspace.write(Self.atelier(extraHeader: "Statut: annulé\nRaison: la salle est en travaux\n"), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-03T10:00")
        #expect(Self.names(workspace, "out/flyer").isEmpty, "no sheet left to print for a cancelled event")
        #expect(!(try workspace.read("out/flyer/index.html")).contains("Atelier cuisine"), "the index no longer offers it")
        let event = try #require(try ICalendarTests.parsed(workspace.read("out/calendar/atelier.ics")).first)
        #expect(event["STATUS"] == "CANCELLED")
        let feed = try ICalendarTests.parsed(workspace.read("out/calendar/agenda.ics"))
        #expect(feed.map { $0["STATUS"] } == ["CANCELLED"])
        #expect(!(try workspace.read("out/feed/atom.xml")).contains("Ajouter à mon agenda"), "nothing to add for a cancelled event")
    }

    @Test func repeatingItemIsOneSeriesAndEventsOverLeaveTheCalendarFolder() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            Titre: Permanence énergie
            Canaux: affiche
            Publication: 01/12/2026
            Fin: 10/12/2026
            Quand: 07/12/2026 de 9 h à 12 h
            Répéter: chaque mois
            Jusqu'au: 31/03/2027
            ---
            Le CPAS vous aide à lire vos factures de gaz et d'électricité.

            """, to: "queue/incoming/energie.txt")
        try workspace.write(Self.atelier(), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        let series = try #require(try ICalendarTests.parsed(workspace.read("out/calendar/energie.ics")).first)
        let rule = try #require(series["RRULE"])
        #expect(rule.contains("FREQ=MONTHLY") && rule.contains("UNTIL=20270307"), "\(rule)")
        #expect(Self.names(workspace, "out/calendar") == ["agenda.ics", "atelier.ics", "energie.ics"])

        // After the 12th the workshop is over: its .ics goes, the series stays.
        try W.runOnce(workspace, at: "2026-12-13T10:00")
        #expect(Self.names(workspace, "out/calendar") == ["agenda.ics", "energie.ics"])
        #expect(try ICalendarTests.parsed(workspace.read("out/calendar/agenda.ics")).count == 1)
    }

    @Test func correctedItemReplacesItsSheetsAndTheirPDFs() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.atelier(), to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-01T10:00")
        let before = Self.names(workspace, "out/flyer")
        try workspace.write(Self.atelier(body: "Le CPAS vous invite à un atelier cuisine gratuit. Venez avec un tablier."),
                            to: "queue/incoming/atelier.txt")
        try W.runOnce(workspace, at: "2026-12-02T10:00")
        #expect(Self.names(workspace, "out/flyer") == before, "the same names, no second set")
        let poster = try workspace.read("out/flyer/2026-12-01-atelier-cuisine-a-petit-prix-affiche-a4.html")
        #expect(poster.contains("Venez avec un tablier."))
        if Self.expectsPDF {
            let folder = workspace.workspace.output(FlyerChannel.channel).path
            let pdf = try #require(try FileSystem.info("\(folder)/2026-12-01-atelier-cuisine-a-petit-prix-affiche-a4.pdf"))
            let document = try #require(try FileSystem.info("\(folder)/2026-12-01-atelier-cuisine-a-petit-prix-affiche-a4.fodt"))
            #expect(pdf.modified >= document.modified, "the PDF was made again from the corrected document")
        }
    }
}
