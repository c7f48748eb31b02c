/// A page in `out/` that lists published items without being a channel of its
/// own (the Atom feed): nothing to render per item, only a page to rebuild
/// from the archive. The worker refreshes listings beside the channels: after
/// publishing, and at least once a day.
public protocol ListingPage: Sendable {
    /// The folder in `out/` the page lives in.
    var outputFolderName: String { get }

    /// Rebuilds the page from `published`, every record of `out/archive/`
    /// (oldest first), as things stand at `context.now`.
    func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws
}
