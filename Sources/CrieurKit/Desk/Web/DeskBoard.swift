import Foundation

/// What the desk's list shows, read as the web server's user from what it may
/// read: the archive (`out/archive/`) and `queue/deferred/` through
/// `ItemListing` (current, scheduled, expired, withdrawn), the review queue
/// (waiting, sent back, with author and comments), `queue/rejected/` with each
/// report, and the count of items the worker has not taken yet. The journal
/// (in `data/`) is never opened: the author of an item published without the
/// desk's review queue is not known here, and shown as such.
public struct DeskBoard: Sendable {
    public struct Refused: Sendable, Equatable {
        /// The file's name in `queue/rejected/` (a name the listing read, never one typed).
        public var name: String
        public var title: String
        public var report: String
        public var time: Date
    }

    public var listing: ItemListing
    public var review: [ReviewEntry]
    public var refused: [Refused]
    /// Items in `incoming/` and `active/`: the worker takes them within seconds.
    public var inProgress: Int

    public static func read(_ workspace: Workspace, config: CrieurConfig, now: Date, clock: any Clock) throws -> DeskBoard {
        let parser = ItemParser(maxBytes: config.queue.maxItemBytes)
        let listing = try ItemListing.read(workspace, parser: parser, now: now, calendar: CivilCalendar(timeZone: config.timeZone))
        let review = try ReviewQueue(workspace: workspace, clock: clock).entries()
        var refused: [Refused] = []
        let rejected = workspace.queue.directory(.rejected)
        let names = (try? FileSystem.names(in: rejected)) ?? []
        for name in names where QueueLayout.isItemName(name) && !name.hasSuffix("-rapport.txt") {
            let path = "\(rejected)/\(name)"
            guard let info = try FileSystem.info(path), info.kind == .regular else { continue }
            var report = ""
            if case .contents(let data)? = try? FileSystem.read(path + QueueLayout.reportSuffix, maxBytes: 262_144) {
                report = String(decoding: data, as: UTF8.self)
            }
            var title = ""
            if case .contents(let data)? = try? FileSystem.read(path, maxBytes: config.queue.maxItemBytes) {
                title = ItemDraft(text: (try? TextDecoding.decode(data, maxBytes: config.queue.maxItemBytes)) ?? String(decoding: data, as: UTF8.self)).title
            }
            refused.append(Refused(name: name, title: title, report: report, time: info.modified))
        }
        refused.sort { ($0.time, $0.name) > ($1.time, $1.name) }
        var inProgress = 0
        for state in [QueueState.incoming, .active] {
            // A running worker's claim folder in active/ is not an item: only what it holds counts.
            inProgress += (try? QueueStatus.itemCount(state, layout: workspace.queue)) ?? 0
        }
        return DeskBoard(listing: listing, review: review, refused: refused, inProgress: inProgress)
    }

    /// Keeps what matches `search` in its title, whatever the case and accents.
    public func filtered(by search: String) -> DeskBoard {
        let wanted = Self.fold(search.trimmingCharacters(in: .whitespaces))
        guard !wanted.isEmpty else { return self }
        var copy = self
        copy.listing.entries = listing.entries.filter { Self.fold($0.title).contains(wanted) }
        copy.review = review.filter { Self.fold($0.title).contains(wanted) }
        copy.refused = refused.filter { Self.fold($0.title).contains(wanted) || Self.fold($0.name).contains(wanted) }
        return copy
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "fr_BE"))
    }
}
