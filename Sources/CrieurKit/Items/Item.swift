/// One announcement, as staff wrote it, after parsing and validation.
/// Values are already checked: dates exist, end is not before start, the link
/// uses http(s), an image has its alternative text.
public struct Item: Hashable, Sendable {
    public var title: String
    /// Distinct channels, in the order staff listed them.
    public var channels: [Channel]
    /// First moment of publication; `nil` means as soon as the worker sees it.
    public var publication: ItemMoment?
    /// Last day (or moment) shown; after it the item leaves the screen and digests.
    public var expires: ItemMoment?
    /// `Quand:`, the event itself; what channels print as « Quand ». Nil for a
    /// service that is simply open (nothing is printed then).
    public var when: EventWhen?
    public var urgent: Bool
    public var link: String?
    public var place: String?
    public var image: ItemImage?
    /// Tags as written, trimmed, without `#`.
    public var tags: [String]
    /// `Dérogation:` reason: publish despite readability findings.
    public var override: String?
    public var body: Body
    /// The body as written (LF line ends), for the readability checker.
    public var bodyText: String
    /// 1-based line of the body's first line in the source file.
    public var bodyFirstLine: Int
    /// 1-based line of `Titre:` in the source file (1 for JSON items).
    public var titleLine: Int
    /// `Id:` as written; without it the item's identity is its file name (`ItemIdentity`).
    public var explicitID: String?
    /// `Statut: annulé` withdraws the item everywhere, with an optional `Raison:`.
    public var status: ItemStatus
    public var statusReason: String?
    /// `Répéter:`: the item comes back by itself each period, until `repeatUntil` (`Jusqu'au:`).
    public var repetition: Repetition?
    public var repeatUntil: ItemMoment?
    /// `Texte écran:`: a short text the screen shows instead of the body.
    public var screenText: String?

    public init(
        title: String, channels: [Channel], publication: ItemMoment? = nil, expires: ItemMoment? = nil,
        urgent: Bool = false, link: String? = nil, place: String? = nil, image: ItemImage? = nil,
        tags: [String] = [], override: String? = nil, body: Body, bodyText: String, bodyFirstLine: Int,
        titleLine: Int = 1, when: EventWhen? = nil, explicitID: String? = nil, status: ItemStatus = .active,
        statusReason: String? = nil, repetition: Repetition? = nil, repeatUntil: ItemMoment? = nil, screenText: String? = nil
    ) {
        self.when = when
        self.titleLine = titleLine
        self.explicitID = explicitID
        self.status = status
        self.statusReason = statusReason
        self.repetition = repetition
        self.repeatUntil = repeatUntil
        self.screenText = screenText
        self.title = title
        self.channels = channels
        self.publication = publication
        self.expires = expires
        self.urgent = urgent
        self.link = link
        self.place = place
        self.image = image
        self.tags = tags
        self.override = override
        self.body = body
        self.bodyText = bodyText
        self.bodyFirstLine = bodyFirstLine
    }
}

/// A picture file beside the item in the queue, with its description.
public struct ItemImage: Hashable, Sendable, Codable {
    /// A plain file name (no folder), found beside the item.
    public var fileName: String
    public var alternativeText: String

    public init(fileName: String, alternativeText: String) {
        self.fileName = fileName
        self.alternativeText = alternativeText
    }
}
