import Foundation

/// Which service is the « service de la semaine », and when. Pure: it is given
/// the entries, what was already shown and the instant, and touches nothing.
///
/// A week begins at the configured day and time (`DirectorySettings.Weekly`,
/// Monday 10:00 by default); the week of an instant is the date of the latest
/// such beginning at or before it. Each week shows one entry:
/// - never one « à vérifier » (`DirectoryFreshness`): outdated information is
///   worse than none;
/// - fairly: an entry shown fewer times comes first, so each entry is shown
///   once before any is shown twice; among equals, the one shown longest ago,
///   then one never shown in name order.
/// A week already in the history is not shown again.
public struct WeeklyRotation: Sendable {
    public var weekly: DirectorySettings.Weekly
    public var calendar: CivilCalendar

    public init(weekly: DirectorySettings.Weekly, calendar: CivilCalendar) {
        self.weekly = weekly
        self.calendar = calendar
    }

    /// One week's choice, as the history keeps it.
    public struct Shown: Sendable, Equatable, Codable {
        /// The day the week began (`AAAA-MM-JJ`).
        public var week: String
        public var entryID: String
        public var name: String

        public init(week: CivilDate, entryID: String, name: String) {
            self.week = week.description
            self.entryID = entryID
            self.name = name
        }
    }

    public enum Decision: Sendable, Equatable {
        /// The rotation is switched off in the settings.
        case disabled
        /// This week's service was already chosen.
        case alreadyShown(Shown)
        /// No entry can be shown (none, or all « à vérifier »).
        case nothingToShow(week: CivilDate)
        case show(DirectoryEntry, week: CivilDate)
    }

    /// The date the week containing `now` began.
    public func week(containing now: Date) -> CivilDate {
        let today = calendar.civilDate(of: now)
        let back = (FrenchDates.weekday(of: today).rawValue - weekly.day.rawValue + 7) % 7
        var start = today.adding(days: -back)
        if back == 0 && calendar.civilTime(of: now) < weekly.time { start = start.adding(days: -7) }
        return start
    }

    /// When the next week begins after `now`: the worker's next wake-up.
    public func nextWeekStart(after now: Date) -> Date {
        let next = week(containing: now).adding(days: 7)
        return calendar.instant(next, hour: weekly.time.hour, minute: weekly.time.minute)
    }

    public func decide(entries: [DirectoryEntry], history: [Shown], now: Date, freshness: DirectoryFreshness) -> Decision {
        guard weekly.enabled else { return .disabled }
        let week = week(containing: now)
        if let done = history.last(where: { $0.week == week.description }) { return .alreadyShown(done) }
        var times: [String: Int] = [:], lastShown: [String: Int] = [:]
        for (position, shown) in history.enumerated() {
            times[shown.entryID, default: 0] += 1
            lastShown[shown.entryID] = position
        }
        let eligible = DirectoryThemes.sortedByName(entries).filter { !freshness.isStale($0) }
        let chosen = eligible.enumerated().min { a, b in
            (times[a.element.id] ?? 0, lastShown[a.element.id] ?? -1, a.offset)
                < (times[b.element.id] ?? 0, lastShown[b.element.id] ?? -1, b.offset)
        }
        guard let chosen else { return .nothingToShow(week: week) }
        return .show(chosen.element, week: week)
    }
}
