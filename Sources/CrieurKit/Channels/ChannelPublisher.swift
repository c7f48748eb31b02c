import Foundation

/// A channel as the worker sees it: render an item into files (pure, may refuse
/// it), then rebuild the channel's listing pages from what its folder holds.
/// The worker renders every channel of an item before writing anything, so an
/// item refused by one channel is published nowhere.
public protocol ChannelPublisher: Sendable {
    var channel: Channel { get }

    /// The files this item becomes on this channel, without touching the disk.
    /// Throws when the item cannot be published here (e.g. too long for Facebook).
    func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> ChannelRendering

    /// Rebuilds pages that list many items (an index, a playlist) from the folder
    /// or from `published`, every record of `out/archive/` (oldest first).
    func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws

    /// The item is withdrawn (`record` is its withdrawing version; `files` are
    /// those its last version wrote here). Channels that list items need do
    /// nothing: `refresh` no longer shows it. A channel whose copies staff post
    /// by hand (Facebook) says there that it must be taken down.
    func retract(_ record: PublishedItem, files: [String], folder: OutputFolder, context: PublicationContext) throws

    /// The refusals this channel can tell at little cost (a word or character limit),
    /// asked before the readability check reads the whole text: a megabyte dropped
    /// for the screen is refused for its length at once. Empty when within limits.
    func limitProblems(_ item: Item, context: PublicationContext) -> [ItemProblem]
}

extension ChannelPublisher {
    public func retract(_ record: PublishedItem, files: [String], folder: OutputFolder, context: PublicationContext) throws {}

    public func limitProblems(_ item: Item, context: PublicationContext) -> [ItemProblem] { [] }
}

/// What a channel needs to know besides the item.
public struct PublicationContext: Sendable {
    public var now: Date
    public var calendar: CivilCalendar
    public var config: CrieurConfig
    /// The item's file name in the queue, for messages.
    public var itemName: String
    /// The item's picture, when it has one.
    public var imageData: Data?
    /// The version this one replaces, when it is a correction of a published item.
    public var previous: PublishedItem?

    public var today: CivilDate { calendar.civilDate(of: now) }

    public init(now: Date, calendar: CivilCalendar, config: CrieurConfig, itemName: String, imageData: Data? = nil,
                previous: PublishedItem? = nil) {
        self.previous = previous
        self.now = now
        self.calendar = calendar
        self.config = config
        self.itemName = itemName
        self.imageData = imageData
    }
}

/// The result of rendering one item on one channel.
public struct ChannelRendering: Sendable, Equatable {
    public var files: [OutputFile]
    /// Remarks for staff that do not stop publication, in French.
    public var warnings: [String]

    public init(files: [OutputFile], warnings: [String] = []) {
        self.files = files
        self.warnings = warnings
    }
}

/// One file to write in the channel's `out/` folder.
public struct OutputFile: Sendable, Equatable {
    /// A plain file name inside the channel's folder.
    public var name: String
    public var data: Data
    /// A file of the same name and different content belongs to another item:
    /// keep both (`NAME-2`) rather than replace it.
    public var keepOthers: Bool

    public init(name: String, data: Data, keepOthers: Bool = true) {
        precondition(!name.contains("/") && !name.hasPrefix("."), "output names are plain file names")
        self.name = name
        self.data = data
        self.keepOthers = keepOthers
    }
}
