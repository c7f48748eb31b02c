import Foundation

/// One item as the screen shows it: text in French words, its picture, when it
/// starts and ends (RFC 3339 instants, for the page's own clock) and how long it
/// stays. Built from an archive record; pure.
public struct Slide: Sendable, Equatable {
    public var title: String
    /// `Urgent: oui`: the slide carries an « URGENT » mark.
    public var urgent: Bool
    /// The body as an HTML fragment, escaped, links written out as text.
    public var bodyHTML: String
    /// "Où", "Quand", "Plus d'infos": label and plain text, in that order.
    public var details: [Detail]
    public var image: ItemImage?
    public var start: String
    public var end: String?
    public var seconds: Int

    public struct Detail: Sendable, Equatable {
        public var label: String
        public var text: String
    }

    /// `image`: the picture's name in `out/slides/`, or nil to show none.
    /// `defaultDays`: how long an item without an end stays (`DisplayWindow`).
    public init(
        _ item: PublishedItem, image: ItemImage?, today: CivilDate, calendar: CivilCalendar, settings: ScreenSettings,
        defaultDays: Int? = nil
    ) {
        self.title = FrenchSpacing.bindingNumbers(item.title)
        self.urgent = item.urgent
        let body = Self.body(screenText: item.screenText, body: item.body)
        self.bodyHTML = BodyHTML.render(Self.bindingNumbers(body), links: .asText)
        var details: [Detail] = []
        if let place = item.place, !place.isEmpty {
            details.append(Detail(label: "Où", text: FrenchSpacing.bindingNumbers(place)))
        }
        if let when = item.when {
            details.append(Detail(label: "Quand", text: FrenchSpacing.bindingNumbers(when.french(referenceYear: today.year))))
        }
        if let link = item.link, !link.isEmpty {
            details.append(Detail(label: "Plus d'infos", text: Self.readableAddress(link)))
        }
        self.details = details
        self.image = image
        self.start = calendar.rfc3339(calendar.start(of: item.published))
        self.end = item.window(defaultDays: defaultDays).endInstant(calendar).map(calendar.rfc3339)
        let shown = [item.title, BodyPlainText.render(body)] + details.map { "\($0.label) \($0.text)" }
        self.seconds = settings.seconds(forWords: Self.wordCount(shown.joined(separator: "\n")))
    }

    /// What the slide shows under its title: the item's `Texte écran` when it has one, else its body.
    public static func body(screenText: String?, body: Body) -> Body {
        screenText.map { BodyParser.parse($0) } ?? body
    }

    /// The body with no-break spaces in its times and dates (`FrenchSpacing`).
    static func bindingNumbers(_ body: Body) -> Body {
        func bind(_ line: Body.Line) -> Body.Line {
            line.map { inline in
                switch inline {
                case .text(let text): .text(FrenchSpacing.bindingNumbers(text))
                case .strong(let text): .strong(FrenchSpacing.bindingNumbers(text))
                case .link(let text, let url): .link(text: FrenchSpacing.bindingNumbers(text), url: url)
                }
            }
        }
        return Body(blocks: body.blocks.map { block in
            switch block {
            case .paragraph(let lines): .paragraph(lines.map(bind))
            case .list(let entries): .list(entries.map(bind))
            }
        })
    }

    /// Words as a reader counts them: runs of non-space holding a letter or a digit
    /// (a lone "?" or "-" is not a word).
    public static func wordCount(_ text: String) -> Int {
        text.split(whereSeparator: { $0.isWhitespace })
            .filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }
            .count
    }

    /// The words an item puts on its slide, as `maxWordsPerSlide` counts them.
    public static func wordCount(title: String, body: Body) -> Int {
        wordCount(title + "\n" + BodyPlainText.render(body))
    }

    /// An address to read and type, not click: no `https://`, no final `/`.
    static func readableAddress(_ link: String) -> String {
        var address = Substring(link)
        for scheme in ["https://", "http://"] where address.lowercased().hasPrefix(scheme) {
            address = address.dropFirst(scheme.count)
        }
        while address.hasSuffix("/") { address = address.dropLast() }
        return String(address)
    }

    /// The picture's name in `out/slides/`: the record's preferred id and the
    /// name staff gave it, so the publisher (which renders before the record
    /// exists) and the page (built from records) agree on it.
    static func imageFileName(preferredID: String, original: String) -> String {
        "\(preferredID)-\(original)"
    }
}
