import Foundation

/// `crieur list`: every item staff may want to find again, with its identity
/// (what `Id:`, a corrected file's name and `crieur withdraw` use), its channels
/// and its dates: current, scheduled (waiting in `queue/deferred/`, including
/// the next occurrence of a recurring item), expired and withdrawn. Built from
/// the archive's latest versions and the deferred items; pure once they are read.
public struct ItemListing: Codable, Sendable, Equatable {
    public enum State: String, Codable, Sendable, CaseIterable {
        case current, scheduled
        /// Waiting in `queue/review/` for approval, or sent back to their author with a comment.
        case awaitingApproval, sentBack
        case expired, withdrawn

        public var frenchHeading: String {
            switch self {
            case .current: return "En cours"
            case .scheduled: return "Programmées"
            case .awaitingApproval: return "À valider"
            case .sentBack: return "Renvoyées à leur auteur"
            case .expired: return "Terminées"
            case .withdrawn: return "Retirées"
            }
        }
    }

    public struct Entry: Codable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var state: State
        public var channels: [Channel]
        /// The file it came from (archive) or waits as (`queue/deferred/`).
        public var file: String
        /// Display window, `AAAA-MM-JJ` or `AAAA-MM-JJ HH:MM`.
        public var from: String?
        public var until: String?
        /// The same dates in French words, for people.
        public var dates: String
        /// Versions published of this occurrence (1 when never corrected).
        public var version: Int?
        /// When a recurring item comes back next (or a scheduled one appears),
        /// `AAAA-MM-JJ HH:MM:SS` in the centre's zone, and the same in French words.
        public var next: String?
        public var nextDates: String?
        public var repetition: Repetition?
        /// Why it was withdrawn.
        public var reason: String?
        /// Who wrote it and the last comment of an approver (items waiting for approval or sent back).
        public var author: String?
        public var comment: String?
        /// Who withdrew it, for an item withdrawn while it waited for approval (`queue/review/retirees/`).
        public var withdrawnBy: String? = nil
    }

    public var entries: [Entry]

    /// A deferred item as `list` needs it.
    public struct Waiting: Sendable {
        public var name: String
        public var item: Item
        public var due: Date

        public init(name: String, item: Item, due: Date) {
            self.name = name
            self.item = item
            self.due = due
        }
    }

    public init(latest: [PublishedItem], waiting: [Waiting], review: [ReviewEntry] = [], withdrawnReview: [ReviewEntry] = [],
                now: Date, calendar: CivilCalendar) {
        let thisYear = calendar.civilDate(of: now).year
        var entries: [Entry] = []
        var nextByIdentity: [String: Waiting] = [:]
        for item in waiting {
            let identity = ItemIdentity.of(item.item, fileName: item.name)
            if nextByIdentity[identity].map({ item.due < $0.due }) ?? true { nextByIdentity[identity] = item }
        }
        for record in latest {
            let state: State
            if record.isWithdrawn {
                state = .withdrawn
            } else if let expires = record.expires, calendar.end(of: expires) < now {
                state = .expired
            } else {
                state = .current
            }
            let next = nextByIdentity[record.identity]
            entries.append(Entry(
                id: record.identity, title: record.title, state: state, channels: record.channels, file: record.itemName,
                from: record.published.description, until: record.expires?.description,
                dates: Self.french(from: record.published, to: record.expires, year: thisYear),
                version: record.versionNumber, next: next.map { calendar.timestamp($0.due) },
                nextDates: next.map { FrenchDates.moment(calendar.moment(of: $0.due), referenceYear: thisYear) },
                repetition: record.repetition, reason: record.withdrawal?.reason))
        }
        let listed = Set(entries.map(\.id))
        for (identity, waiting) in nextByIdentity where !listed.contains(identity) {
            let start = waiting.item.publication ?? calendar.moment(of: waiting.due)
            entries.append(Entry(
                id: identity, title: waiting.item.title, state: .scheduled, channels: waiting.item.channels,
                file: waiting.name, from: start.description, until: waiting.item.expires?.description,
                dates: Self.french(from: start, to: waiting.item.expires, year: thisYear),
                version: nil, next: calendar.timestamp(waiting.due),
                nextDates: FrenchDates.moment(calendar.moment(of: waiting.due), referenceYear: thisYear), repetition: waiting.item.repetition, reason: nil))
        }
        let parser = ItemParser()
        // Entries withdrawn before approval were never published: listed with the withdrawn items under the id they waited as.
        for entry in review + withdrawnReview {
            let item = try? parser.parse(Data(entry.itemText.utf8), fileName: "\(entry.id).txt")
            let start = item?.publication
            let (state, folder): (State, String)
            switch entry.state {
            case .waiting: (state, folder) = (.awaitingApproval, ReviewQueue.folder)
            case .returned: (state, folder) = (.sentBack, ReviewQueue.folder)
            case .withdrawn: (state, folder) = (.withdrawn, ReviewQueue.withdrawnFolder)
            }
            entries.append(Entry(
                id: entry.id, title: entry.title, state: state, channels: entry.channels,
                file: "\(folder)/\(entry.id).txt", from: start?.description, until: item?.expires?.description,
                dates: FrenchDates.range(from: start, to: item?.expires, referenceYear: thisYear) ?? "",
                version: nil, next: nil, nextDates: nil, repetition: item?.repetition, reason: entry.withdrawal?.reason,
                author: entry.author, comment: state == .withdrawn ? nil : entry.lastComment.map { "\($0.user) : \($0.text)" },
                withdrawnBy: entry.withdrawal?.user))
        }
        let order = Dictionary(uniqueKeysWithValues: State.allCases.enumerated().map { ($1, $0) })
        entries.sort { a, b in (order[a.state]!, a.from ?? "", a.id) < (order[b.state]!, b.from ?? "", b.id) }
        self.entries = entries
    }

    /// Reads the archive and `queue/deferred/` of a workspace.
    public static func read(_ workspace: Workspace, parser: ItemParser, now: Date, calendar: CivilCalendar) throws -> ItemListing {
        var waiting: [Waiting] = []
        for name in try FileSystem.names(in: workspace.queue.directory(.deferred)) where QueueLayout.isItemName(name) {
            let path = workspace.queue.path(.deferred, name)
            guard let info = try FileSystem.info(path), let data = try? ItemFile.read(path, maxBytes: parser.maxBytes),
                  let item = try? parser.parse(data, fileName: name) else { continue }
            waiting.append(Waiting(name: name, item: item, due: info.modified))
        }
        let queue = ReviewQueue(workspace: workspace, clock: FixedClock(now))
        return ItemListing(latest: try workspace.archive.load().items, waiting: waiting, review: try queue.entries(),
                           withdrawnReview: try queue.withdrawnEntries(), now: now, calendar: calendar)
    }

    /// The French text for staff, grouped by state.
    public func text() -> String {
        guard !entries.isEmpty else { return "Aucune annonce publiée ou programmée.\n" }
        var lines: [String] = []
        for state in State.allCases {
            let group = entries.filter { $0.state == state }
            guard !group.isEmpty else { continue }
            lines.append("\(state.frenchHeading) (\(group.count)) :")
            for entry in group {
                lines.append("  \(entry.id) — « \(entry.title) »")
                var details = [entry.dates, entry.channels.map(\.frenchName).joined(separator: ", ")]
                if let version = entry.version, version > 1 { details.append("version \(version)") }
                if let repetition = entry.repetition { details.append(repetition.frenchName) }
                lines.append("      " + details.filter { !$0.isEmpty }.joined(separator: " ; "))
                if let next = entry.nextDates {
                    lines.append("      " + (entry.state == .scheduled ? "paraîtra " : "revient ") + next)
                }
                if let reason = entry.reason { lines.append("      raison du retrait : \(reason)") }
                if let author = entry.author { lines.append("      écrite par \(author)") }
                if let comment = entry.comment { lines.append("      dernier commentaire, de \(comment)") }
                if let user = entry.withdrawnBy { lines.append("      retirée par \(user) avant sa validation") }
            }
            lines.append("")
        }
        lines.append("Pour corriger une annonce : déposez le fichier corrigé sous le même nom, ou avec la ligne « Id: IDENTIFIANT ».")
        lines.append("Pour la retirer partout : crieur withdraw IDENTIFIANT [--reason \"raison\"].")
        if entries.contains(where: { $0.state == .awaitingApproval || $0.state == .sentBack }) {
            lines.append("Pour valider ou renvoyer une annonce : crieur review approve IDENTIFIANT, "
                + "crieur review return IDENTIFIANT --commentaire \"…\".")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func french(from start: ItemMoment, to end: ItemMoment?, year: Int) -> String {
        FrenchDates.range(from: start, to: end, referenceYear: year) ?? ""
    }
}
