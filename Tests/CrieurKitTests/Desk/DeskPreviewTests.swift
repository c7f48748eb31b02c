import Foundation
import Testing
@testable import CrieurKit

/// Every channel's preview at the desk, rendered in memory by the channels'
/// own renderers.
@Suite struct DeskPreviewTests {
    static let now = WorkerTestSupport.date("2026-12-01T10:00")

    static let item = """
        Titre: Bourse aux jouets
        Canaux: ecran, facebook, newsletter, bulletin, affiche
        Quand: samedi 12 décembre 2026 de 9 h à 12 h
        Lieu: Salle communale, place du Marché 3
        Lien: https://www.cpas-exemple.be/jouets
        Image: jouets.jpg
        Texte alternatif: Des jouets sur une table
        ---
        Vendez ou achetez des jouets d'occasion.
        L'entrée est gratuite.
        """

    static func render(_ text: String = item, config: CrieurConfig = CrieurConfig(), pictureURL: String? = "bureau/image?id=42&taille=1",
                       workspace: Workspace? = nil) -> DeskPreview {
        DeskPreview.render(text: text, config: config, now: now, pictureURL: pictureURL, workspace: workspace)
    }

    /// The document a `srcdoc` attribute holds, as the browser reads it.
    static func srcdoc(_ html: String) throws -> String {
        let start = try #require(html.range(of: "srcdoc=\""))
        let end = try #require(html[start.upperBound...].firstIndex(of: "\""))
        return unescape(String(html[start.upperBound..<end]))
    }

    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    static func part(_ preview: DeskPreview, _ channel: String) throws -> DeskPreview.Part {
        try #require(preview.parts.first { $0.channel == channel })
    }

    static func parsed(_ text: String = item) throws -> Item {
        try ItemParser().parse(Data(text.utf8), fileName: DeskCheck.defaultFileName)
    }

    @Test func everyChannelOfTheItemIsPreviewedInItsOrderThenTheCalendarEntry() throws {
        let preview = Self.render()
        #expect(preview.problems.isEmpty)
        #expect(preview.parts.map(\.channel) == ["ecran", "facebook", "newsletter", "bulletin", "flyer", "agenda"])
        #expect(preview.parts.map(\.frenchName).first == Channel.ecran.frenchName)
        #expect(try Self.part(preview, "agenda").html.contains("le samedi 12 décembre de 9 h à 12 h"))
        let flyer = try Self.part(preview, "flyer").html
        #expect(flyer.contains("Une affiche A4 et un flyer A5") && flyer.contains("Code QR vers https://www.cpas-exemple.be/jouets"))
    }

    @Test func theScreenSlideIsThePagesOwnSlideInASixteenByNineFrame() throws {
        let part = try Self.part(Self.render(), "ecran").html
        #expect(part.contains("width=\"640\" height=\"360\" sandbox=\"allow-same-origin\""), "nothing runs in the frame; the desk's script fits the slide")
        let document = try Self.srcdoc(part)
        #expect(document.contains("<style>\(ScreenPage.style)</style>"))
        let record = PublishedItem(try Self.parsed(), itemName: DeskCheck.defaultFileName, publishedOn: CivilDate(year: 2026, month: 12, day: 1))
        let calendar = CivilCalendar(timeZone: CrieurConfig().timeZone)
        let slide = Slide(record, image: ItemImage(fileName: "x", alternativeText: "Des jouets sur une table"),
                          today: record.published.date, calendar: calendar, settings: ScreenSettings(), defaultDays: CrieurConfig().window.screenDays)
        // The screen's own markup, shown rather than hidden, the desk's picture address in it.
        #expect(document.contains(ScreenPage.section(slide, imageSource: "bureau/image?id=42&taille=1", hidden: false)))
        #expect(document.contains("<img src=\"bureau/image?id=42&amp;taille=1\" alt=\"Des jouets sur une table\">"))
        #expect(!document.contains("<script"))
        #expect(document.contains("mardi 1er décembre") && document.contains("10 h"))
    }

    @Test func aPictureAddressThatIsNotAPlainAddressIsLeftOut() throws {
        for address in ["javascript:alert(1)", "data:image/png;base64,AAAA", "//ailleurs.example/x.png", " "] {
            let document = try Self.srcdoc(try Self.part(Self.render(pictureURL: address), "ecran").html)
            #expect(!document.contains("<img"), "\(address)")
        }
        #expect(DeskPreview.safePictureURL("https://bureau.cpas.be/image?id=1") != nil)
        #expect(DeskPreview.safePictureURL("image/42:original") == "image/42:original")
    }

    @Test func theFacebookCopyIsExactlyThePostToPaste() throws {
        let part = try Self.part(Self.render(), "facebook").html
        let post = try FacebookPostRenderer(settings: CrieurConfig().facebook).render(try Self.parsed(), today: CivilDate(year: 2026, month: 12, day: 1))
        let start = try #require(part.range(of: "spellcheck=\"false\">\n"))
        let end = try #require(part.range(of: "</textarea>"))
        let pasted = Self.unescape(String(part[start.upperBound..<end.lowerBound]))
        #expect(pasted == FacebookIndexEntry(fileName: post.fileName, contents: FacebookPostFile.encode(post))?.text)
        #expect(pasted == post.text)
        #expect(part.contains("<li>À publier le mardi 1er décembre 2026"), "\(part)")
        #expect(part.contains("<label for=\"crieur-apercu-facebook-texte\">"))
    }

    @Test func aLongPostIsPreviewedWithItsWarningInTheNotes() throws {
        var config = CrieurConfig()
        config.facebook.warnAboveCharacters = 60
        let part = try Self.part(Self.render(config: config), "facebook").html
        #expect(part.contains("<li>Attention : Le message compte "), "\(part)")
    }

    @Test func aPostTooLongForFacebookSaysWhyInsteadOfAText() throws {
        var config = CrieurConfig()
        config.facebook.refuseAboveCharacters = 100
        config.facebook.warnAboveCharacters = 80
        let part = try Self.part(Self.render(config: config), "facebook").html
        #expect(part.contains("Facebook ne peut pas prendre cette annonce") && !part.contains("<textarea"))
    }

    @Test func theNewsletterArticleIsTheIssuesHTMLFromTheWorkspacesTemplates() throws {
        let workspace = try TestWorkspace()
        let original = try #require(NewsletterDefaultTemplates.files.first { $0.name == "message.html" }).text
        try workspace.write(original.replacingOccurrences(of: "{{#annonces}}", with: "{{#annonces}}<p class=\"marque-maison\">{{titre}}</p>"),
                            to: "templates/newsletter/message.html")
        var config = try workspace.config()
        config.organisation.email = "info@cpas-exemple.be"
        let part = try Self.part(Self.render(config: config, workspace: workspace.workspace), "newsletter").html
        let document = try Self.srcdoc(part)
        #expect(document.contains("<p class=\"marque-maison\">Bourse aux jouets</p>"))
        let renderer = try NewsletterRenderer(config: config, templates: try NewsletterTemplates.load(from: workspace.workspace),
                                              clock: FixedClock(Self.now))
        let title = config.newsletter.list(named: config.newsletter.defaultList)?.title ?? config.organisation.name
        let issue = NewsletterIssue(id: "apercu", title: title, date: CivilDate(year: 2026, month: 12, day: 1),
                                    items: [try Self.parsed()])
        #expect(document == (try renderer.genericBodies(renderer.prepare(issue)).html))
        // Without a workspace or a sender configured: the built-in templates, still the article.
        #expect(try Self.srcdoc(try Self.part(Self.render(), "newsletter").html).contains("Vendez ou achetez des jouets"))
    }

    @Test func theBulletinArticleIsTheDraftsWithItsCountAgainstTheCommunesLimit() throws {
        var config = CrieurConfig()
        config.bulletin.maxCharactersPerArticle = 120
        let part = try Self.part(Self.render(config: config), "bulletin").html
        let record = PublishedItem(try Self.parsed(), itemName: DeskCheck.defaultFileName, publishedOn: CivilDate(year: 2026, month: 12, day: 1))
        let article = BulletinArticle(record, contact: config.bulletin.contact.lines, quarter: Quarter(year: 2026, number: 4))
        #expect(part.contains(BulletinHTMLPage.article(article, number: 1)))
        #expect(part.contains("\(article.characterCount) caractères sur 120 (espaces compris)"))
        #expect(part.contains("à raccourcir de \(article.characterCount - 120)"))
        #expect(!Self.render().parts[3].html.contains("à raccourcir"))
    }

    @Test func aFlyerThatDoesNotFitSaysByHowMuch() throws {
        let long = "Titre: Bourse\nCanaux: affiche\n---\n" + String(repeating: "Vendez ou achetez des jouets d'occasion à petit prix.\n\n", count: 60)
        let part = try Self.part(Self.render(long), "flyer").html
        #expect(part.contains("L&#39;affiche ne peut pas être imprimée ainsi") && part.contains("ne tient pas sur une page"))
    }

    @Test func aTextThatIsNotAnItemHasNoPreviewButItsProblems() {
        let preview = Self.render("Canaux: ecran\n---\nBonjour.\n")
        #expect(preview.parts.isEmpty && preview.problems.count == 1 && preview.problems[0].contains("Titre"))
    }

    @Test func previewingWritesNothing() throws {
        let workspace = try TestWorkspace()
        let before = WorkerTestSupport.outputs(workspace)
        let queue = QueueState.allCases.map { workspace.items($0) }
        let preview = Self.render(config: try workspace.config(), workspace: workspace.workspace)
        #expect(preview.parts.count == 6)
        #expect(WorkerTestSupport.outputs(workspace) == before)
        #expect(QueueState.allCases.map { workspace.items($0) } == queue)
    }

    @Test func everythingStaffTypedIsEscapedInEveryPart() throws {
        let hostile = """
            Titre: Atelier <script>alert("titre")</script> & 'guillemets'
            Canaux: ecran, facebook, newsletter, bulletin, affiche
            Quand: samedi 12 décembre 2026 à 9 h
            Lieu: Salle "<img src=x onerror=alert(1)>"
            ---
            Corps <script>alert('corps')</script> et "guillemets".
            """
        let preview = Self.render(hostile, pictureURL: "image?\"><script>alert(1)</script>")
        #expect(preview.parts.count == 6)
        for part in preview.parts {
            #expect(!part.html.contains("<script") && !part.html.contains("<img src=x") && !part.html.contains("'guillemets'"),
                    "\(part.channel): \(part.html)")
            // Inside a frame, the document is escaped once more: once read by the browser it is still escaped.
            if part.html.contains("srcdoc=") {
                let document = try Self.srcdoc(part.html)
                #expect(!document.contains("<script") && !document.contains("<img src=x"), "\(part.channel): \(document)")
                #expect(document.contains("&lt;script&gt;"), "\(part.channel)")
            }
        }
        #expect(try Self.part(preview, "bulletin").html.contains("Atelier &lt;script&gt;alert(&quot;titre&quot;)&lt;/script&gt; &amp; &#39;guillemets&#39;"))
    }
}
