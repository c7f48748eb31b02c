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
    /// `Texte écran:`, shown on the screen instead of the body.
    public var screenText: String?

    // Life over time (absent from records written before corrections existed:
    // see the accessors below for what such a record means).

    /// `ItemIdentity` of the item this record is a version of.
    public var identityKey: String?
    /// 1 for the first version of an occurrence, 2 for its first correction…
    public var version: Int?
    /// 1 for the item as written, 2 for its first repetition (`Répéter:`)…
    public var occurrence: Int?
    /// `ItemIdentity.fingerprint` of the version's title and body.
    public var fingerprint: String?
    /// When this version was recorded (RFC 3339, the centre's time zone): the feed's `updated`.
    public var recorded: String?
    /// Set on the version that withdraws the item (`Statut: annulé`, `crieur withdraw`).
    public var withdrawal: Withdrawal?
    /// `Répéter:` and `Jusqu'au:` of the item, for `crieur list`.
    public var repetition: Repetition?
    public var repeatUntil: ItemMoment?
    /// The files this version wrote in each channel's folder (by channel name), taken down when it is replaced.
    public var outputs: [String: [String]]?

    /// The item is no longer in force: why and since when.
    public struct Withdrawal: Codable, Sendable, Equatable {
        public var reason: String?
        /// RFC 3339, the centre's time zone.
        public var time: String

        public init(reason: String?, time: String) {
            self.reason = reason
            self.time = time
        }
    }

    /// Filled by `PublishedArchive.load()`, not stored: the record id of the
    /// identity's first version (a stable id for the feed).
    public var firstID: String = ""

    private enum CodingKeys: String, CodingKey {
        case itemName, title, channels, published, expires, when, urgent, link, place, image, tags, body, screenText
        case identityKey = "identity", version, occurrence, fingerprint, recorded, withdrawal, repetition, repeatUntil, outputs
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
        self.screenText = item.screenText
        self.identityKey = ItemIdentity.of(item, fileName: itemName)
        self.fingerprint = ItemIdentity.fingerprint(item)
        self.repetition = item.repetition
        self.repeatUntil = item.repeatUntil
    }

    /// The item's identity; a record from before identities existed is its file name's.
    public var identity: String { identityKey ?? ItemIdentity.of(fileName: itemName) }
    public var versionNumber: Int { version ?? 1 }
    public var occurrenceNumber: Int { occurrence ?? 1 }
    public var isWithdrawn: Bool { withdrawal != nil }

    /// The archive file name this record asks for, before collisions.
    public var preferredID: String { "\(published.date)-\(Slug.make(title))" }

    /// Shown at `instant` on a listing channel whose default is `defaultDays`:
    /// in force, published and not yet past the end of its window.
    public func isCurrent(at instant: Date, calendar: CivilCalendar, defaultDays: Int? = nil) -> Bool {
        guard !isWithdrawn else { return false }
        return isInWindow(at: instant, calendar: calendar, defaultDays: defaultDays)
    }

    /// Inside its display window at `instant`, withdrawn or not.
    public func isInWindow(at instant: Date, calendar: CivilCalendar, defaultDays: Int? = nil) -> Bool {
        window(defaultDays: defaultDays).contains(instant, calendar: calendar)
    }
    /// When a listing channel whose default is `defaultDays` (nil: none) shows it.
    public func window(defaultDays: Int?) -> DisplayWindow {
        DisplayWindow(start: published, expires: expires, when: when, defaultDays: defaultDays)
    }

}
