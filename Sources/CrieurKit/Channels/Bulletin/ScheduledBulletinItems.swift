import Foundation

/// The `bulletin` items accepted and waiting in `queue/deferred/` for their
/// publication day, as the archive records they will become.
///
/// A coming quarter's draft is due before that quarter starts (the commune's
/// deadline), when most of its items still wait for their day: without them
/// the draft would be nearly empty. The readability gate has already passed
/// them (the worker checks before deferring). Reads only: a file that cannot
/// be read or parsed is skipped here, and the worker deals with it when due.
public struct ScheduledBulletinItems: Sendable {
    public let queue: QueueLayout

    public init(queue: QueueLayout) {
        self.queue = queue
    }

    /// A waiting item and the path of its picture in the queue, if any.
    public struct Scheduled: Sendable {
        /// Named as the archive will name it; its picture as the bulletin will copy it.
        public var record: PublishedItem
        public var picturePath: String?
    }

    public func load(today: CivilDate, maxItemBytes: Int) throws -> [Scheduled] {
        let folder = queue.directory(.deferred)
        guard try FileSystem.info(folder) != nil else { return [] }
        let parser = ItemParser(maxBytes: maxItemBytes)
        var scheduled: [Scheduled] = []
        for name in try FileSystem.names(in: folder).sorted() where QueueLayout.isItemName(name) {
            guard let data = try? ItemFile.read(queue.path(.deferred, name), maxBytes: maxItemBytes),
                  let item = try? parser.parse(data, fileName: name), item.channels.contains(.bulletin) else { continue }
            var record = PublishedItem(item, itemName: name, publishedOn: today)
            record.id = record.preferredID
            var picturePath: String?
            if let image = item.image {
                record.image = ItemImage(fileName: "\(record.id)-\(image.fileName)", alternativeText: image.alternativeText)
                picturePath = queue.path(.deferred, QueueLayout.attachmentName(item: name, image: image.fileName))
            }
            scheduled.append(Scheduled(record: record, picturePath: picturePath))
        }
        return scheduled
    }
}
