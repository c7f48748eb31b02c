import Foundation
import Testing
@testable import CrieurKit

/// The screen page on the televisions a CPAS has, in a real browser: nothing
/// cut at any size, and the slides kept for a restart while the server is down.
@Suite("Screen page sizes and restarts in Chromium", .serialized)
struct ScreenSizesTests {
    static let sizes = ["1280x720", "1366x768", "1920x1080", "3840x2160", "1080x1920"]
    static let place = "CPAS, rue de la Station 12, bureau 3"

    /// The longest text a slide allows, urgent, with a place, a date and a link.
    static func longSlideWorkspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.write("""
            Titre: Une aide pour payer vos factures de gaz et d'électricité
            Canaux: ecran
            Urgent: oui
            Fin: 2026-12-31
            Lieu: \(place)
            Quand: mercredi 2 décembre 2026 de 9 h 30 à 12 h
            Lien: https://www.cpas-exemple.be/energie
            Dérogation: essai de mise en page du plus long texte permis
            ---
            Vous avez du mal à payer votre facture de gaz ou d'électricité ?
            Le CPAS peut vous aider à payer une partie de cette facture.
            Il peut aussi parler avec votre fournisseur pour étaler le paiement.

            Apportez votre dernière facture et votre carte d'identité.
            Une assistante sociale vous reçoit le lundi et le jeudi matin.
            C'est gratuit et toujours sans rendez-vous.
            """, to: "queue/incoming/energie.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T08:00")
        return workspace
    }

    @Test func aLongUrgentSlideShowsHeaderClockAndEveryDetailWithNothingCutAtEveryScreenSize() throws {
        let workspace = try Self.longSlideWorkspace()
        let url = ScreenBrowserTests.pageURL(workspace, at: "2026-12-02T09:00:00+01:00")
        let results = try BrowserChecks.layout(url, sizes: Self.sizes, screenshotsIn: workspace.path(""))
        #expect(Set(results.keys) == Set(Self.sizes))
        for (size, layout) in results {
            let dimensions = size.split(separator: "x").map { Int($0)! }
            #expect([layout.width, layout.height] == dimensions, "\(size)")
            #expect(layout.problems.isEmpty, "\(size): \(layout.problems)")
            #expect(layout.overflowing.isEmpty, "\(size): the slide did not fit")
            let texts = layout.texts.map(\.text)
            for expected in ["CPAS", "mercredi 2\u{a0}décembre 2026", "9\u{a0}h\u{a0}00", "URGENT",
                             "Où\u{a0}:", Self.place, "Quand\u{a0}:", "le mercredi 2\u{a0}décembre de 9\u{a0}h\u{a0}30 à 12\u{a0}h",
                             "Plus d'infos\u{a0}:", "www.cpas-exemple.be/energie", "C'est gratuit et toujours sans rendez-vous."] {
                #expect(texts.contains { $0.contains(expected) }, "\(size): « \(expected) » not shown in \(texts)")
            }
            let screenshot = try #require(try FileSystem.info(layout.screenshot), "\(size): no screenshot")
            #expect(screenshot.size > 10_000, "\(size)")
        }
    }

    @Test func aScreenThatRestartsOnAnOlderCopyOfThePageShowsTheNewerSlidesItKept() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: Des colis chaque jeudi\nCanaux: ecran\n---\nLe CPAS donne des colis.\n", to: "queue/incoming/colis.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T08:00")
        let older = try workspace.read("out/slides/index.html")
        try workspace.write("Titre: Le CPAS ferme à 11 h\nCanaux: ecran\n---\nNous vous accueillons demain.\n", to: "queue/incoming/fermeture.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T09:00")
        let newer = try workspace.read("out/slides/index.html")
        #expect(older != newer)

        // One browser profile, as on the television: it shows the newer page,
        // restarts, and the file (no server: `file://`) is now the older copy.
        let output = try BrowserChecks.script("""
            import json, sys, time
            from chromium import open_browser
            page, older, newer = sys.argv[1], sys.argv[2], sys.argv[3]
            titles = "return Array.prototype.map.call(document.querySelectorAll('#diapos .diapo[data-etat=actuelle] h1'), function (h) { return h.textContent; });"
            def shown(driver, text):
                open(page, "w", encoding="utf-8").write(text)
                driver.get("file://" + page + "?maintenant=2026-12-02T10:00:00%2B01:00")
                time.sleep(0.5)
                return sorted(driver.execute_script(titles))
            result = {}
            driver = open_browser(1920, 1080)
            try:
                result["newer"] = shown(driver, open(newer, encoding="utf-8").read())
                result["restarted"] = shown(driver, open(older, encoding="utf-8").read())
            finally:
                driver.quit()
            fresh = open_browser(1920, 1080)
            try:
                result["fresh"] = shown(fresh, open(older, encoding="utf-8").read())
            finally:
                fresh.quit()
            print(json.dumps(result))
            """, [workspace.path("out/slides/index.html"), try save(older, "older.html", in: workspace), try save(newer, "newer.html", in: workspace)])
        let shown = try JSONDecoder().decode([String: [String]].self, from: Data(output.utf8))
        let both = ["Des colis chaque jeudi", "Le CPAS ferme à 11\u{a0}h"]
        #expect(shown["newer"] == both)
        #expect(shown["restarted"] == both, "the kept slides replace the older copy")
        #expect(shown["fresh"] == ["Des colis chaque jeudi"], "a browser that kept nothing shows the page as it is")
    }

    private func save(_ text: String, _ name: String, in workspace: TestWorkspace) throws -> String {
        try workspace.write(text, to: name)
        return workspace.path(name)
    }

    @Test func timesAndDatesKeepTheirNumberOnTheSameLine() {
        let cases: [(String, String)] = [
            ("de 9 h 30 à 12 h", "de 9\u{a0}h\u{a0}30 à 12\u{a0}h"),
            ("le samedi 5 décembre 2026", "le samedi 5\u{a0}décembre 2026"),
            ("le mardi 1er décembre", "le mardi 1er\u{a0}décembre"),
            ("Ouvert à 8 h, fermé le 2 mars.", "Ouvert à 8\u{a0}h, fermé le 2\u{a0}mars."),
            ("20 € et 50 %", "20\u{a0}€ et 50\u{a0}%"),
            ("Rue de la Station 12 bureau 3", "Rue de la Station 12 bureau 3"),
            ("h 30 sans heure", "h 30 sans heure"),
            ("mai 2026 ou le 12 mai", "mai 2026 ou le 12\u{a0}mai"),
        ]
        for (text, expected) in cases {
            #expect(FrenchSpacing.bindingNumbers(text) == expected, "\(text)")
        }
    }
}
