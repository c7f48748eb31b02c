import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import CrieurKit

struct FlyerRendererTests {
    typealias T = FlyerTestItems

    @Test func itemBecomesAPosterAndAFlyerInHTMLAndODF() throws {
        let files = try T.renderer.render(T.item(), context: T.context())
        #expect(files.map(\.name) == [
            "2026-12-01-atelier-cuisine-a-petit-prix-affiche-a4.html", "2026-12-01-atelier-cuisine-a-petit-prix-affiche-a4.fodt",
            "2026-12-01-atelier-cuisine-a-petit-prix-flyer-a5.html", "2026-12-01-atelier-cuisine-a-petit-prix-flyer-a5.fodt",
        ])
        let html = String(decoding: files[0].data, as: UTF8.self)
        #expect(html.contains("<html lang=\"fr\">"))
        #expect(html.contains("@page { size: A4 portrait;"))
        #expect(html.contains("<h1>Atelier cuisine à petit prix</h1>"))
        #expect(html.contains("<strong>Quand :</strong> Le samedi 12 décembre de 9 h 30 à 12 h"))
        #expect(html.contains("<strong>Où :</strong> Maison de quartier, rue Haute 12"))
        #expect(html.contains("aria-label=\"Code QR : https://www.cpas-exemple.be/agenda/atelier-cuisine\""))
        #expect(html.contains("alt=\"Logo : CPAS de Exemple\""))
        #expect(html.contains("Ajouter à mon agenda : <a href=\"https://www.cpas-exemple.be/agenda/atelier-cuisine.ics\">"))
        #expect(html.contains("<p>Téléphone : 081 00 00 00</p>"))
        #expect(String(decoding: files[2].data, as: UTF8.self).contains("@page { size: A5 portrait;"))
    }

    @Test func itemTextIsEscapedInBothForms() throws {
        let item = try T.item(title: "Atelier <script>alert(1)</script> & \"Cie\"", body: "Texte <b>pas gras</b> & ]]> fin.")
        let files = try T.renderer.render(item, context: T.context())
        let html = String(decoding: files[0].data, as: UTF8.self)
        #expect(!html.contains("<script>") && !html.contains("<b>"))
        #expect(html.contains("Atelier &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Cie&quot;"))
        // The ODF document is well-formed XML with the text intact.
        let document = try XMLDocument(data: files[1].data)
        #expect(try document.nodes(forXPath: "//*[local-name()='h']").first?.stringValue == "Atelier <script>alert(1)</script> & \"Cie\"")
        #expect(document.rootElement()?.stringValue?.contains("Texte <b>pas gras</b> & ]]> fin.") == true)
    }

    @Test func textThatOverflowsIsRefusedWithTheLinesToRemoveInFrench() throws {
        let item = try T.item(body: T.body(paragraphs: 30))
        let rejection = try #require(throws: ItemRejection.self) { try T.renderer.render(item, context: T.context()) }
        #expect(rejection.problems.count == 2, "both formats overflow")
        let poster = try #require(rejection.problems.first)
        let excess = FlyerFit.excessLines(try T.renderer.sheetIgnoringFit(item, context: T.context()), format: .poster)
        #expect(excess > 10)
        #expect(poster.message == "Le texte ne tient pas sur une page (affiche A4) : il dépasse d'environ \(excess) lignes.")
        #expect(poster.fix.hasPrefix("Retirez environ \(excess) lignes du texte (à peu près "))
        #expect(poster.line == item.bodyFirstLine)
    }

    @Test func removingTheLinesAskedForMakesTheTextFit() throws {
        // Grow the body paragraph by paragraph: the estimate grows with it, and at
        // the first overflow, one paragraph less fits again.
        var previous = 0
        for paragraphs in 1...40 {
            let item = try T.item(body: T.body(paragraphs: paragraphs))
            let excess = FlyerFit.excessLines(try T.renderer.sheetIgnoringFit(item, context: T.context()), format: .flyer)
            #expect(excess >= previous)
            previous = excess
            if excess > 0 {
                #expect(paragraphs > 3, "a short text fits")
                _ = try T.renderer.render(T.item(body: T.body(paragraphs: paragraphs - 1)), context: T.context())
                return
            }
        }
        Issue.record("forty paragraphs should not fit on an A5 flyer")
    }

    @Test func linkTooLongForAQRCodeIsRefused() throws {
        let item = try T.item(link: "https://www.cpas-exemple.be/" + String(repeating: "a", count: 200))
        let rejection = try #require(throws: ItemRejection.self) { try T.renderer.render(item, context: T.context()) }
        #expect(rejection.problems.map(\.message) == ["Le lien est trop long pour le code QR de l'affiche : 228 caractères, 213 au plus."])
    }

    @Test func wordWrapCountsWholeWords() {
        #expect(FlyerFit.wrappedLines("un deux trois", perLine: 8) == 2)
        #expect(FlyerFit.wrappedLines("un deux trois", perLine: 13) == 1)
        #expect(FlyerFit.wrappedLines("anticonstitutionnellement", perLine: 10) == 3)
        #expect(FlyerFit.wrappedLines("", perLine: 10) == 1)
        #expect(FlyerFit.wrappedLines(String(repeating: "x", count: 25), perLine: 10, breakAnywhere: true) == 3)
    }

    @Test func imageSizeIsReadFromPNGJPEGAndGIFHeaders() {
        #expect(ImageSize.of(T.picture).map { [$0.width, $0.height] } == [400, 250])
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x01, 0x2C, 0x02, 0x58, 0x03, 0x00, 0x00, 0x00])
        #expect(ImageSize.of(jpeg).map { [$0.width, $0.height] } == [600, 300])
        let gif = Data("GIF89a".utf8) + Data([0x40, 0x01, 0xF0, 0x00])
        #expect(ImageSize.of(gif).map { [$0.width, $0.height] } == [320, 240])
        #expect(ImageSize.of(Data("pas une image".utf8)) == nil)
    }
}

extension FlyerRenderer {
    /// The sheet without the fit check, to measure a text that overflows.
    func sheetIgnoringFit(_ item: Item, context: PublicationContext) throws -> FlyerSheet {
        let roomy = FlyerRenderer(settings: settings, logo: logo)
        var short = item
        short.body = Body(blocks: [])
        var sheet = try roomy.sheet(short, context: context)
        sheet.body = item.body
        return sheet
    }
}
