import Foundation

/// The `facebook` channel: one text file per item in `out/facebook/` (post to
/// paste, then notes for whoever posts it), the item's picture beside it, and
/// `index.html` listing every post with a "Copier" button.
public struct FacebookPublisher: ChannelPublisher {
    public let channel = Channel.facebook
    public let renderer: FacebookPostRenderer

    public init(settings: FacebookSettings) {
        self.renderer = FacebookPostRenderer(settings: settings)
    }

    public func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> ChannelRendering {
        let post = try renderer.render(item, today: context.today)
        var files = [OutputFile(name: post.fileName, data: Data(FacebookPostFile.encode(post).utf8))]
        if let name = post.imageFileName, let data = context.imageData {
            files.append(OutputFile(name: name, data: data))
        }
        return ChannelRendering(files: files, warnings: post.warnings)
    }

    public func limitProblems(_ item: Item, context: PublicationContext) -> [ItemProblem] {
        do {
            _ = try renderer.render(item, today: context.today)
            return []
        } catch {
            return error.problems
        }
    }

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {
        var entries: [FacebookIndexEntry] = []
        for name in try folder.names() where name.hasSuffix(".txt") {
            guard let data = try folder.read(name), let contents = String(data: data, encoding: .utf8),
                  let entry = FacebookIndexEntry(fileName: name, contents: contents) else { continue }
            entries.append(entry)
        }
        let page = FacebookIndexPage.render(
            posts: entries, organisationName: context.config.organisation.name,
            generatedAt: context.calendar.timestamp(context.now))
        try folder.write(OutputFile(name: "index.html", data: Data(page.utf8), keepOthers: false))
    }
}
