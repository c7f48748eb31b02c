import Foundation

/// When a listing channel (the screen, the feed, the bulletin) shows an item:
/// from its publication to the end of its window. The one place that decides
/// that end, for the worker (an item past it expires) and for the listing
/// pages (`PublishedItem.isCurrent`).
///
/// The window ends, in this order: with `Fin:` as written; else with the last
/// day of the event (`Quand:`); else `defaultDays` after publication (the
/// publication day counts as the first), the channel's default from the
/// configuration; with no default, never. An open-ended weekly rhythm has no
/// last day, so it takes the default. Pure.
public struct DisplayWindow: Sendable, Equatable {
    /// What ends the window, for messages to staff.
    public enum End: Sendable, Equatable {
        /// `Fin:` as written.
        case expires(ItemMoment)
        /// The last day of `Quand:`, whole.
        case eventLastDay(CivilDate)
        /// The channel's default: `days` days, through `lastDay`.
        case byDefault(days: Int, lastDay: CivilDate)
        case open
    }

    public var start: ItemMoment
    public var end: End

    public init(start: ItemMoment, expires: ItemMoment?, when: EventWhen?, defaultDays: Int?) {
        self.start = start
        if let expires {
            end = .expires(expires)
        } else if let lastDay = when?.lastDay {
            end = .eventLastDay(lastDay)
        } else if let defaultDays {
            end = .byDefault(days: defaultDays, lastDay: start.date.adding(days: max(defaultDays, 1) - 1))
        } else {
            end = .open
        }
    }

    /// The end staff gave: `Fin:`, else the event's last day; nil when only a
    /// channel's default (or nothing) would end the window. The worker expires
    /// an item past it.
    public static func givenEnd(expires: ItemMoment?, when: EventWhen?) -> ItemMoment? {
        expires ?? when?.lastDay.map { ItemMoment(date: $0) }
    }

    /// The last moment shown (a day without time is shown whole); nil when open.
    public var lastMoment: ItemMoment? {
        switch end {
        case .expires(let moment): return moment
        case .eventLastDay(let day), .byDefault(_, let day): return ItemMoment(date: day)
        case .open: return nil
        }
    }

    /// The instant the window closes, in the centre's zone; nil when open.
    public func endInstant(_ calendar: CivilCalendar) -> Date? {
        lastMoment.map(calendar.end(of:))
    }

    public func contains(_ instant: Date, calendar: CivilCalendar) -> Bool {
        guard calendar.start(of: start) <= instant else { return false }
        return endInstant(calendar).map { instant <= $0 } ?? true
    }
}
