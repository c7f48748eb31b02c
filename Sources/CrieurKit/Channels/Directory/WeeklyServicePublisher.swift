import Foundation

/// The weekly step of the directory: when a new week has begun, chooses the
/// « service de la semaine » (`WeeklyRotation`), puts it in the queue as an
/// ordinary item (`WeeklyService.itemText`), due at once, then records the
/// choice in the history. The worker publishes it on its next pass through the
/// channels' own publishers and records: the Facebook post in `out/facebook/`,
/// the slide in the screen's playlist for the week, the newsletter if
/// configured, the feed, the archive and the journal. Run again in the same
/// week, it does nothing.
///
/// The item goes to `queue/deferred/` (its modification time, the due time,
/// set to the week's start), written under a hidden name and renamed, so the
/// worker never sees half a file and no settling wait is needed. It is queued
/// before the history is written: killed in between, the next run chooses the
/// same entry again and queues the same item under the same identity, which
/// the worker publishes once. Throws on a file-system error or a damaged history.
public struct WeeklyServicePublisher: Sendable {
    public var workspace: Workspace
    public var config: CrieurConfig

    public init(workspace: Workspace, config: CrieurConfig) {
        self.workspace = workspace
        self.config = config
    }

    public enum Outcome: Sendable, Equatable {
        case disabled
        case alreadyShown(WeeklyRotation.Shown)
        case nothingToShow(week: CivilDate)
        /// `item`: the path of the item queued.
        case queued(WeeklyRotation.Shown, item: String)
    }

    public func runIfDue(entries: [DirectoryEntry], now: Date) throws -> Outcome {
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let rotation = WeeklyRotation(weekly: config.directory.weekly, calendar: calendar)
        let history = WeeklyServiceHistory.of(workspace)
        let freshness = DirectoryFreshness(staleAfterMonths: config.directory.staleAfterMonths, today: calendar.civilDate(of: now))
        switch rotation.decide(entries: entries, history: try history.read(), now: now, freshness: freshness) {
        case .disabled: return .disabled
        case .alreadyShown(let shown): return .alreadyShown(shown)
        case .nothingToShow(let week): return .nothingToShow(week: week)
        case .show(let entry, let week):
            let start = calendar.instant(week, hour: config.directory.weekly.time.hour, minute: config.directory.weekly.time.minute)
            let path = try queue(WeeklyService.itemText(entry, week: week, weekly: config.directory.weekly),
                                 name: WeeklyService.fileName(week: week), due: min(start, now))
            let shown = WeeklyRotation.Shown(week: week, entryID: entry.id, name: entry.name)
            try history.append(shown)
            return .queued(shown, item: path)
        }
    }

    /// Puts the item in `deferred/`, due at `due`; an item already there under that name stays.
    func queue(_ text: String, name: String, due: Date) throws -> String {
        let folder = workspace.queue.directory(.deferred)
        try FileSystem.makeDirectory(folder)
        let final = "\(folder)/\(name)", temporary = "\(folder)/.\(name).\(getpid()).semaine.tmp"
        try FileSystem.writeDurably(Data(text.utf8), to: temporary)
        try FileSystem.setModificationTime(temporary, to: due)
        if try !FileSystem.moveNoReplace(from: temporary, to: final) { try FileSystem.remove(temporary) }
        try FileSystem.syncDirectory(folder)
        return final
    }
}
