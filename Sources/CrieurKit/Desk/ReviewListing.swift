import Foundation

/// `crieur review list`: the items waiting for approval and those sent back,
/// each with its id, title, author, state, age and last comment. Pure.
public struct ReviewListing: Encodable, Sendable {
    public struct Row: Encodable, Sendable, Equatable {
        public var id: String
        public var title: String
        public var author: String
        /// `waiting` or `returned`.
        public var state: String
        /// The submission, `AAAA-MM-JJ HH:MM:SS` in the centre's zone.
        public var submitted: String
        /// « depuis 2 jours », for people.
        public var age: String
        public var channels: [Channel]
        public var lastComment: ReviewEntry.Comment?
    }

    public var rows: [Row]

    public init(_ entries: [ReviewEntry], now: Date, calendar: CivilCalendar) {
        rows = entries.map {
            Row(id: $0.id, title: $0.title, author: $0.author, state: $0.state.rawValue, submitted: calendar.timestamp($0.submitted),
                age: Self.age(from: $0.submitted, to: now), channels: $0.channels, lastComment: $0.lastComment)
        }
    }

    /// How long something has waited, in French: « depuis 5 min », « depuis 3 h », « depuis 2 jours ».
    public static func age(from start: Date, to now: Date) -> String {
        let seconds = max(0, Int(now.timeIntervalSince(start)))
        switch seconds {
        case ..<60: return "depuis moins d'une minute"
        case ..<3_600: return "depuis \(seconds / 60) min"
        case ..<86_400: return "depuis \(seconds / 3_600) h"
        default:
            let days = seconds / 86_400
            return days == 1 ? "depuis 1 jour" : "depuis \(days) jours"
        }
    }

    /// The French text for staff.
    public func text() -> String {
        guard !rows.isEmpty else { return "Aucune annonce n'attend de validation.\n" }
        var lines: [String] = []
        let waiting = rows.filter { $0.state == ReviewEntry.State.waiting.rawValue }
        let returned = rows.filter { $0.state == ReviewEntry.State.returned.rawValue }
        for (heading, group) in [("À valider", waiting), ("Renvoyées à leur auteur", returned)] where !group.isEmpty {
            lines.append("\(heading) (\(group.count)) :")
            for row in group {
                lines.append("  \(row.id) — « \(row.title) »")
                lines.append("      écrite par \(row.author), \(row.age) ; \(row.channels.map(\.frenchName).joined(separator: ", "))")
                if let comment = row.lastComment {
                    lines.append("      dernier commentaire, de \(comment.user) : \(comment.text)")
                }
            }
            lines.append("")
        }
        lines.append("Pour valider : crieur review approve IDENTIFIANT.")
        lines.append("Pour renvoyer à l'auteur : crieur review return IDENTIFIANT --commentaire \"ce qu'il faut corriger\".")
        lines.append("Pour retirer (elle ne sera pas publiée) : crieur review withdraw IDENTIFIANT [--raison \"…\"].")
        return lines.joined(separator: "\n") + "\n"
    }
}
