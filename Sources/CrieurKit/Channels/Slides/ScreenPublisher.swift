import Foundation

/// The `ecran` channel: the waiting-room screen, `out/slides/`.
///
/// `render` refuses an item with more words than a slide holds at television
/// reading size (`ScreenSettings.maxWordsPerSlide`), saying how many to cut, and
/// copies the item's picture into `out/slides/`. `refresh` rebuilds
/// `index.html` (`ScreenPage`) from the archive records of `ecran` items current
/// at that moment, then `version.json`, in that order, so a page that sees a new
/// version always finds the page that goes with it. Writes are durable; a write
/// that fails throws and the worker logs it, the previous page staying in place.
public struct ScreenPublisher: ChannelPublisher {
    public let channel = Channel.ecran
    public let settings: ScreenSettings

    public init(settings: ScreenSettings) {
        self.settings = settings
    }

    public func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> ChannelRendering {
        let problems = limitProblems(item, context: context)
        if !problems.isEmpty { throw ItemRejection(problems) }
        guard let image = item.image, let data = context.imageData else { return ChannelRendering(files: []) }
        let preferredID = PublishedItem(item, itemName: context.itemName, publishedOn: context.today).preferredID
        let name = Slide.imageFileName(preferredID: preferredID, original: image.fileName)
        return ChannelRendering(files: [OutputFile(name: name, data: data, keepOthers: false)])
    }

    public func limitProblems(_ item: Item, context: PublicationContext) -> [ItemProblem] {
        let words = Slide.wordCount(title: item.title, body: Slide.body(screenText: item.screenText, body: item.body))
        guard words > settings.maxWordsPerSlide else { return [] }
        return [ItemProblem(
            line: item.bodyFirstLine,
            message: "Pour l'écran de la salle d'attente, l'annonce compte \(words) mots (titre et texte) ; "
                + "une diapositive lisible de loin en contient au plus \(settings.maxWordsPerSlide).",
            fix: "Retirez au moins \(words - settings.maxWordsPerSlide) mots : gardez quoi, pour qui, où et quand. "
                + "Ou ajoutez une ligne « Texte écran: » avec un texte court pour l'écran seulement : "
                + "les autres canaux gardent le texte complet."
        )]
    }

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {
        let present = Set(try folder.names())
        let current = published.filter { $0.channels.contains(.ecran) && $0.isCurrent(at: context.now, calendar: context.calendar, defaultDays: context.config.window.screenDays) }
        // Urgent items first, then the newest.
        let ordered = current.enumerated().sorted { a, b in
            a.element.urgent != b.element.urgent ? a.element.urgent : a.offset > b.offset
        }.map(\.element)
        let slides = ordered.map { item in
            Slide(item, image: picture(of: item, among: present), today: context.today,
                  calendar: context.calendar, settings: settings, defaultDays: context.config.window.screenDays)
        }
        let page = ScreenPage.render(
            slides: slides, organisationName: context.config.organisation.name,
            settings: settings, timeZone: context.calendar.timeZone, builtAt: context.calendar.rfc3339(context.now))
        // Same slides as the page in place: keep it, and with it the moment its
        // content was first built, which a restarted television compares.
        let versionFile = Data(ScreenPage.versionFile(page.version).utf8)
        if present.contains("index.html"), try folder.read("version.json") == versionFile { return }
        try folder.write(OutputFile(name: "index.html", data: Data(page.html.utf8), keepOthers: false))
        try folder.write(OutputFile(name: "version.json", data: versionFile, keepOthers: false))
    }

    /// The picture `render` copied for this record, when it is there.
    private func picture(of item: PublishedItem, among present: Set<String>) -> ItemImage? {
        guard let image = item.image else { return nil }
        // The archive names its copy `ID-original`; the slide copy uses the original name.
        let original = image.fileName.hasPrefix(item.id + "-") && !item.id.isEmpty
            ? String(image.fileName.dropFirst(item.id.count + 1)) : image.fileName
        let name = Slide.imageFileName(preferredID: item.preferredID, original: original)
        return present.contains(name) ? ItemImage(fileName: name, alternativeText: image.alternativeText) : nil
    }
}
