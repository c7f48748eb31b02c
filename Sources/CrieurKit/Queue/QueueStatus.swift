import Foundation

/// What `crieur status` shows: how many items in each state, which one is due
/// next, and the latest refusals with their first reason.
public struct QueueStatus: Sendable, Codable, Equatable {
    public var counts: [String: Int]
    public var next: Next?
    public var recentRefusals: [Refusal]

    public struct Next: Sendable, Codable, Equatable {
        public var item: String
        /// `AAAA-MM-JJ HH:MM:SS`, for scripts (JSON).
        public var due: String
        /// « le samedi 5 décembre à 9 h », for people (text); not in the JSON.
        public var dueWords = ""

        private enum CodingKeys: String, CodingKey { case item, due }
    }

    public struct Refusal: Sendable, Codable, Equatable {
        public var item: String
        public var report: String
        /// `AAAA-MM-JJ HH:MM:SS`, for scripts (JSON).
        public var refusedAt: String
        public var reason: String
        /// « le mardi 1er décembre à 10 h », for people (text); not in the JSON.
        public var refusedAtWords = ""

        private enum CodingKeys: String, CodingKey { case item, report, refusedAt, reason }
    }

    /// `today`: the day people read it, so that dates of this year are written without the year.
    public static func read(
        _ layout: QueueLayout, calendar: CivilCalendar, today: CivilDate? = nil, refusals limit: Int = 5
    ) throws -> QueueStatus {
        var counts: [String: Int] = [:]
        for state in QueueState.allCases {
            var count = 0
            for name in try FileSystem.names(in: layout.directory(state)) where !QueueLayout.isIgnored(name) {
                if state == .active {
                    // Items sit in each worker's claim folder.
                    let folder = layout.path(.active, name)
                    if try FileSystem.info(folder)?.kind == .directory {
                        count += try FileSystem.names(in: folder).filter(QueueLayout.isItemName).count
                        continue
                    }
                }
                if QueueLayout.isItemName(name) { count += 1 }
            }
            counts[state.rawValue] = count
        }
        var next: Next?
        for name in try FileSystem.names(in: layout.directory(.deferred)) where QueueLayout.isItemName(name) {
            guard let info = try FileSystem.info(layout.path(.deferred, name)) else { continue }
            let due = calendar.timestamp(info.modified)
            if next == nil || due < next!.due {
                next = Next(item: name, due: due, dueWords: calendar.frenchWords(info.modified, referenceYear: today?.year))
            }
        }
        var refusals: [(Date, Refusal)] = []
        for name in try FileSystem.names(in: layout.directory(.rejected)) where QueueLayout.isReport(name) {
            let path = layout.path(.rejected, name)
            guard let info = try FileSystem.info(path), info.kind == .regular,
                  case .contents(let data) = try FileSystem.read(path, maxBytes: 1 << 20) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let reason = text.split(separator: "\n").first { $0.first?.isNumber == true }.map {
                String($0.drop(while: { $0 != " " }).dropFirst())
            } ?? ""
            refusals.append((info.modified, Refusal(
                item: String(name.dropLast(QueueLayout.reportSuffix.count)), report: "queue/rejected/\(name)",
                refusedAt: calendar.timestamp(info.modified), reason: reason,
                refusedAtWords: calendar.frenchWords(info.modified, referenceYear: today?.year))))
        }
        let recent = refusals.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1)
        return QueueStatus(counts: counts, next: next, recentRefusals: Array(recent))
    }

    /// The French text for staff.
    public func text() -> String {
        var lines = ["État de la file :"]
        for state in QueueState.allCases {
            lines.append("  \(state.frenchName.padding(toLength: 12, withPad: " ", startingAt: 0)) \(counts[state.rawValue] ?? 0)")
        }
        if let next {
            lines.append("Prochaine annonce en attente : « \(next.item) », prévue \(next.dueWords).")
        } else {
            lines.append("Aucune annonce en attente d'une date.")
        }
        if recentRefusals.isEmpty {
            lines.append("Aucune annonce refusée.")
        } else {
            lines.append("Derniers refus :")
            for refusal in recentRefusals {
                lines.append("  « \(refusal.item) », refusée \(refusal.refusedAtWords) : \(refusal.reason)")
                lines.append("      voir \(refusal.report)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
