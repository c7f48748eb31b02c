import Foundation

/// Writes `out/feed/atom.xml` (`AtomFeed`) when the worker refreshes its pages.
/// A failed write throws; the worker logs it and the previous feed stays.
public struct FeedPage: ListingPage {
    public let outputFolderName = "feed"
    public static let fileName = "atom.xml"

    public init() {}

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {
        let xml = AtomFeed.render(published, organisation: context.config.organisation, now: context.now, calendar: context.calendar,
                                  defaultDays: context.config.window.feedDays, calendarLinks: context.config.calendar)
        try folder.write(OutputFile(name: Self.fileName, data: Data(xml.utf8), keepOthers: false))
    }
}
