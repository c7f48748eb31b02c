import Foundation

/// Every channel's preview, rendered in memory (nothing written to out/).
///
/// Each part is an HTML fragment, every piece of item text escaped, made by the
/// channel's own renderer: the screen's slide (`ScreenPage.previewDocument`, the
/// page's style and markup) in a 16:9 frame; the Facebook text exactly as the
/// Facebook page gives it to paste (`FacebookPostRenderer`); the newsletter as
/// the issue's HTML of one item (`NewsletterRenderer.genericBodies` with the
/// workspace's templates), in a frame; the bulletin's article
/// (`BulletinHTMLPage.article`) with « N caractères sur M »; a short summary of
/// the flyer (`FlyerRenderer.sheet`) and of the calendar entry. A plug-in channel
/// gives its own through `ChannelModule.deskPreview`, else a one-line summary.
///
/// The frames are `<iframe srcdoc>` with `sandbox="allow-same-origin"`: nothing
/// in them runs (no `allow-scripts`), navigates or posts, but the desk's own
/// script (`DeskScript`) may reach into them to fit the slide's text as the
/// screen page does and to size the newsletter's frame. Their documents carry
/// their own inline `<style>`, so the desk's Content-Security-Policy (which a
/// srcdoc frame inherits) must allow `style-src 'unsafe-inline'`, and
/// `img-src` the picture's address. `DeskPreview.css` sizes the frames; without
/// it the frames keep their width and height attributes (16:9 for the screen).
public struct DeskPreview: Sendable {
    public struct Part: Sendable {
        /// The channel's id (`ecran`…), or `agenda` for the calendar entry.
        public var channel: String
        public var frenchName: String
        /// An HTML fragment, escaped, to place in the desk's page.
        public var html: String
    }

    /// In the item's channel order, then the calendar entry when the item has a `Quand`.
    public var parts: [Part]
    /// Why there is nothing to preview: the item's problems, French, as `DeskCheck` gives them.
    public var problems: [String]

    /// The contract's entry point: built-in templates, no picture bytes.
    public static func render(text: String, config: CrieurConfig, now: Date, pictureURL: String?) -> DeskPreview {
        render(text: text, config: config, now: now, pictureURL: pictureURL, workspace: nil)
    }

    /// `workspace`: where the newsletter's templates and the flyer's logo are read
    /// (nil: the built-in templates); `pictureURL`: where the page shows the item's
    /// picture (an address on the desk, relative or http(s); anything else is left out);
    /// `imageData`: the picture's bytes, for the flyer's summary.
    public static func render(
        text: String, config: CrieurConfig, now: Date, pictureURL: String?, workspace: Workspace?,
        imageData: Data? = nil, fileName: String = DeskCheck.defaultFileName
    ) -> DeskPreview {
        let item: Item
        do {
            item = try ItemParser(maxBytes: config.queue.maxItemBytes).parse(Data(text.utf8), fileName: fileName)
        } catch {
            return DeskPreview(parts: [], problems: error.problems.map(DeskCheck.cliLine))
        }
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let context = DeskPreviewContext(
            publication: PublicationContext(now: now, calendar: calendar, config: config, itemName: fileName, imageData: imageData),
            pictureURL: pictureURL.flatMap(safePictureURL), workspace: workspace)
        var parts: [Part] = []
        for channel in item.channels {
            let html = ChannelRegistry.current.module(channel)?.deskPreview(item, context: context)
                ?? builtIn(channel, item: item, context: context)
                ?? "<p>Pas d'aperçu pour ce canal : l'annonce « \(HTML.escape(item.title)) » y sera publiée comme dans les autres.</p>\n"
            parts.append(Part(channel: channel.id, frenchName: channel.frenchName, html: html))
        }
        if let when = item.when {
            parts.append(Part(channel: "agenda", frenchName: "agenda", html: calendarSummary(item, when: when, context: context)))
        }
        return DeskPreview(parts: parts, problems: [])
    }

    /// Sizes for the preview frames, to add to the desk's style sheet.
    public static let css = """
        .crieur-apercu-ecran { width: 100%; max-width: 48rem; aspect-ratio: 16 / 9; }
        .crieur-apercu-ecran iframe, .crieur-apercu-lettre iframe { display: block; width: 100%; height: 100%; border: 1px solid #555; }
        .crieur-apercu-lettre { width: 100%; max-width: 48rem; height: 40rem; }
        .crieur-deborde { max-width: 48rem; border-left: 6px solid #b00020; padding: .3rem 1rem; background: #fdecee; }
        .crieur-apercu-facebook textarea { box-sizing: border-box; width: 100%; max-width: 48rem; font: inherit; }
        """

    // MARK: - Built-in channels

    static func builtIn(_ channel: Channel, item: Item, context: DeskPreviewContext) -> String? {
        switch channel {
        case .ecran: return screen(item, context: context)
        case .facebook: return facebook(item, context: context)
        case .newsletter: return newsletter(item, context: context)
        case .bulletin: return bulletin(item, context: context)
        case FlyerChannel.channel: return flyer(item, context: context)
        default: return nil
        }
    }

    static func screen(_ item: Item, context: DeskPreviewContext) -> String {
        let publication = context.publication
        let record = PublishedItem(item, itemName: publication.itemName, publishedOn: publication.today)
        let picture = item.image.flatMap { image in context.pictureURL.map { ItemImage(fileName: $0, alternativeText: image.alternativeText) } }
        let slide = Slide(record, image: picture, today: publication.today, calendar: publication.calendar,
                          settings: publication.config.screen, defaultDays: publication.config.window.screenDays)
        let moment = publication.calendar.moment(of: publication.now)
        let document = ScreenPage.previewDocument(
            slide: slide, imageSource: context.pictureURL, organisationName: publication.config.organisation.name,
            moment: (FrenchDates.day(publication.today, referenceYear: publication.today.year),
                     moment.time.map(FrenchDates.time) ?? ""))
        return """
            <div class="crieur-apercu crieur-apercu-ecran">
            <iframe title="\(HTML.escape("Aperçu de l'écran : " + item.title))" width="640" height="360" sandbox="allow-same-origin" srcdoc="\(HTML.escape(document))"></iframe>
            </div>

            """
    }

    static func facebook(_ item: Item, context: DeskPreviewContext) -> String {
        let renderer = FacebookPostRenderer(settings: context.publication.config.facebook)
        let post: FacebookPost
        do {
            post = try renderer.render(item, today: context.publication.today)
        } catch {
            return problemList("Facebook ne peut pas prendre cette annonce :", error.problems)
        }
        // Through the post's file, as the Facebook page reads it back: the text is the one it gives to copy.
        let entry = FacebookIndexEntry(fileName: post.fileName, contents: FacebookPostFile.encode(post))
            ?? FacebookIndexEntry(post: post)
        let rows = min(20, max(4, entry.text.split(separator: "\n", omittingEmptySubsequences: false).count + 1))
        let notes = entry.notes.split(separator: "\n").map { "<li>\(HTML.escape(String($0)))</li>\n" }.joined()
        // The newline after <textarea> is eaten by the HTML parser: the text starts on the next line.
        return """
            <div class="crieur-apercu crieur-apercu-facebook">
            <label for="crieur-apercu-facebook-texte">Le texte à coller sur Facebook (\(HTML.escape(BulletinDraft.number(entry.text.count)))\u{00A0}caractères)</label>
            <textarea id="crieur-apercu-facebook-texte" readonly rows="\(rows)" spellcheck="false">
            \(HTML.escape(entry.text))</textarea>
            \(notes.isEmpty ? "" : "<p>Note pour la personne qui publie :</p>\n<ul>\n\(notes)</ul>\n")</div>

            """
    }

    static func newsletter(_ item: Item, context: DeskPreviewContext) -> String {
        var config = context.publication.config
        if (config.smtp.fromAddress ?? "").isEmpty, config.organisation.email.isEmpty {
            // Not set up for sending yet: the article still shows (the sender is not in the preview).
            config.smtp.fromAddress = "apercu@apercu.invalid"
        }
        let templates = context.workspace.flatMap { try? NewsletterTemplates.load(from: $0) } ?? NewsletterTemplates.defaults()
        let html: String
        do {
            let renderer = try NewsletterRenderer(config: config, templates: templates, clock: FixedClock(context.publication.now))
            let title = config.newsletter.list(named: config.newsletter.defaultList)?.title ?? config.organisation.name
            let issue = NewsletterIssue(id: "apercu", title: title, date: context.publication.today, items: [item])
            html = try renderer.genericBodies(renderer.prepare(issue)).html
        } catch {
            return "<p>La lettre d'information ne peut pas être montrée : \(HTML.escape(String(describing: error)))</p>\n"
        }
        return """
            <div class="crieur-apercu crieur-apercu-lettre">
            <iframe title="\(HTML.escape("Aperçu de la lettre d'information : " + item.title))" width="640" height="640" sandbox="allow-same-origin" srcdoc="\(HTML.escape(html))"></iframe>
            </div>

            """
    }

    /// The item as a bulletin article, counted as the commune counts.
    static func bulletinArticle(_ item: Item, config: CrieurConfig, today: CivilDate, itemName: String) -> BulletinArticle {
        let record = PublishedItem(item, itemName: itemName, publishedOn: today)
        return BulletinArticle(record, contact: config.bulletin.contact.lines, quarter: Quarter(containing: record.published.date))
    }

    /// « 1 234 caractères sur 1 500 (espaces compris) ».
    static func bulletinCount(_ count: Int, limit: Int) -> String {
        "\(BulletinDraft.number(count)) caractères sur \(BulletinDraft.number(limit)) (espaces compris)"
    }

    static func bulletin(_ item: Item, context: DeskPreviewContext) -> String {
        let config = context.publication.config
        let article = bulletinArticle(item, config: config, today: context.publication.today, itemName: context.publication.itemName)
        let limit = config.bulletin.maxCharactersPerArticle
        var html = "<div class=\"crieur-apercu crieur-apercu-bulletin\">\n"
        html += "<p class=\"crieur-compte\">\(HTML.escape(bulletinCount(article.characterCount, limit: limit)))</p>\n"
        if let problem = BulletinDraft.lengthProblem(article, limit: limit) {
            html += "<p class=\"crieur-trop\">\(HTML.escape(problem))</p>\n"
        }
        return html + BulletinHTMLPage.article(article, number: 1) + "</div>\n"
    }

    static func flyer(_ item: Item, context: DeskPreviewContext) -> String {
        let publication = context.publication
        guard let publisher = FlyerChannel().publisher(config: publication.config, workspace: context.workspace ?? DeskChannels.noWorkspace)
            as? FlyerPublisher else { return "" }
        let sheet: FlyerSheet
        do {
            sheet = try publisher.renderer.sheet(item, context: publication)
        } catch {
            return problemList("L'affiche ne peut pas être imprimée ainsi :", error.problems)
        }
        var html = "<div class=\"crieur-apercu crieur-apercu-affiche\">\n"
        html += "<p>Une affiche A4 et un flyer A5 à imprimer : « \(HTML.escape(sheet.title)) ».</p>\n<ul>\n"
        for detail in sheet.details {
            html += "<li>\(HTML.escape(detail.label))\u{00A0}: \(HTML.escape(detail.value))</li>\n"
        }
        if let link = sheet.link { html += "<li>Code QR vers \(HTML.escape(link))</li>\n" }
        if sheet.picture != nil || item.image != nil { html += "<li>Avec l'image de l'annonce.</li>\n" }
        if !sheet.contact.isEmpty { html += "<li>Contact\u{00A0}: \(HTML.escape(sheet.contact.joined(separator: ", ")))</li>\n" }
        return html + "</ul>\n</div>\n"
    }

    static func calendarSummary(_ item: Item, when: EventWhen, context: DeskPreviewContext) -> String {
        let today = context.publication.today
        var html = "<div class=\"crieur-apercu crieur-apercu-agenda\">\n"
        html += "<p>Dans l'agenda (fichier .ics et page des événements)\u{00A0}: « \(HTML.escape(item.title)) », "
            + "\(HTML.escape(when.french(referenceYear: today.year)))"
        if let place = item.place, !place.isEmpty { html += ", \(HTML.escape(place))" }
        return html + ".</p>\n</div>\n"
    }

    static func problemList(_ heading: String, _ problems: [ItemProblem]) -> String {
        "<p>\(HTML.escape(heading))</p>\n<ul>\n"
            + problems.map { "<li>\(HTML.escape($0.message)) \(HTML.escape($0.fix))</li>\n" }.joined() + "</ul>\n"
    }

    /// A relative address (no scheme) or an http(s) one; nil for anything else (`javascript:`, `data:`).
    static func safePictureURL(_ url: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty, !trimmed.unicodeScalars.contains(where: { $0.value < 0x20 || $0 == "\\" }) else { return nil }
        let lower = trimmed.lowercased()
        if lower.hasPrefix("http://") || lower.hasPrefix("https://") { return trimmed }
        if lower.hasPrefix("//") { return nil }
        guard let colon = trimmed.firstIndex(of: ":") else { return trimmed }
        // A colon after a slash, « ? » or « # » is part of a path or query, not a scheme.
        return trimmed[..<colon].contains(where: { "/?#".contains($0) }) ? trimmed : nil
    }
}

/// What a channel's desk preview is given: the publication context the
/// renderers know, where the page shows the picture, and the workspace (its
/// templates), nil when the desk has none.
public struct DeskPreviewContext: Sendable {
    public var publication: PublicationContext
    /// The picture's address on the desk page, already checked (relative or http(s)).
    public var pictureURL: String?
    public var workspace: Workspace?
}

/// The configured channel publishers as the worker has them, for the desk's check.
enum DeskChannels {
    /// A root where nothing is: without a workspace a channel's files (the flyer's logo) are missing, never read elsewhere.
    static let noWorkspace = Workspace(root: "/nonexistent/crieur-desk-without-workspace")

    static func publishers(_ config: CrieurConfig, workspace: Workspace?) -> [any ChannelPublisher] {
        Publishers.all(config, workspace: workspace ?? noWorkspace)
    }
}
