import Foundation

/// A day on the centre's calendar, without a time zone: what staff write.
public struct CivilDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// True when the day exists in the Gregorian calendar (no 30 February).
    public var isValid: Bool {
        guard (1...9999).contains(year), (1...12).contains(month), day >= 1 else { return false }
        return day <= CivilDate.daysIn(month: month, year: year)
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// ISO 8601 form, `AAAA-MM-JJ`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

/// A time of day on the centre's clock.
public struct CivilTime: Hashable, Comparable, Sendable, Codable {
    public var hour: Int
    public var minute: Int

    public init(hour: Int, minute: Int) {
        self.hour = hour
        self.minute = minute
    }

    public var isValid: Bool { (0...23).contains(hour) && (0...59).contains(minute) }

    public static func < (a: CivilTime, b: CivilTime) -> Bool {
        (a.hour, a.minute) < (b.hour, b.minute)
    }
}

/// A day with an optional time, as written in `Publication:` or `Fin:`.
public struct ItemMoment: Hashable, Comparable, Sendable, Codable {
    public var date: CivilDate
    public var time: CivilTime?

    public init(date: CivilDate, time: CivilTime? = nil) {
        self.date = date
        self.time = time
    }

    /// `AAAA-MM-JJ`, or `AAAA-MM-JJ HH:MM` with a time.
    public var description: String {
        date.description + (time.map { String(format: " %02d:%02d", $0.hour, $0.minute) } ?? "")
    }

    public static func < (a: ItemMoment, b: ItemMoment) -> Bool {
        if a.date != b.date { return a.date < b.date }
        return (a.time ?? CivilTime(hour: 0, minute: 0)) < (b.time ?? CivilTime(hour: 0, minute: 0))
    }
}
