import Foundation

/// Writes `out/feed/atom.xml` (`AtomFeed`) when the worker refreshes its pages,
/// with the social directory's « Bottin social mis à jour » (`DirectoryUpdate`)
/// among the items when the bottin changed within the feed's window.
/// A failed write throws; the worker logs it and the previous feed stays.
public struct FeedPage: ListingPage {
    public let outputFolderName = "feed"
    public static let fileName = "atom.xml"

    public init() {}

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {
        // « Bottin social mis à jour », when the directory recorded a change (`out/directory/`, beside `out/feed/`).
        let directoryOutput = (FileSystem.parent(of: folder.path) as NSString).appendingPathComponent("directory")
        let update = DirectoryUpdate.read(DirectoryUpdate.path(inDirectoryOutput: directoryOutput))
            .map { $0.feedItem(nameWithDe: context.config.organisation.withDe) }
        let xml = AtomFeed.render(published + (update.map { [$0] } ?? []), organisation: context.config.organisation, now: context.now, calendar: context.calendar,
                                  defaultDays: context.config.window.feedDays, calendarLinks: context.config.calendar)
        try folder.write(OutputFile(name: Self.fileName, data: Data(xml.utf8), keepOthers: false))
    }
}
