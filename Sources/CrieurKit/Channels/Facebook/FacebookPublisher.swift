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
        let post = try renderer.render(item, today: context.today, replacing: context.previous)
        var files = [OutputFile(name: post.fileName, data: Data(FacebookPostFile.encode(post).utf8))]
        if let name = post.imageFileName, let data = context.imageData {
            files.append(OutputFile(name: name, data: data))
        }
        return ChannelRendering(files: files, warnings: post.warnings)
    }

    /// The post stays in the folder, opening with « À RETIRER DE FACEBOOK »: whoever
    /// posted it sees on the index page that it must come down, and why.
    public func retract(_ record: PublishedItem, files: [String], folder: OutputFolder, context: PublicationContext) throws {
        for name in files where name.hasSuffix(".txt") {
            guard let data = try folder.read(name), let contents = String(data: data, encoding: .utf8) else { continue }
            let post = FacebookPostFile.decode(contents)
            var notes = post.notes.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if let first = notes.first, FacebookPostFile.alert(inNotes: first) != nil { notes.removeFirst() }
            let reason = record.withdrawal?.reason.map { " Raison : \($0)." } ?? ""
            notes.insert(FacebookPostFile.withdrawnMark + " : cette annonce est annulée. Supprimez la publication sur la page Facebook "
                + "(ou modifiez-la pour dire que c'est annulé).\(reason)", at: 0)
            let rewritten = FacebookPostFile.encode(text: post.text, notes: notes.filter { !$0.isEmpty })
            try folder.write(OutputFile(name: name, data: Data(rewritten.utf8), keepOthers: false))
        }
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
        let names = try folder.names()
        for name in names where name.hasSuffix(".txt") {
            guard let data = try folder.read(name), let contents = String(data: data, encoding: .utf8),
                  let entry = FacebookIndexEntry(fileName: name, contents: contents) else { continue }
            entries.append(entry)
        }
        let page = FacebookIndexPage.render(
            posts: entries, organisationName: context.config.organisation.name,
            generatedAt: context.calendar.timestamp(context.now), pictures: Set(names))
        try folder.write(OutputFile(name: "index.html", data: Data(page.utf8), keepOthers: false))
    }
}
