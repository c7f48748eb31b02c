import Foundation

/// `out/archive/`: one JSON record per published item (`ID.json`) and its
/// picture (`ID-original.jpg`). The worker writes a record when it publishes an
/// item on any channel; the screen, the feed, the bulletin and the newsletter
/// build their pages and issues from these records, not from the queue.
///
/// Records are written durably and idempotently (the same item published again
/// after a crash finds its own record). An unreadable record is skipped and
/// named by `load()`, never deleted.
public struct PublishedArchive: Sendable {
    public let folder: OutputFolder

    public init(folder: OutputFolder) {
        self.folder = folder
    }

    /// Writes the record (and the picture, when there is one) and returns it
    /// with its final id.
    @discardableResult
    public func record(_ item: PublishedItem, imageData: Data?) throws -> PublishedItem {
        var stored = item
        for attempt in 1...1_000 {
            let id = QueueLayout.candidateName(item.preferredID, attempt: attempt)
            stored.id = id
            if stored.firstID.isEmpty { stored.firstID = id }
            if let original = item.image {
                stored.image = ItemImage(fileName: "\(id)-\(original.fileName)", alternativeText: original.alternativeText)
            }
            let data = try Self.encode(stored)
            let name = "\(id).json"
            if try FileSystem.info(path(name)) != nil, try folder.read(name) != data { continue }
            if let picture = stored.image, let imageData {
                try folder.write(OutputFile(name: picture.fileName, data: imageData, keepOthers: false))
            }
            try folder.write(OutputFile(name: name, data: data, keepOthers: false))
            return stored
        }
        throw FileSystemError(operation: "write", path: "\(folder.path)/\(item.preferredID).json", code: EEXIST)
    }

    /// What the public sees: the latest version of each item (withdrawn ones
    /// included, flagged, so that channels can announce the withdrawal), oldest
    /// publication first. Earlier versions stay in the folder for the record.
    /// `unreadable` names the files that are not records, for the log.
    public func load() throws -> (items: [PublishedItem], unreadable: [String]) {
        let history = try loadHistory()
        return (Self.latestVersions(history.items), history.unreadable)
    }

    /// The latest version of each identity, with `firstID` filled in.
    public static func latestVersions(_ records: [PublishedItem]) -> [PublishedItem] {
        var byIdentity: [String: [PublishedItem]] = [:]
        for record in records { byIdentity[record.identity, default: []].append(record) }
        var latest: [PublishedItem] = []
        for (_, versions) in byIdentity {
            // A later occurrence or version wins; among records from before versions, the later publication.
            let ordered = versions.enumerated().sorted { a, b in
                (a.element.occurrenceNumber, a.element.versionNumber, a.offset)
                    < (b.element.occurrenceNumber, b.element.versionNumber, b.offset)
            }.map(\.element)
            guard var last = ordered.last else { continue }
            last.firstID = ordered[0].id
            latest.append(last)
        }
        latest.sort { ($0.published, $0.id) < ($1.published, $1.id) }
        return latest
    }

    /// Every record, every version, oldest publication first.
    public func loadHistory() throws -> (items: [PublishedItem], unreadable: [String]) {
        var items: [PublishedItem] = []
        var unreadable: [String] = []
        for name in try folder.names() where name.hasSuffix(".json") {
            guard let data = try folder.read(name, maxBytes: 1 << 20),
                  var item = try? JSONDecoder().decode(PublishedItem.self, from: data) else {
                unreadable.append(name)
                continue
            }
            item.id = String(name.dropLast(".json".count))
            item.firstID = item.id
            items.append(item)
        }
        items.sort { ($0.published, $0.id) < ($1.published, $1.id) }
        return (items, unreadable)
    }

    /// Path of a file in the archive (a picture), for channels that copy it.
    public func path(_ name: String) -> String { "\(folder.path)/\(name)" }

    private static func encode(_ item: PublishedItem) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(item) + Data("\n".utf8)
    }
}
