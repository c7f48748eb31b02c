import Foundation

/// The `bulletin` channel: a draft per quarter in `out/bulletin/` (`AAAA-Tn.txt`,
/// `.html`, `.fodt`, `.odt`) for the commune's editor, and the items' pictures beside it.
///
/// Rendering an item writes only its picture (under its archive name) and
/// never refuses it: a text too long for the commune is flagged in the draft's
/// summary instead. `refresh` rebuilds the drafts `BulletinSchedule` names for
/// today from the archive records and from the bulletin items waiting in
/// `queue/deferred/` for their day (with their pictures). A failed write throws; the worker logs it
/// and tries again at its next refresh. With a `mailer` and `bulletin.editorAddress`,
/// each draft written is e-mailed to the commune's editor (`BulletinMailer`).
public struct BulletinPublisher: ChannelPublisher {
    public let channel = Channel.bulletin
    public let settings: BulletinSettings
    /// Where waiting items are read.
    public let queue: QueueLayout
    /// Sends the drafts to `settings.editorAddress`; nil: they are only written.
    public let mailer: BulletinMailer?

    public init(settings: BulletinSettings, queue: QueueLayout, mailer: BulletinMailer? = nil) {
        self.settings = settings
        self.queue = queue
        self.mailer = mailer
    }

    public func render(_ item: Item, context: PublicationContext) throws(ItemRejection) -> ChannelRendering {
        guard let image = item.image, let data = context.imageData else { return ChannelRendering(files: []) }
        let record = PublishedItem(item, itemName: context.itemName, publishedOn: context.today)
        return ChannelRendering(files: [OutputFile(name: "\(record.preferredID)-\(image.fileName)", data: data, keepOthers: false)])
    }

    public func refresh(_ folder: OutputFolder, published: [PublishedItem], context: PublicationContext) throws {
        let scheduled = try ScheduledBulletinItems(queue: queue).load(today: context.today, maxItemBytes: context.config.queue.maxItemBytes)
        for quarter in BulletinSchedule.quarters(on: context.today, settings: settings) {
            let draft = draft(quarter, published: published, scheduled: scheduled, context: context)
            try write(draft, to: folder, picture: Self.pictures(of: scheduled))
            if let mailer, let editor = settings.editorAddress {
                try mailer.send(draft, odt: BulletinODF.package(draft), to: editor, context: context)
            }
        }
    }

    public func draft(
        _ quarter: Quarter, published: [PublishedItem], scheduled: [ScheduledBulletinItems.Scheduled], context: PublicationContext
    ) -> BulletinDraft {
        BulletinDraft(
            quarter: quarter, published: published, scheduled: scheduled.map(\.record), settings: settings,
            organisationName: context.config.organisation.name, preparedOn: context.today,
            defaultDays: context.config.window.bulletinDays)
    }

    /// Reads a waiting item's picture from the queue by the name the draft gives it.
    public static func pictures(of scheduled: [ScheduledBulletinItems.Scheduled]) -> (String) throws -> Data? {
        let paths = Dictionary(
            scheduled.compactMap { item in item.record.image.map { ($0.fileName, item.picturePath) } },
            uniquingKeysWith: { first, _ in first })
        return { name in
            guard let path = paths[name] ?? nil else { return nil }
            return try? ItemFile.readImage(path, fileName: name)
        }
    }

    /// Writes the draft's four files; `picture` gives the bytes of a picture
    /// missing from the folder (from the archive), or `nil` to leave it out.
    @discardableResult
    public func write(_ draft: BulletinDraft, to folder: OutputFolder, picture: (String) throws -> Data? = { _ in nil }) throws -> [String] {
        for name in draft.articles.compactMap(\.picture?.fileName) where try FileSystem.info("\(folder.path)/\(name)") == nil {
            if let data = try picture(name) { try folder.write(OutputFile(name: name, data: data, keepOthers: false)) }
        }
        let base = draft.quarter.description
        return try [
            OutputFile(name: "\(base).txt", data: Data(BulletinPlainText.render(draft).utf8), keepOthers: false),
            OutputFile(name: "\(base).html", data: Data(BulletinHTMLPage.render(draft).utf8), keepOthers: false),
            OutputFile(name: "\(base).fodt", data: Data(BulletinODF.flat(draft).utf8), keepOthers: false),
            OutputFile(name: "\(base).odt", data: BulletinODF.package(draft), keepOthers: false),
        ].map { try folder.write($0) }
    }
}
