import Foundation
import Testing
@testable import CrieurKit

/// An issue people can read: a table of contents when it carries more than
/// three items, and a body that stays readable on a 360 px phone, in dark
/// mode and with pictures off — checked in headless Chromium (Selenium, axe-core).
@Suite(.serialized) struct NewsletterIssueLayoutTests {
    let rendering = NewsletterRendererTests()

    func items(_ count: Int) -> [Item] {
        let titles = ["Colis de Noël", "Permanence juridique", "Repair café", "Atelier cuisine", "Vestiaire solidaire"]
        return (0..<count).map { index in
            var item = NewsletterRendererTests.repairCafe
            item.title = titles[index]
            item.urgent = index == 1
            // A link longer than a phone's width must wrap, not push the page sideways.
            item.body = Body(blocks: [.paragraph([[.text("Tous les détails : "),
                                                   .link(text: "https://www.cpas-sambreville.be/actualites/2026/decembre/\(String(repeating: "informations-pratiques-", count: 4))",
                                                         url: "https://www.cpas-sambreville.be/actualites/2026/decembre/infos")]])])
            item.explicitID = "annonce-\(index)"
            return item
        }
    }

    func bodies(_ count: Int) throws -> (text: String, html: String) {
        var config = rendering.config()
        config.calendar = CalendarSettings(publicURL: "https://cpas-sambreville.be/agenda/")
        let renderer = try rendering.renderer(config)
        return try renderer.bodies(renderer.prepare(rendering.issue(items(count))), recipient: NewsletterRendererTests.recipient)
    }

    @Test func anIssueOfMoreThanThreeItemsOpensWithATableOfContentsLinkingToEach() throws {
        let (text, html) = try bodies(4)
        #expect(html.contains("<nav class=\"sommaire\" aria-labelledby=\"sommaire\">"))
        for (number, title) in ["Colis de Noël", "Permanence juridique", "Repair café", "Atelier cuisine"].enumerated() {
            #expect(html.contains("<li><a href=\"#annonce-\(number + 1)\">\(HTML.escape(title))</a></li>"), "\(title)")
            #expect(html.contains("<article id=\"annonce-\(number + 1)\">"))
            #expect(text.contains("\n- \(title)\n"), "\(title)")
        }
        let navEnd = try #require(html.range(of: "</nav>")), firstArticle = try #require(html.range(of: "<article"))
        #expect(navEnd.upperBound < firstArticle.lowerBound, "the table of contents comes first")
        #expect(text.contains("Dans ce numéro :"))

        let (shortText, shortHTML) = try bodies(3)
        #expect(!shortHTML.contains("<nav") && !shortHTML.contains("Dans ce numéro"))
        #expect(!shortText.contains("Dans ce numéro"))
    }

    @Test func onAPhoneInLightAndDarkModeTheIssueIsReadableWithoutSidewaysScrolling() throws {
        let workspace = try TestWorkspace()
        try workspace.write(try bodies(5).html, to: "lettre.html")
        let output = try ExternalProgram.run(PeerPython.command(
            ["\(BrowserChecks.folder)/mail_view_check.py", workspace.root, workspace.path("lettre.html"), "360", "740"]), seconds: 300)
        let report = try JSONDecoder().decode([String: MailView].self, from: output)
        for scheme in ["light", "dark"] {
            let view = try #require(report[scheme], "\(scheme)")
            // A phone widens its layout to what overflows: the window must stay the phone's width.
            #expect(view.scrollWidth <= 360 && view.innerWidth == 360,
                    "\(scheme): the page scrolls sideways (\(view.scrollWidth) px of content, a window of \(view.innerWidth) px)")
            #expect(view.smallestText >= 16, "\(scheme): « \(view.smallestTextSample) » at \(view.smallestText) px")
            #expect(view.buttons.count == 10, "« Ajouter à mon agenda » and « En savoir plus » of five items")
            for button in view.buttons { #expect(button.height >= 44, "\(scheme): « \(button.text) » is \(button.height) px tall") }
            #expect(view.imagesWithoutAlt.isEmpty && view.backgroundPictures.isEmpty, "nothing to read is in a picture")
            #expect(view.violations.isEmpty, "\(scheme): \(view.violations)")
        }
        #expect(report["light"]?.prefersDark == false && report["dark"]?.prefersDark == true)
        #expect(report["light"]?.pageBackground == "rgb(255, 255, 255)" && report["light"]?.pageColor == "rgb(26, 26, 26)")
        #expect(report["dark"]?.pageBackground == "rgb(18, 18, 18)" && report["dark"]?.pageColor == "rgb(240, 240, 240)",
                "the dark scheme changes text and background together")
    }

    @Test func withoutStylesheetTheColoursComeInPairs() throws {
        // Mail programs that drop <style> keep the inline colours: each background has its text colour.
        let html = try bodies(1).html
        let body = html.components(separatedBy: "</style>").last ?? ""
        for attribute in body.components(separatedBy: "style=\"").dropFirst().map({ $0.prefix { $0 != "\"" } }) {
            #expect(attribute.contains("background-color") == attribute.contains(" color:"), "\(attribute)")
        }
        #expect(!body.contains("<img"), "no picture carries text")
    }

    struct MailView: Decodable {
        struct Button: Decodable { var text: String; var height: Double }
        struct Violation: Decodable, CustomStringConvertible {
            var id: String
            var help: String
            var nodes: [String]
            var description: String { "\(id): \(help) — \(nodes.joined(separator: "; "))" }
        }
        var scrollWidth: Int
        var innerWidth: Int
        var smallestText: Double
        var smallestTextSample: String
        var buttons: [Button]
        var imagesWithoutAlt: [String]
        var backgroundPictures: [String]
        var pageColor: String
        var pageBackground: String
        var prefersDark: Bool
        var violations: [Violation]
    }
}
