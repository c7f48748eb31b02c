import Foundation

/// An item as it was published: what the listing channels (screen, feed,
/// bulletin, newsletter issues) need long after the item file went to
/// `queue/done/`. Holds no personal data: it is the public announcement.
public struct PublishedItem: Codable, Sendable, Equatable {
    /// The record's name in the archive, `AAAA-MM-JJ-slug` (`-2` for a second
    /// item with the same day and title). Not stored: it is the file's name.
    public var id: String = ""
    /// The item's file name in the queue, for staff.
    public var itemName: String
    public var title: String
    public var channels: [Channel]
    /// When it went out: its `Publication:` moment, else the day the worker published it.
    public var published: ItemMoment
    public var expires: ItemMoment?
    public var urgent: Bool
    public var link: String?
    public var place: String?
    /// The picture as copied into the archive, named `ID-original.jpg`.
    public var image: ItemImage?
    public var tags: [String]
    public var body: Body

    private enum CodingKeys: String, CodingKey {
        case itemName, title, channels, published, expires, urgent, link, place, image, tags, body
    }

    public init(_ item: Item, itemName: String, publishedOn today: CivilDate) {
        self.itemName = itemName
        self.title = item.title
        self.channels = item.channels
        self.published = item.publication ?? ItemMoment(date: today)
        self.expires = item.expires
        self.urgent = item.urgent
        self.link = item.link
        self.place = item.place
        self.image = item.image
        self.tags = item.tags
        self.body = item.body
    }

    /// The archive file name this record asks for, before collisions.
    public var preferredID: String { "\(published.date)-\(Slug.make(title))" }

    /// Shown at `instant`: published and not yet past its last day.
    public func isCurrent(at instant: Date, calendar: CivilCalendar) -> Bool {
        guard calendar.start(of: published) <= instant else { return false }
        guard let expires else { return true }
        return instant <= calendar.end(of: expires)
    }
}
