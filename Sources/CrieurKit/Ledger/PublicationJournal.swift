import Foundation

/// `data/journal.jsonl`: what became of every item, one line per outcome —
/// published (on which channels, under which archive id), refused (and why),
/// expired. The PST report counts from it; the queue folders say where items
/// are now, the journal says what happened and when.
///
/// Written before the item moves, so a crash between the two can leave the
/// same outcome twice: `load()` keeps one line per (item, event, archive).
/// A damaged line (a torn last write) is counted in `damagedLines`, not hidden.
public struct PublicationJournal: Sendable {
    public struct Entry: Codable, Sendable, Equatable {
        public enum Event: String, Codable, Sendable {
            case published, rejected, expired
            /// The same version dropped again: nothing changed.
            case unchanged
            /// `Statut: annulé` or `crieur withdraw` (with the archive id of the withdrawn version); or an entry
            /// of `queue/review/` withdrawn before approval, at the desk or by `crieur review withdraw` (no archive
            /// id: nothing went out; `Entry.isDeskStep`).
            case withdrawn
            /// An older version waiting for its date, set aside by a newer one.
            case superseded
            /// A person sent it, from the desk or `crieur review`: to approval, or straight to the queue.
            case submitted
            /// An approver sent it back to its author (`comment` says why).
            case returned
            /// An approver let it into the queue.
            case approved

            /// The steps people take before the worker sees an item: each one is a line of its own
            /// (a text sent back twice is two lines), and the PST report does not count them.
            public var isDeskStep: Bool {
                switch self {
                case .submitted, .returned, .approved: return true
                default: return false
                }
            }
        }

        public var time: Date
        public var item: String
        public var event: Event
        public var channels: [Channel]?
        /// The record's id in `out/archive/` (published items).
        public var archive: String?
        /// `RefusalReason` codes (refused items, and the channels that left out a published one).
        public var reasons: [String]?
        /// The item's identity and this version's number (`ItemIdentity`).
        public var identity: String?
        public var version: Int?
        /// Who did it, when a person did (`crieur withdraw`, the desk).
        public var user: String?
        /// `returned`: the approver's comment for the author; `withdrawn` from the review queue: the reason given, if any.
        public var comment: String?

        /// A step people took before the worker saw the item (`Event.isDeskStep`), or the withdrawal of an
        /// entry still waiting for approval (`withdrawn` with no archive id): the PST report does not count it.
        public var isDeskStep: Bool {
            event.isDeskStep || (event == .withdrawn && archive == nil)
        }

        public init(time: Date, item: String, event: Event, channels: [Channel]? = nil,
                    archive: String? = nil, reasons: [String]? = nil, identity: String? = nil, version: Int? = nil,
                    user: String? = nil) {
            self.identity = identity
            self.version = version
            self.user = user
            self.time = time
            self.item = item
            self.event = event
            self.channels = channels
            self.archive = archive
            self.reasons = reasons
        }
    }

    public let path: String

    public init(path: String) {
        self.path = path
    }

    public func append(_ entry: Entry) throws {
        try FileSystem.makeDirectory(FileSystem.parent(of: path), mode: 0o700)
        try AppendOnlyLog(path: path).append(entry)
    }

    public func load() throws -> (entries: [Entry], damagedLines: Int) {
        guard case .contents(let data)? = try FileSystem.info(path).map({ _ in try FileSystem.read(path, maxBytes: 1 << 30) }) else {
            return ([], 0)
        }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        var entries: [Entry] = []
        var seen = Set<String>()
        var damaged = 0
        for line in data.split(separator: 0x0A) where !line.isEmpty {
            guard let entry = try? decoder.decode(Entry.self, from: Data(line)) else {
                damaged += 1
                continue
            }
            // A desk step is told apart by its time: sending back twice is two steps, not a replayed write.
            let distinct = entry.isDeskStep
                ? "\(entry.time.timeIntervalSince1970)\u{0}\(entry.user ?? "")\u{0}\(entry.comment ?? "")" : entry.archive ?? ""
            if seen.insert("\(entry.item)\u{0}\(entry.event.rawValue)\u{0}\(distinct)").inserted {
                entries.append(entry)
            }
        }
        return (entries, damaged)
    }
}
