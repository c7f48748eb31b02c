import Foundation

/// What the processor must know besides the item to tell a new item from a
/// correction, a repeat of itself or a copy of another: the latest archived
/// version of each identity and the items waiting in `queue/deferred/`.
/// The worker builds it once per pass and keeps it up to date as it goes;
/// `check` and `enqueue` build it the same way, so all three give one verdict.
public struct KnownItems: Sendable {
    /// The latest version of each identity (`PublishedArchive.load()`).
    public var latest: [String: PublishedItem]
    /// Valid items waiting for their date.
    public var queued: [Queued]
    /// Fingerprints of every version of each identity, so a copy of an earlier
    /// version of a current item is seen as a copy too.
    public var versions: [String: Set<String>] = [:]

    public struct Queued: Sendable, Equatable {
        /// The file's name in `queue/deferred/`.
        public var name: String
        public var identity: String
        public var fingerprint: String
    }

    public init(latest: [PublishedItem] = [], queued: [Queued] = []) {
        self.latest = Dictionary(latest.map { ($0.identity, $0) }, uniquingKeysWith: { _, last in last })
        self.queued = queued
    }

    /// Reads the archive and the deferred items of a workspace. Unreadable
    /// deferred files are skipped: the worker refuses them when they fall due.
    public static func read(_ workspace: Workspace, parser: ItemParser) throws -> KnownItems {
        let history = try workspace.archive.loadHistory().items
        var known = KnownItems(latest: PublishedArchive.latestVersions(history))
        for record in history {
            if let fingerprint = record.fingerprint { known.versions[record.identity, default: []].insert(fingerprint) }
        }
        for name in try FileSystem.names(in: workspace.queue.directory(.deferred)) where QueueLayout.isItemName(name) {
            let path = workspace.queue.path(.deferred, name)
            guard let data = try? ItemFile.read(path, maxBytes: parser.maxBytes),
                  let item = try? parser.parse(data, fileName: name) else { continue }
            known.queued.append(Queued(name: name, identity: ItemIdentity.of(item, fileName: name),
                                       fingerprint: ItemIdentity.fingerprint(item)))
        }
        return known
    }

    /// Another item with the same title and text, still shown or still to come.
    func copy(of fingerprint: String, identity: String, now: Date, calendar: CivilCalendar) -> String? {
        for record in latest.values where record.identity != identity && !record.isWithdrawn
            && (record.fingerprint == fingerprint || versions[record.identity]?.contains(fingerprint) == true) {
            if record.expires.map({ calendar.end(of: $0) >= now }) ?? true { return record.itemName }
        }
        return queued.first { $0.identity != identity && $0.fingerprint == fingerprint }?.name
    }

    /// Takes note of what the worker just did, for the next item of the same pass.
    mutating func note(recorded record: PublishedItem) {
        latest[record.identity] = record
        if let fingerprint = record.fingerprint { versions[record.identity, default: []].insert(fingerprint) }
    }

    mutating func note(queued item: Queued) {
        queued.removeAll { $0.name == item.name }
        queued.append(item)
    }

    mutating func forget(queuedNamed name: String) {
        queued.removeAll { $0.name == name }
    }
}
