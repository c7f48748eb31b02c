import Foundation

/// An item's `Quand` as an RFC 5545 VEVENT, from its archive record:
///
/// - a day or a span of days without time is an all-day event (`VALUE=DATE`,
///   `DTEND` the day after the last, as the RFC counts it);
/// - with a time, local times in `Europe/Brussels` (`TZID`, the VTIMEZONE of
///   `ICalendarDocument`); a start without an end is an instant;
/// - a span of days with times (« du lundi 1er au vendredi 5, de 9 h à 12 h »)
///   is the daily hours, `RRULE:FREQ=DAILY` until the last day;
/// - a weekly rhythm is `RRULE:FREQ=WEEKLY;BYDAY=…` from its first matching day
///   (the day of publication when it has no span), until its last day;
/// - an item that repeats (`Répéter:`) is `RRULE:FREQ=YEARLY|MONTHLY|WEEKLY`,
///   `UNTIL` the event of the last occurrence published by `Jusqu'au:`; a
///   weekly rhythm already repeats and keeps its own rule (one RRULE per event);
/// - a withdrawn item is `STATUS:CANCELLED`, so subscribed calendars drop it.
///
/// The UID is the item's identity, stable across its versions and
/// occurrences (a later occurrence describes the series from its first);
/// `SEQUENCE` counts the versions of the current occurrence. Pure.
public struct ICalendarEvent: Sendable {
    public var record: PublishedItem
    /// The domain after `@` in the UID (the centre's website's host).
    public var uidDomain: String
    /// When this description was made, for `DTSTAMP` when the record has no time of its own.
    public var stamp: Date

    public init(record: PublishedItem, uidDomain: String, stamp: Date) {
        self.record = Self.firstOccurrence(of: record)
        self.uidDomain = uidDomain
        self.stamp = stamp
    }

    public static let timeZoneID = "Europe/Brussels"

    /// `IDENTITY.ics`: one file per item, the same for all its versions.
    public static func fileName(identity: String) -> String { "\(identity).ics" }

    public static func fileName(of item: Item, itemName: String) -> String {
        fileName(identity: ItemIdentity.of(item, fileName: itemName))
    }

    /// The VEVENT's lines, unfolded; nil when the item has no `Quand`.
    public func lines(calendar: CivilCalendar) -> [String]? {
        guard let when = record.when else { return nil }
        let utc = CivilCalendar(timeZone: TimeZone(identifier: "UTC")!)
        let stampInstant = record.recorded.flatMap(calendar.parseRFC3339) ?? stamp
        var lines = [
            "BEGIN:VEVENT",
            "UID:\(record.identity)@\(uidDomain)",
            "DTSTAMP:\(Self.utcStamp(stampInstant, utc: utc))",
            "SEQUENCE:\(record.versionNumber - 1)",
            "SUMMARY:\(ICalendarText.escape(record.title))",
        ]
        let first = Self.firstDay(of: when, from: record.published.date)
        let timed = when.startTime != nil
        let span = (when.firstDay ?? first, when.lastDay ?? first)
        if let start = when.startTime {
            lines.append("DTSTART;TZID=\(Self.timeZoneID):\(Self.local(first, start))")
            // A span with times is daily hours (its rule says so), except when the
            // item repeats: one RRULE only, so the span is then one continuous event.
            let endDay = !when.isWeekly && record.repetition != nil ? span.1 : first
            if let end = when.endTime { lines.append("DTEND;TZID=\(Self.timeZoneID):\(Self.local(endDay, end))") }
        } else {
            let last = when.isWeekly ? first : span.1
            lines.append("DTSTART;VALUE=DATE:\(Self.date(first))")
            lines.append("DTEND;VALUE=DATE:\(Self.date(last.adding(days: 1)))")
        }
        if let rule = rule(when, first: first, timed: timed, calendar: calendar, utc: utc) { lines.append("RRULE:\(rule)") }
        if let place = record.place, !place.isEmpty { lines.append("LOCATION:\(ICalendarText.escape(place))") }
        var description = BodyPlainText.render(record.body)
        if let link = record.link {
            description += "\n\n" + link
            lines.append("URL:\(link)")
        }
        lines.append("DESCRIPTION:\(ICalendarText.escape(description))")
        lines.append("STATUS:\(record.isWithdrawn ? "CANCELLED" : "CONFIRMED")")
        lines.append("TRANSP:TRANSPARENT")
        lines.append("END:VEVENT")
        return lines
    }

    /// The last day the event takes place, nil when it goes on without end.
    public func lastDay() -> CivilDate? {
        guard let when = record.when else { return nil }
        if when.isWeekly { return when.lastDay }
        guard let repetition = record.repetition else { return when.lastDay }
        guard let until = record.repeatUntil else { return nil }
        return repetition.event(when, shiftedBy: lastOccurrenceShift(repetition, until: until)).lastDay
    }

    private func rule(_ when: EventWhen, first: CivilDate, timed: Bool, calendar: CivilCalendar, utc: CivilCalendar) -> String? {
        func until(_ day: CivilDate) -> String {
            timed ? Self.utcStamp(calendar.end(of: ItemMoment(date: day)), utc: utc) : Self.date(day)
        }
        if when.isWeekly {
            let days = when.weekdays.map { Self.byDay[$0.rawValue - 1] }.joined(separator: ",")
            return "FREQ=WEEKLY;BYDAY=\(days)" + (when.lastDay.map { ";UNTIL=" + until($0) } ?? "")
        }
        if let repetition = record.repetition {
            let frequency = [Repetition.yearly: "YEARLY", .monthly: "MONTHLY", .weekly: "WEEKLY"][repetition]!
            let days = Self.lastDayRule(repetition, first: first)
            guard let limit = record.repeatUntil else { return "FREQ=\(frequency)" + days }
            let shifted = repetition.event(when, shiftedBy: lastOccurrenceShift(repetition, until: limit))
            return "FREQ=\(frequency);UNTIL=" + until(shifted.firstDay ?? first) + days
        }
        if timed, let last = when.lastDay, last > first { return "FREQ=DAILY;UNTIL=" + until(last) }
        return nil
    }

    /// Crieur moves a 29th, 30th or 31st to a shorter month's last day, and a
    /// 29 February to the 28th (`Repetition.date(_:shiftedBy:)`); a plain
    /// `FREQ=MONTHLY` or `YEARLY` would skip those months instead (RFC 5545
    /// ignores invalid dates). « The last of the days 28…d » says the same as Crieur.
    static func lastDayRule(_ repetition: Repetition, first: CivilDate) -> String {
        switch repetition {
        case .monthly where first.day >= 29:
            return ";BYMONTHDAY=" + (28...first.day).map(String.init).joined(separator: ",") + ";BYSETPOS=-1"
        case .yearly where first.month == 2 && first.day == 29:
            return ";BYMONTH=2;BYMONTHDAY=28,29;BYSETPOS=-1"
        default:
            return ""
        }
    }

    /// How many periods after this record's occurrence the last one published by `until` comes.
    private func lastOccurrenceShift(_ repetition: Repetition, until: ItemMoment) -> Int {
        var shift = 0
        while shift < 10_000, repetition.moment(record.published, shiftedBy: shift + 1) <= until { shift += 1 }
        return shift
    }

    /// A later occurrence of a repeating item as its first: the series keeps
    /// one `DTSTART` (and one `UNTIL`) whichever occurrence is current.
    static func firstOccurrence(of record: PublishedItem) -> PublishedItem {
        guard let repetition = record.repetition, record.occurrenceNumber > 1, let when = record.when else { return record }
        var first = record
        first.when = repetition.event(when, shiftedBy: 1 - record.occurrenceNumber)
        first.published = repetition.moment(record.published, shiftedBy: 1 - record.occurrenceNumber)
        return first
    }

    /// The event's first day: its first day, or for a weekly rhythm the first
    /// of its weekdays on or after its first day (or `published`, when open-ended).
    static func firstDay(of when: EventWhen, from published: CivilDate) -> CivilDate {
        let start = when.firstDay ?? published
        guard when.isWeekly else { return start }
        var day = start
        while !when.weekdays.contains(FrenchDates.weekday(of: day)) { day = day.adding(days: 1) }
        return day
    }

    static let byDay = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]

    static func date(_ day: CivilDate) -> String { String(format: "%04d%02d%02d", day.year, day.month, day.day) }

    static func local(_ day: CivilDate, _ time: CivilTime) -> String {
        date(day) + String(format: "T%02d%02d00", time.hour, time.minute)
    }

    static func utcStamp(_ instant: Date, utc: CivilCalendar) -> String {
        let time = utc.civilTime(of: instant)
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) % 60
        return date(utc.civilDate(of: instant)) + String(format: "T%02d%02d%02dZ", time.hour, time.minute, (seconds + 60) % 60)
    }
}
