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
    /// `Quand:`, the event; absent from records written before it existed.
    public var when: EventWhen?
    public var urgent: Bool
    public var link: String?
    public var place: String?
    /// The picture as copied into the archive, named `ID-original.jpg`.
    public var image: ItemImage?
    public var tags: [String]
    public var body: Body

    private enum CodingKeys: String, CodingKey {
        case itemName, title, channels, published, expires, when, urgent, link, place, image, tags, body
    }

    public init(_ item: Item, itemName: String, publishedOn today: CivilDate) {
        self.itemName = itemName
        self.title = item.title
        self.channels = item.channels
        self.published = item.publication ?? ItemMoment(date: today)
        self.expires = item.expires
        self.when = item.when
        self.urgent = item.urgent
        self.link = item.link
        self.place = item.place
        self.image = item.image
        self.tags = item.tags
        self.body = item.body
    }

    /// The archive file name this record asks for, before collisions.
    public var preferredID: String { "\(published.date)-\(Slug.make(title))" }

    /// When a listing channel whose default is `defaultDays` (nil: none) shows it.
    public func window(defaultDays: Int?) -> DisplayWindow {
        DisplayWindow(start: published, expires: expires, when: when, defaultDays: defaultDays)
    }

    /// Shown at `instant` on a listing channel whose default is `defaultDays`:
    /// published and not yet past the end of its window.
    public func isCurrent(at instant: Date, calendar: CivilCalendar, defaultDays: Int? = nil) -> Bool {
        window(defaultDays: defaultDays).contains(instant, calendar: calendar)
    }
}
