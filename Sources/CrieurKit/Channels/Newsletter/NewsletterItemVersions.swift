import Foundation

/// What an issue carries once items have changed since it was planned. An issue
/// freezes archive record ids; a record id stands for its item's occurrence
/// (identity and occurrence number), and the issue carries that occurrence's
/// latest version, or nothing once it has been withdrawn.
///
/// An issue whose first message went out is frozen at that moment: it keeps
/// the version its first readers got, so a sender resumed after a stop sends
/// everyone the same text, and a later correction goes into a next issue as a
/// « Rectificatif ». Pure: built from every archive record (`loadHistory()`).
public struct NewsletterItemVersions: Sendable {
    /// One occurrence of one item: what its versions have in common.
    public struct Key: Hashable, Sendable {
        public var identity: String
        public var occurrence: Int
    }

    /// An item as an issue carries it.
    public struct Carried: Sendable, Equatable {
        public var item: PublishedItem
        /// It corrects a version that an earlier issue already delivered.
        public var isCorrection: Bool
    }

    private let byID: [String: PublishedItem]
    /// Versions of each occurrence, oldest first.
    private let versions: [Key: [PublishedItem]]
    private let calendar: CivilCalendar

    public init(records: [PublishedItem], calendar: CivilCalendar) {
        self.calendar = calendar
        byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var versions: [Key: [PublishedItem]] = [:]
        for record in records { versions[Self.key(record), default: []].append(record) }
        for (key, list) in versions {
            versions[key] = list.enumerated().sorted { ($0.element.versionNumber, $0.offset) < ($1.element.versionNumber, $1.offset) }
                .map(\.element)
        }
        self.versions = versions
    }

    public static func key(_ record: PublishedItem) -> Key {
        Key(identity: record.identity, occurrence: record.occurrenceNumber)
    }

    /// The occurrence a record id of an issue stands for; nil when the archive no longer has it.
    public func key(ofRecord id: String) -> Key? {
        byID[id].map(Self.key)
    }

    /// When a version was recorded; nil for a record from before versions existed.
    public func recordedTime(_ record: PublishedItem) -> Date? {
        record.recorded.flatMap(calendar.parseRFC3339)
    }

    /// The items `issue` carries, in its order. `frozenAt`: when its first
    /// message went out, if one did. A cancellation notice carries the
    /// withdrawal it was planned for, as it is.
    public func carried(by issue: NewsletterIssueRecord, frozenAt: Date?) -> [Carried] {
        let corrections = Set(issue.corrections ?? [])
        if issue.kind == .cancellation {
            return issue.itemIDs.compactMap { byID[$0].map { Carried(item: $0, isCorrection: false) } }
        }
        var seen: Set<Key> = []
        var carried: [Carried] = []
        for id in issue.itemIDs {
            guard let planned = byID[id] else { continue }
            let key = Self.key(planned)
            guard seen.insert(key).inserted else { continue }
            let known = (versions[key] ?? [planned]).filter { version in
                guard let frozenAt, version.id != id, let recorded = recordedTime(version) else { return true }
                return recorded <= frozenAt
            }
            // Withdrawn since it was planned: gone, even if a later version put it back (that one is news of its own).
            let since = known.drop { $0.id != id }.dropFirst()
            guard let latest = known.last, !latest.isWithdrawn, !since.contains(where: \.isWithdrawn) else { continue }
            carried.append(Carried(item: latest, isCorrection: corrections.contains(id)))
        }
        return carried
    }
}
