/// One article of the bulletin draft: an item as the commune will print it,
/// with its practical details and the centre's contact block, and its length
/// counted the way the commune counts.
public struct BulletinArticle: Sendable, Equatable {
    public var title: String
    public var body: Body
    /// `Où`, `Quand`, `Lien`, in that order, only those the item has.
    public var details: [Detail]
    /// For the editor, not printed: the picture file beside the draft and its description.
    public var picture: ItemImage?
    public var contact: [String]
    /// The item's file name in the queue, so the editor can ask staff about it.
    public var itemName: String
    /// Set when the item still waits in the queue for this publication day.
    public var scheduledFor: CivilDate?

    public struct Detail: Sendable, Equatable {
        public var label: String
        public var value: String
    }

    /// `Quand` is the item's event (`Quand:`), with the year when it is not the quarter's.
    public init(_ item: PublishedItem, contact: [String], quarter: Quarter, scheduled: Bool = false) {
        self.title = item.title
        self.body = item.body
        var details: [Detail] = []
        if let place = item.place { details.append(Detail(label: "Où", value: place)) }
        if let when = item.when {
            details.append(Detail(label: "Quand", value: Self.capitalisedFirst(when.french(referenceYear: quarter.year))))
        }
        if let link = item.link { details.append(Detail(label: "Lien", value: link)) }
        self.details = details
        self.picture = item.image
        self.contact = contact
        self.itemName = item.itemName
        self.scheduledFor = scheduled ? item.published.date : nil
    }

    /// The lines the commune prints, without blank lines.
    public var printedLines: [String] {
        [title]
            + BodyPlainText.render(body).split(separator: "\n").map(String.init)
            + details.map { "\($0.label) : \($0.value)" }
            + contact
    }

    /// Characters as a word processor counts them "espaces compris": every
    /// user-perceived character (an accented letter is one, whatever its
    /// encoding), spaces included, paragraph breaks not counted.
    public var characterCount: Int {
        printedLines.reduce(0) { $0 + $1.count }
    }

    private static func capitalisedFirst(_ text: String) -> String {
        text.prefix(1).uppercased() + text.dropFirst()
    }
}
