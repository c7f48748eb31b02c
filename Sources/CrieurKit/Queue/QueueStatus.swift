import Foundation

/// What `crieur status` shows: how many items in each state, which one is due
/// next, and the latest refusals with their first reason.
public struct QueueStatus: Sendable, Codable, Equatable {
    public var counts: [String: Int]
    public var next: Next?
    public var recentRefusals: [Refusal]
    /// Items of `done/` that expired while waiting (never published).
    public var expired: Int = 0
    /// Items published without some of their channels, latest first, each with its report in `done/`.
    public var partlyPublished: [Refusal] = []
    /// Files of `incoming/` whose name is not UTF-8, written with `\xE9` escapes: not
    /// counted as items; the worker renames them at its next pass.
    public var unreadableNames: [String] = []
    /// Items waiting in `queue/review/` for a person's approval, and those sent back to their author.
    public var awaitingApproval: Int = 0
    public var sentBack: Int = 0

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

    /// How many items a state's folder holds: in `active/`, the items in each worker's claim
    /// folder (the folder itself is not an item); elsewhere files only, never a folder.
    public static func itemCount(_ state: QueueState, layout: QueueLayout) throws -> Int {
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
        return count
    }

    /// `today`: the day people read it, so that dates of this year are written without the year.
    public static func read(
        _ layout: QueueLayout, calendar: CivilCalendar, today: CivilDate? = nil, refusals limit: Int = 5
    ) throws -> QueueStatus {
        var counts: [String: Int] = [:]
        for state in QueueState.allCases {
            counts[state.rawValue] = try itemCount(state, layout: layout)
        }
        var next: Next?
        for name in try FileSystem.names(in: layout.directory(.deferred)) where QueueLayout.isItemName(name) {
            guard let info = try FileSystem.info(layout.path(.deferred, name)) else { continue }
            let due = calendar.timestamp(info.modified)
            if next == nil || due < next!.due {
                next = Next(item: name, due: due, dueWords: calendar.frenchWords(info.modified, referenceYear: today?.year))
            }
        }
        let refusals = try reports(in: .rejected, layout: layout, calendar: calendar, today: today)
        let recent = refusals.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1)
        var status = QueueStatus(counts: counts, next: next, recentRefusals: Array(recent))
        let done = try reports(in: .done, layout: layout, calendar: calendar, today: today)
        status.expired = done.filter { $0.kind == .expired }.count
        status.partlyPublished = Array(done.filter { $0.kind == .partlyPublished }.sorted { $0.0 > $1.0 }.prefix(limit).map(\.1))
        status.unreadableNames = try FileSystem.rawNames(in: layout.directory(.incoming)).filter { $0.string == nil }.map(\.escaped).sorted()
        let review = try ReviewQueue.states(in: (layout.queueDirectory as NSString).appendingPathComponent("review"))
        status.awaitingApproval = review.filter { $0 == .waiting }.count
        status.sentBack = review.filter { $0 == .returned }.count
        return status
    }

    /// The reports of a folder with their kind, told by their first line.
    private static func reports(
        in state: QueueState, layout: QueueLayout, calendar: CivilCalendar, today: CivilDate?
    ) throws -> [(Date, Refusal, kind: RejectionReport.Kind)] {
        var found: [(Date, Refusal, kind: RejectionReport.Kind)] = []
        for name in try FileSystem.names(in: layout.directory(state)) where QueueLayout.isReport(name) {
            let path = layout.path(state, name)
            guard let info = try FileSystem.info(path), info.kind == .regular,
                  case .contents(let data) = try FileSystem.read(path, maxBytes: 1 << 20) else { continue }
            let text = String(decoding: data, as: UTF8.self)
            let kind = RejectionReport.Kind.allCases.first { text.hasPrefix($0.heading) } ?? .refused
            let reason = text.split(separator: "\n").first { $0.first?.isNumber == true }.map {
                String($0.drop(while: { $0 != " " }).dropFirst())
            } ?? ""
            found.append((info.modified, Refusal(
                item: String(name.dropLast(QueueLayout.reportSuffix.count)), report: "queue/\(state.rawValue)/\(name)",
                refusedAt: calendar.timestamp(info.modified), reason: reason,
                refusedAtWords: calendar.frenchWords(info.modified, referenceYear: today?.year)), kind))
        }
        return found
    }

    /// The French text for staff.
    public func text() -> String {
        var lines = ["État de la file :"]
        for state in QueueState.allCases {
            lines.append("  \(state.frenchName.padding(toLength: 12, withPad: " ", startingAt: 0)) \(counts[state.rawValue] ?? 0)")
            if state == .done && expired > 0 {
                lines.append("    dont \(expired) expirée\(expired > 1 ? "s" : "") en attente, jamais publiée\(expired > 1 ? "s" : "")")
            }
        }
        if awaitingApproval + sentBack > 0 {
            lines.append("  \("à valider".padding(toLength: 12, withPad: " ", startingAt: 0)) \(awaitingApproval)")
            lines.append("  \("renvoyées".padding(toLength: 12, withPad: " ", startingAt: 0)) \(sentBack)")
            lines.append("    (queue/review : crieur review list)")
        }
        if !unreadableNames.isEmpty {
            lines.append("Fichiers au nom illisible (pas en UTF-8) dans queue/incoming, renommés au prochain passage du service :")
            for name in unreadableNames { lines.append("  « \(name) »") }
        }
        if let next {
            lines.append("Prochaine annonce en attente : « \(next.item) », prévue \(next.dueWords).")
        } else {
            lines.append("Aucune annonce en attente d'une date.")
        }
        if !partlyPublished.isEmpty {
            lines.append("Publiées sans certains canaux :")
            for item in partlyPublished {
                lines.append("  « \(item.item) », publiée \(item.refusedAtWords) : \(item.reason)")
                lines.append("      voir \(item.report)")
            }
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
