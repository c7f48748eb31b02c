import Foundation
import Testing
@testable import CrieurKit

/// Every page Crieur writes for people passes axe-core's WCAG 2.0 and 2.1 A
/// and AA rules in headless Chromium (`Fixtures/browser/axe_check.py`): the
/// screen, the Facebook page, the bulletin draft, the newsletter and its
/// archive page, the poster and flyer, and the feed's HTML content as a reader
/// shows it (with « Ajouter à mon agenda » links: `calendar.publicURL` is set).
@Suite("Accessibility (axe-core, WCAG 2.1 AA)", .serialized)
struct AccessibilityTests {
    @Test func everyPageForPeoplePassesWCAG21AA() throws {
        let workspace = try TestWorkspace(extraConfig: """
            organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be", address: "Rue de la Gare 1, 4000 Liège" },
            calendar: { publicURL: "https://www.cpas-exemple.be/agenda/" },
            """)
        try TestCorpus.project.queue("items", in: workspace)
        try workspace.write("""
            Titre: Le CPAS ferme à 11 h aujourd'hui
            Canaux: ecran, facebook, newsletter, bulletin, affiche
            Urgent: oui
            Lieu: CPAS, rue de la Station 12
            Quand: mercredi 2 décembre 2026 de 9 h 30 à 11 h
            Lien: https://www.cpas-exemple.be/horaires
            ---
            Nous vous accueillons demain à 8 h 30.
            """, to: "queue/incoming/fermeture.txt")
        // The sample directory: its bottin and search page, and the week's service on the screen and Facebook page.
        for name in try FileSystem.names(in: SampleDirectory.folder) {
            try workspace.write(try Data(contentsOf: URL(fileURLWithPath: "\(SampleDirectory.folder)/\(name)")), to: "directory/\(name)")
        }
        try ChannelRegistry.$current.withValue(WeeklyServiceWorkerTests.registry) {
            try WorkerTestSupport.runOnce(workspace, at: "2026-10-28T09:00")
            try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T09:00")
        }
        #expect(try workspace.read("out/facebook/index.html").contains("Service de la semaine"))
        let config = try workspace.config()
        _ = try NewsletterPreview.write(workspace: workspace.workspace, config: config,
                                        clock: FixedClock(WorkerTestSupport.date("2026-12-02T09:30")))

        // The feed's entries, each as a feed reader shows it: a French page around the content.
        let calendar = CivilCalendar(timeZone: config.timeZone)
        for (index, record) in try workspace.workspace.archive.load().items.enumerated() {
            try workspace.write("""
                <!DOCTYPE html>
                <html lang="fr"><head><meta charset="utf-8"><title>\(HTML.escape(record.title))</title></head>
                <body><main><h1>\(HTML.escape(record.title))</h1>
                \(AtomFeed.contentHTML(record, referenceYear: 2026, calendarLinks: config.calendar,
                                       today: calendar.civilDate(of: WorkerTestSupport.date("2026-12-02T09:00"))))
                </main></body></html>
                """, to: "flux/entree-\(index).html")
        }
        // The e-mail that takes the bulletin draft to the commune.
        let publisher = BulletinPublisher(settings: config.bulletin, queue: workspace.workspace.queue)
        let context = PublicationContext(now: WorkerTestSupport.date("2026-12-02T09:00"), calendar: calendar, config: config, itemName: "")
        try workspace.write(BulletinMailer.html(publisher.draft(Quarter(year: 2026, number: 4), published: try workspace.workspace.archive.load().items,
                                                                scheduled: [], context: context),
                                                organisationWithDe: config.organisation.withDe), to: "flux/bulletin-courriel.html")
        var pages = [ScreenBrowserTests.pageURL(workspace, at: "2026-12-02T10:00:00+01:00"),
                     workspace.path("out/facebook/index.html"), workspace.path(NewsletterPreview.htmlPath)]
        pages += workspace.names("out/bulletin").filter { $0.hasSuffix(".html") }.map { workspace.path("out/bulletin/\($0)") }
        pages += workspace.names("flux").map { workspace.path("flux/\($0)") }
        let flyers = workspace.names("out/flyer").filter { $0.hasSuffix(".html") }
        #expect(flyers.count == 3, "the poster and the flyer of « fermeture », and the folder's index")
        pages += flyers.map { workspace.path("out/flyer/\($0)") }
        pages += ["bottin.html", "recherche.html"].map { workspace.path("out/directory/\($0)") }
        #expect(pages.count >= 10)

        let report = try BrowserChecks.axe(pages)
        #expect(report.axe.hasPrefix("4."))
        #expect(Set(report.pages.keys) == Set(pages))
        for (page, violations) in report.pages {
            #expect(violations.isEmpty, "\(page): \(violations)")
        }
    }

    @Test func theCheckFindsAViolationWhenThereIsOne() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            <!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"><title>Essai</title></head>
            <body><main><div><dt>Où :</dt><dd>CPAS</dd></div><img src="x.png"></main></body></html>
            """, to: "mauvaise.html")
        let report = try BrowserChecks.axe([workspace.path("mauvaise.html")])
        let ids = Set(report.pages.values.flatMap { $0.map(\.id) })
        #expect(ids.isSuperset(of: ["dlitem", "image-alt"]), "\(ids)")
    }
}
