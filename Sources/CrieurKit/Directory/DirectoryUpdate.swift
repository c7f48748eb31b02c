import Foundation

/// When the bottin's content last changed, for the feed's « Bottin social mis
/// à jour » entry: `out/directory/mise-a-jour.json` (public, no personal
/// data, beside the bottin). The directory's job records a change when the
/// entries differ from the last ones recorded — not when only the day changes;
/// the feed (`FeedPage`) reads it back and shows the entry for its window
/// (`window.feed` days) like an item. Written durably; an unreadable file
/// counts as no record (the next change writes it anew).
public struct DirectoryUpdate: Codable, Sendable, Equatable {
    /// The day of the change.
    public var updated: CivilDate
    public var services: Int
    /// A hash of the entries, to tell a change from a new day.
    public var fingerprint: String

    public static let fileName = "mise-a-jour.json"

    public static func path(inDirectoryOutput folder: String) -> String { "\(folder)/\(fileName)" }

    public static func read(_ path: String) -> DirectoryUpdate? {
        guard case .contents(let data)? = try? FileSystem.read(path, maxBytes: 65_536) else { return nil }
        return try? JSONDecoder().decode(DirectoryUpdate.self, from: data)
    }

    /// Records `entries` as of `today` when they differ from the last record; returns the new record, if any.
    @discardableResult
    public static func note(_ entries: [DirectoryEntry], today: CivilDate, folder: String) throws -> DirectoryUpdate? {
        let fingerprint = ContentHash.hex(entries.map { "\($0)" }.joined(separator: "\n"))
        let path = path(inDirectoryOutput: folder)
        if let last = read(path), last.fingerprint == fingerprint { return nil }
        let update = DirectoryUpdate(updated: today, services: entries.count, fingerprint: fingerprint)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileSystem.makeDirectory(folder)
        try FileSystem.writeDurably(try encoder.encode(update) + Data("\n".utf8), to: path)
        return update
    }

    /// The feed's entry: an item of no channel, shown from the day of the change.
    /// `nameWithDe`: the centre's name after « de » (« du CPAS de Soumagne »).
    public func feedItem(nameWithDe: String) -> PublishedItem {
        let day = updated
        let text = "Le bottin social \(nameWithDe.isEmpty ? "" : "\(nameWithDe) ")compte \(services) service\(services > 1 ? "s" : "") : "
            + "qui fait quoi, pour qui, où et quand. Il a été mis à jour le \(FrenchDates.dayOfMonth(day.day)) "
            + "\(FrenchDates.monthName(day.month)) \(day.year)."
        let item = Item(
            title: "Bottin social mis à jour", channels: [], publication: ItemMoment(date: day),
            tags: ["BottinSocial"], body: BodyParser.parse(text), bodyText: text, bodyFirstLine: 1,
            explicitID: "bottin-social-\(updated)")
        return PublishedItem(item, itemName: "bottin-social-\(updated).txt", publishedOn: day)
    }
}
