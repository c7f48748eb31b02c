import Foundation
import Testing
@testable import CrieurKit

/// The desk's check and previews pass axe-core's WCAG 2.0 and 2.1 A and AA
/// rules in headless Chromium when placed in a minimal page, and so do the
/// documents the frames show (axe does not enter a `srcdoc` frame by itself).
@Suite("Desk previews accessibility (axe-core, WCAG 2.1 AA)", .serialized)
struct DeskAccessibilityTests {
    @Test func theCheckAndEveryPreviewPassWCAG21AAInAMinimalPage() throws {
        let workspace = try TestWorkspace(extraConfig: """
            organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be", address: "Rue de la Gare 1, 4000 Liège" },
            """)
        let config = try workspace.config()
        let text = """
            Titre: Atelier <script>alert("x")</script> & 'cuisine'
            Canaux: ecran, facebook, newsletter, bulletin, affiche
            Quand: samedi 12 décembre 2026 de 9 h à 12 h
            Lieu: Salle "Le Foyer"
            Lien: https://www.cpas-exemple.be/atelier
            Image: atelier.png
            Texte alternatif: Des légumes sur une table
            ---
            Nous vous invitons à venir nombreux à notre atelier de cuisine du samedi matin, où vous apprendrez à préparer des repas simples.
            Venez avec vos enfants.
            """
        let now = WorkerTestSupport.date("2026-12-01T10:00")
        let check = DeskCheck.run(text: text, config: config, now: now, workspace: workspace.workspace)
        #expect(check.channels.contains { !$0.passes } && check.channels.contains { !$0.findings.isEmpty })
        let preview = DeskPreview.render(text: text, config: config, now: now, pictureURL: "image.png", workspace: workspace.workspace)
        #expect(preview.parts.count == 6)
        // The picture the frames show, beside the pages (the srcdoc frame reads it relative to the page).
        try workspace.write(PNG.blackAndWhite(width: 16, height: 9) { x, _ in x < 8 }, to: "desk/image.png")

        var page = """
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><title>Bureau — vérification et aperçus</title>
            <style>\(DeskPreview.css)</style></head>
            <body><main>
            <h1>Vérification et aperçus</h1>
            <section><h2>Vérification</h2>
            \(check.html())</section>

            """
        var pages: [String] = []
        for part in preview.parts {
            page += "<section><h2>\(HTML.escape(part.frenchName))</h2>\n\(part.html)</section>\n"
            if let start = part.html.range(of: "srcdoc=\""), let end = part.html[start.upperBound...].firstIndex(of: "\"") {
                try workspace.write(DeskPreviewTests.unescape(String(part.html[start.upperBound..<end])), to: "desk/cadre-\(part.channel).html")
                pages.append(workspace.path("desk/cadre-\(part.channel).html"))
            }
        }
        page += "</main></body></html>\n"
        try workspace.write(page, to: "desk/page.html")
        pages.insert(workspace.path("desk/page.html"), at: 0)
        #expect(pages.count == 3, "the page, the screen's frame, the newsletter's frame")

        let report = try BrowserChecks.axe(pages)
        #expect(Set(report.pages.keys) == Set(pages))
        for (page, violations) in report.pages {
            #expect(violations.isEmpty, "\(page): \(violations)")
        }
    }
}
