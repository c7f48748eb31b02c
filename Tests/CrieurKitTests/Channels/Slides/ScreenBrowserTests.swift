import Foundation
import Testing
@testable import CrieurKit

/// The waiting-room page in a real browser: headless Chromium runs its script
/// with the clock set by `?maintenant=`, and the tests read the DOM it leaves.
@Suite("Screen page in Chromium", .serialized)
struct ScreenBrowserTests {
    static let hostileTitle = "<script>alert(1)</script><img src=x onerror=alert(2)>"

    /// A 2×2 PNG picture (red, green, blue, white).
    static let picture = Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==")!

    /// Five items dropped on 2 December 2026 and published by the worker at 10:00.
    static func publishedWorkspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.write("""
            Titre: Des colis de nourriture chaque jeudi
            Canaux: ecran, facebook
            Lieu: CPAS, entrée par la cour
            ---
            Le CPAS donne des colis **chaque jeudi**, de 13 h à 16 h.
            Venez avec votre carte d'identité.
            """, to: "queue/incoming/colis.txt")
        try workspace.write("""
            Titre: Le CPAS ferme à 11 h aujourd'hui
            Canaux: ecran
            Fin: 2026-12-02 11:00
            ---
            Nous vous accueillons demain à 8 h 30.
            """, to: "queue/incoming/fermeture.txt")
        try workspace.write("""
            Titre: \(hostileTitle)
            Canaux: ecran
            ---
            Un texte <b>gras</b> et <img src=y onerror=alert(3)> pour voir.
            """, to: "queue/incoming/piege.txt")
        try workspace.write("""
            Titre: Un jardin à partager
            Canaux: facebook
            ---
            Venez cultiver le jardin avec vos voisins.
            """, to: "queue/incoming/jardin.txt")
        try workspace.write(picture, to: "queue/incoming/affiche.png")
        try workspace.write("""
            Titre: Repair café le samedi 5 décembre
            Canaux: ecran
            Quand: samedi 5 décembre 2026 de 9 h 30 à 12 h
            Lien: https://www.cpas-exemple.be/repair/
            Image: affiche.png
            Texte alternatif: Une affiche orange avec un grille-pain
            ---
            Venez réparer votre grille-pain avec nos bénévoles.
            """, to: "queue/incoming/repair.txt")
        let events = try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        #expect(events.filter { if case .published = $0 { true } else { false } }.count == 5, "\(events)")
        return workspace
    }

    static func pageURL(_ workspace: TestWorkspace, at moment: String) -> String {
        let encoded = moment.replacingOccurrences(of: "+", with: "%2B")
        return "file://\(workspace.path("out/slides/index.html"))?maintenant=\(encoded)"
    }

    @Test func atNoonThePageShowsExactlyTheCurrentItemsAndHidesTheOneThatEndedAtEleven() throws {
        let workspace = try Self.publishedWorkspace()
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-02T12:00:00+01:00")))

        #expect(dom.currentTitles == ["Des colis de nourriture chaque jeudi", Self.hostileTitle, "Repair café le samedi 5 décembre"])
        let closing = try #require(dom.slide(titled: "Le CPAS ferme à 11 h aujourd'hui"))
        #expect(closing.state == "terminee")
        #expect(closing.hidden)
        #expect(dom.slide(titled: "Un jardin à partager") == nil, "a Facebook-only item is not on the screen")
        #expect(dom.shown.count == 1)
        #expect(dom.shown.first?.state == "actuelle")
        #expect(!dom.slides.contains { $0.overflows })
        #expect(dom.html.contains("<span id=\"date\">mercredi 2&nbsp;décembre 2026</span> <span id=\"heure\">12&nbsp;h&nbsp;00</span>"))
    }

    @Test func atHalfPastTenTheItemEndingAtElevenIsStillShown() throws {
        let workspace = try Self.publishedWorkspace()
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-02T10:30:00+01:00")))
        #expect(dom.currentTitles.count == 4)
        #expect(dom.currentTitles.contains("Le CPAS ferme à 11 h aujourd'hui"))
    }

    @Test func beforeAnyPublicationOnlyTheWelcomeSlideShows() throws {
        let workspace = try Self.publishedWorkspace()
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-01T09:00:00+01:00")))
        #expect(dom.currentTitles.isEmpty)
        #expect(Set(dom.slides.compactMap(\.state)) == ["a-venir"])
        #expect(dom.shown.count == 1)
        #expect(dom.shown.first?.isWelcome == true)
        #expect(dom.shown.first?.title == "Bienvenue")
    }

    @Test func markupInAnItemStaysTextInTheLivePage() throws {
        let workspace = try Self.publishedWorkspace()
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-02T12:00:00+01:00")))
        let hostile = try #require(dom.slide(titled: Self.hostileTitle))
        #expect(hostile.markup.contains("&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;"))
        #expect(hostile.markup.contains("Un texte &lt;b&gt;gras&lt;/b&gt; et &lt;img src=y onerror=alert(3)&gt; pour voir."))
        #expect(!dom.html.contains("<b>"))
        #expect(!dom.html.contains("alert(1)</script>"))
        #expect(!dom.html.contains("<img src=\"x\""))
        #expect(!dom.html.contains("<img src=\"y\""))
        // The only scripts are the page's own.
        #expect(dom.html.components(separatedBy: "<script").count == 2)
    }

    @Test func slideShowsPlaceEndDateLinkAndPictureWithItsDescription() throws {
        let workspace = try Self.publishedWorkspace()
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-02T12:00:00+01:00")))
        let repair = try #require(dom.slide(titled: "Repair café le samedi 5 décembre"))
        #expect(repair.markup.contains("<dt>Quand&nbsp;:</dt> <dd>le samedi 5&nbsp;décembre de 9&nbsp;h&nbsp;30 à 12&nbsp;h</dd>"))
        #expect(repair.markup.contains("<dt>Plus d'infos&nbsp;:</dt> <dd>www.cpas-exemple.be/repair</dd>"))
        #expect(repair.markup.contains("<figure><img src=\"2026-12-02-repair-cafe-le-samedi-5-decembre-affiche.png\" alt=\"Une affiche orange avec un grille-pain\"></figure>"),
                "the picture loaded (a missing one hides its figure)")
        #expect(workspace.names("out/slides").contains("2026-12-02-repair-cafe-le-samedi-5-decembre-affiche.png"))
        let colis = try #require(dom.slide(titled: "Des colis de nourriture chaque jeudi"))
        #expect(colis.markup.contains("<dt>Où&nbsp;:</dt> <dd>CPAS, entrée par la cour</dd>"))
    }

    @Test func aMissingPictureLeavesItsPlaceToTheText() throws {
        let workspace = try Self.publishedWorkspace()
        try FileManager.default.removeItem(atPath: workspace.path("out/slides/2026-12-02-repair-cafe-le-samedi-5-decembre-affiche.png"))
        // The page was built while the picture was there; it vanished since.
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-02T12:00:00+01:00")))
        let repair = try #require(dom.slide(titled: "Repair café le samedi 5 décembre"))
        #expect(repair.markup.contains("<figure hidden=\"\">"))
    }

    @Test func screenshotAtFullHDShowsTheSlideInItsColours() throws {
        let workspace = try Self.publishedWorkspace()
        let png = workspace.path("ecran.png")
        try HeadlessChromium.screenshot(Self.pageURL(workspace, at: "2026-12-02T12:00:00+01:00"), to: png)
        let summary = try PNGColours.read(png, colours: [
            ScreenLegibility.background, ScreenLegibility.headerBackground, ScreenLegibility.text, ScreenLegibility.accent,
        ])
        #expect(summary.width == 1920 && summary.height == 1080)
        // Mostly background, with white body text and the yellow title and clock drawn on it.
        #expect(summary.shares[ScreenLegibility.background]! > 0.5)
        #expect(summary.shares[ScreenLegibility.headerBackground]! > 0.03)
        #expect(summary.shares[ScreenLegibility.text]! > 0.005)
        #expect(summary.shares[ScreenLegibility.accent]! > 0.005)
    }

    @Test func theLongestAllowedItemFitsItsSlideAtReadingSizeGivingUpItsPicture() throws {
        let workspace = try TestWorkspace()
        let title = "Une aide pour payer vos factures de gaz et d'électricité"
        let body = """
            Vous avez du mal à payer votre facture de gaz ou d'électricité ?
            Le CPAS peut vous aider à payer une partie de cette facture.
            Il peut aussi parler avec votre fournisseur pour étaler le paiement.

            Apportez votre dernière facture et votre carte d'identité.
            Une assistante sociale vous reçoit le lundi et le jeudi matin.
            C'est gratuit et toujours sans rendez-vous.
            """
        let item = try #require(ItemTestSupport.item("Titre: \(title)\nCanaux: ecran\n---\n\(body)\n"))
        #expect(Slide.wordCount(title: item.title, body: item.body) == ScreenSettings().maxWordsPerSlide)
        try workspace.write(Self.picture, to: "queue/incoming/energie.png")
        try workspace.write("""
            Titre: \(title)
            Canaux: ecran
            Fin: 2026-12-31
            Lieu: CPAS, rue de la Station 12, bureau 3
            Lien: https://www.cpas-exemple.be/energie
            Image: energie.png
            Texte alternatif: Une facture et une ampoule
            Dérogation: essai de mise en page du plus long texte permis
            ---
            \(body)
            """, to: "queue/incoming/energie.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-02T12:00:00+01:00")))
        let slide = try #require(dom.slide(titled: title))
        #expect(slide.markup.contains("<figure hidden=\"\"><img"))
        #expect(!slide.overflows)
        let size = ScreenDOM.attribute("style", in: String(slide.markup.prefix(while: { $0 != ">" })))
        #expect(size.map { ["--taille: 56;", "--taille: 54;", "--taille: 52;", "--taille: 50;", "--taille: 48;"].contains($0) } == true, "\(size ?? "-")")
    }

    @Test func sampleCorpusOnTheSixthOfDecemberShowsExactlyTheItemsOfThatDayInTheirOwnWords() throws {
        let workspace = try TestWorkspace()
        try TestCorpus.project.queue("items", in: workspace)
        try WorkerTestSupport.runOnce(workspace, at: "2026-10-28T09:00")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T09:00")
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(Self.pageURL(workspace, at: "2026-12-06T10:00:00+01:00")))

        // The toy exchange ended on the 5th: the page itself hides it.
        #expect(dom.currentTitles == ["Une aide pour vos factures d'énergie", "Parler français autour d'un café", "Des dettes ? Parlons-en"])
        #expect(dom.slide(titled: "Bourse aux jouets le samedi 5 décembre")?.state == "terminee")
        for name in ["aide-energie.txt", "table-conversation.txt", "mediation-dettes.txt"] {
            let text = String(decoding: try TestCorpus.project.data("items", name), as: UTF8.self)
            let title = String(text.split(separator: "\n")[0].dropFirst("Titre: ".count))
            let slide = try #require(dom.slide(titled: title))
            let shown = ScreenDOM.unescape(slide.markup)
            let body = text.components(separatedBy: "\n---\n")[1]
            for line in body.split(separator: "\n") {
                let words = line.hasPrefix("- ") ? String(line.dropFirst(2)) : String(line)
                #expect(shown.contains(words), "\(name): \(words)")
            }
            #expect(!slide.overflows, "\(name)")
        }
    }
}
