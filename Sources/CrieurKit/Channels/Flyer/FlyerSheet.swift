/// What one poster or flyer shows, taken from an item: the title, « Quand »
/// and « Où », the body, the picture, the centre's contact block and logo,
/// and the QR code of the item's link. Both formats print the same sheet.
public struct FlyerSheet: Sendable {
    public struct Detail: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    public var title: String
    /// « Quand » and « Où », those the item has.
    public var details: [Detail]
    public var body: Body
    public var picture: FlyerPicture?
    public var contact: [String]
    public var logo: FlyerPicture?
    /// The item's link, printed under its QR code.
    public var link: String?
    public var qrCode: QRCode?
    /// « Ajouter à mon agenda »: where the event's `.ics` is published, printed
    /// (and clickable in the HTML page) when the event has one.
    public var calendarLink: String?

    public init(
        title: String, details: [Detail], body: Body, picture: FlyerPicture? = nil, contact: [String] = [],
        logo: FlyerPicture? = nil, link: String? = nil, qrCode: QRCode? = nil, calendarLink: String? = nil
    ) {
        self.title = title
        self.details = details
        self.body = body
        self.picture = picture
        self.contact = contact
        self.logo = logo
        self.link = link
        self.qrCode = qrCode
        self.calendarLink = calendarLink
    }

    /// The link as printed in the footer: up to 100 characters, which someone
    /// may still type; a longer one is left to the QR code.
    var printedLink: String? { link.flatMap { $0.count <= 100 ? $0 : nil } }

    /// « Le samedi 12 décembre de 9 h 30 à 12 h », with the year only when it is not `today`'s.
    static func details(of item: Item, today: CivilDate) -> [Detail] {
        var details: [Detail] = []
        if let when = item.when {
            let words = when.french(referenceYear: today.year)
            details.append(Detail(label: "Quand", value: words.prefix(1).uppercased() + words.dropFirst()))
        }
        if let place = item.place, !place.isEmpty { details.append(Detail(label: "Où", value: place)) }
        return details
    }

    /// The body as printed lines of plain text (links as their words and
    /// address), a list entry starting with its bullet; blocks in order.
    var plainBlocks: [(lines: [String], isList: Bool)] {
        body.blocks.map { block in
            switch block {
            case .paragraph(let lines): return (lines.map(BodyPlainText.render(line:)), false)
            case .list(let entries): return (entries.map { "• " + BodyPlainText.render(line: $0) }, true)
            }
        }
    }
}
