import Foundation
import Testing
@testable import CrieurKit

/// The previews finished by the desk's own script (`DeskScript`), in headless
/// Chromium, on a desk page at 1280×900 and on a phone at 390×844: the slide's
/// frame shrinks the text as the screen page does, so a slide that fits is not
/// shown cut, and one that cannot fit says so under the frame; the newsletter's
/// frame is as tall as its page, so nothing looks cut off.
@Suite("Desk previews fitted by the desk's script (Chromium)", .serialized)
struct DeskPreviewFittingTests {
    static let short = """
        Titre: Atelier cuisine du jeudi
        Canaux: ecran, newsletter
        Quand: chaque jeudi de 9 h à 11 h
        Lieu: Salle du CPAS
        ---
        Venez cuisiner avec nous. C'est gratuit. Apportez un tablier.
        """

    /// 66 words, under the 70 the screen takes (the desk's check passes it), but with a long title,
    /// three bullets and three details: the screen page cuts its last line even at the smallest size.
    static let crowded = """
        Titre: Des colis de nourriture chaque jeudi pour les familles
        Canaux: ecran
        Quand: chaque jeudi de 9 h à 11 h
        Lieu: Salle du CPAS, rue de la Station 12, 5000 Namur
        Lien: https://www.cpas-exemple.be/colis-alimentaires
        ---
        Vous avez du mal à payer vos courses ? Le CPAS donne des colis de nourriture. Venez le jeudi matin. \
        Prenez un sac. Prenez votre carte d'identité. Vous recevez des pâtes, du riz, des conserves et des fruits. \
        C'est gratuit. Vous ne devez pas prendre rendez-vous. Vous avez une question ? Appelez-nous.

        - Le jeudi matin.
        - Un sac.
        - Votre carte.
        """

    static let measure = #"""
    import json, sys, time
    from chromium import open_browser
    page = sys.argv[1]
    report = {}
    for width, height in ((1280, 900), (390, 844)):
        driver = open_browser(width, height)
        try:
            driver.get("file://" + page)
            end = time.time() + 60
            while time.time() < end:
                if driver.execute_script("return Array.prototype.every.call(document.querySelectorAll('iframe'), "
                                         "function (f) { return f.hasAttribute('data-ajuste'); })"):
                    break
                time.sleep(0.2)
            report[f"{width}x{height}"] = driver.execute_script("""
                function slide(id) {
                  var frame = document.querySelector('#' + id + ' .crieur-apercu-ecran iframe');
                  var texte = frame.contentDocument.querySelector('.texte');
                  var note = frame.parentNode.nextElementSibling;
                  return {state: frame.getAttribute('data-ajuste'),
                          cut: texte.scrollHeight > texte.clientHeight + 1,
                          warning: note && note.classList.contains('crieur-deborde') ? note.textContent : null};
                }
                var letter = document.querySelector('#court .crieur-apercu-lettre iframe');
                return {short: slide('court'), crowded: slide('charge'),
                        letter: {state: letter.getAttribute('data-ajuste'), frame: letter.clientHeight,
                                 page: letter.contentDocument.documentElement.scrollHeight},
                        pageWidth: document.documentElement.scrollWidth};
            """)
        finally:
            driver.quit()
    print(json.dumps(report))
    """#

    struct Slide: Decodable { var state: String?; var cut: Bool; var warning: String? }
    struct Letter: Decodable { var state: String?; var frame: Int; var page: Int }
    struct Size: Decodable { var short: Slide; var crowded: Slide; var letter: Letter; var pageWidth: Int }

    @Test func aSlideThatFitsIsShownWholeOneThatCannotSaysSoAndTheLetterFrameIsAsTallAsItsPage() throws {
        guard access("/usr/bin/chromedriver", X_OK) == 0 && access("/usr/bin/chromium", X_OK) == 0 else {
            #expect(ProcessInfo.processInfo.environment["CI"] != "true", "chromium or chromium-driver is missing: run scripts/setup --tests")
            return
        }
        let workspace = try TestWorkspace(extraConfig: """
            organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be", address: "Rue de la Gare 1, 4000 Liège" },
            """)
        let config = try workspace.config()
        let now = WorkerTestSupport.date("2026-12-01T10:00")
        func parts(_ text: String) -> String {
            DeskPreview.render(text: text, config: config, now: now, pictureURL: nil, workspace: workspace.workspace)
                .parts.map { "<h3>\(HTML.escape($0.frenchName))</h3>\n\($0.html)" }.joined()
        }
        let page = """
            <!DOCTYPE html>
            <html lang="fr">
            <head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Aperçus</title>
            <style>body { max-width: 62rem; margin: 1rem auto; padding: 0 1rem; }
            \(DeskPreview.css)</style>
            <script src="bureau.js" defer></script></head>
            <body><main>
            <section id="court">\(parts(Self.short))</section>
            <section id="charge">\(parts(Self.crowded))</section>
            </main></body></html>

            """
        try workspace.write(page, to: "desk/page.html")
        try workspace.write(DeskScript.source, to: "desk/bureau.js")

        let crowdedCheck = DeskCheck.run(text: Self.crowded, config: config, now: now, workspace: workspace.workspace)
        #expect(crowdedCheck.channels.map(\.passes) == [true], "only the preview can tell: \(crowdedCheck.channels)")
        let output = try BrowserChecks.script(Self.measure, [workspace.path("desk/page.html")])
        let report = try JSONDecoder().decode([String: Size].self, from: Data(output.utf8))
        #expect(report.keys.sorted() == ["1280x900", "390x844"])
        for (size, measured) in report {
            #expect(measured.short.state == "tient" && !measured.short.cut && measured.short.warning == nil, "\(size): \(measured.short)")
            #expect(measured.crowded.state == "deborde" && measured.crowded.cut, "\(size): \(measured.crowded)")
            #expect(measured.crowded.warning?.contains("ne tient pas sur l'écran") == true, "\(size): \(measured.crowded)")
            // The newsletter's frame shows its whole page: no scrolling inside a frame on a phone.
            #expect(measured.letter.state == "hauteur" && measured.letter.frame >= measured.letter.page, "\(size): \(measured.letter)")
            #expect(measured.pageWidth <= Int(size.split(separator: "x")[0])!, "\(size): no sideways scrolling")
        }
    }
}
