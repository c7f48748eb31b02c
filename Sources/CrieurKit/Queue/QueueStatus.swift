import Foundation

/// What `crieur status` shows: how many items in each state, which one is due
/// next, and the latest refusals with their first reason.
public struct QueueStatus: Sendable, Codable, Equatable {
    public var counts: [String: Int]
    public var next: Next?
    public var recentRefusals: [Refusal]
    /// Files of `incoming/` whose name is not UTF-8, written with `\xE9` escapes: not
    /// counted as items; the worker renames them at its next pass.
    public var unreadableNames: [String]

    public struct Next: Sendable, Codable, Equatable {
        public var item: String
        public var due: String
    }

    public struct Refusal: Sendable, Codable, Equatable {
        public var item: String
        public var report: String
        public var refusedAt: String
        public var reason: String
    }

    public static func read(_ layout: QueueLayout, calendar: CivilCalendar, refusals limit: Int = 5) throws -> QueueStatus {
        var counts: [String: Int] = [:]
        for state in QueueState.allCases {
            var count = 0
            let isCandidate = state == .incoming ? QueueLayout.isIncomingCandidate : QueueLayout.isItemName
            for name in try FileSystem.names(in: layout.directory(state)) where !QueueLayout.isIgnored(name) {
                if state == .active {
                    // Items sit in each worker's claim folder.
                    let folder = layout.path(.active, name)
                    if try FileSystem.info(folder)?.kind == .directory {
                        count += try FileSystem.names(in: folder).filter(QueueLayout.isItemName).count
                        continue
                    }
                }
                // Folders are not items: the share's own in incoming/, rejected/ancien/.
                if isCandidate(name), try FileSystem.info(layout.path(state, name))?.kind != .directory { count += 1 }
            }
            counts[state.rawValue] = count
        }
        var next: Next?
        for name in try FileSystem.names(in: layout.directory(.deferred)) where QueueLayout.isItemName(name) {
            guard let info = try FileSystem.info(layout.path(.deferred, name)) else { continue }
            let due = calendar.timestamp(info.modified)
            if next == nil || due < next!.due { next = Next(item: name, due: due) }
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
                refusedAt: calendar.timestamp(info.modified), reason: reason)))
        }
        let recent = refusals.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1)
        let unreadable = try FileSystem.rawNames(in: layout.directory(.incoming)).filter { $0.string == nil }.map(\.escaped).sorted()
        return QueueStatus(counts: counts, next: next, recentRefusals: Array(recent), unreadableNames: unreadable)
    }

    /// The French text for staff.
    public func text() -> String {
        var lines = ["État de la file :"]
        for state in QueueState.allCases {
            lines.append("  \(state.frenchName.padding(toLength: 12, withPad: " ", startingAt: 0)) \(counts[state.rawValue] ?? 0)")
        }
        if !unreadableNames.isEmpty {
            lines.append("Fichiers au nom illisible (pas en UTF-8) dans queue/incoming, renommés au prochain passage du service :")
            for name in unreadableNames { lines.append("  « \(name) »") }
        }
        if let next {
            lines.append("Prochaine annonce en attente : « \(next.item) », prévue le \(next.due).")
        } else {
            lines.append("Aucune annonce en attente d'une date.")
        }
        if recentRefusals.isEmpty {
            lines.append("Aucune annonce refusée.")
        } else {
            lines.append("Derniers refus :")
            for refusal in recentRefusals {
                lines.append("  \(refusal.refusedAt)  « \(refusal.item) » : \(refusal.reason)")
                lines.append("      voir \(refusal.report)")
            }
        }
        return lines.joined(separator: "\n")
    }
}
