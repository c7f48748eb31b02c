import Foundation

/// Converts between instants and the centre's calendar (days, times of day) in
/// its time zone, so that "Publication: 2026-12-01" means midnight in Namur,
/// whatever the server's own zone.
public struct CivilCalendar: Sendable {
    public let timeZone: TimeZone
    private let calendar: Calendar

    public init(timeZone: TimeZone) {
        self.timeZone = timeZone
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        self.calendar = calendar
    }

    /// The first instant of the moment: its time, or the start of its day.
    public func start(of moment: ItemMoment) -> Date {
        let time = moment.time ?? CivilTime(hour: 0, minute: 0)
        return instant(moment.date, hour: time.hour, minute: time.minute)
    }

    /// The end of a "last day shown": the given time, or the end of that day.
    public func end(of moment: ItemMoment) -> Date {
        if let time = moment.time { return instant(moment.date, hour: time.hour, minute: time.minute) }
        let next = calendar.date(byAdding: .day, value: 1, to: instant(moment.date, hour: 0, minute: 0))!
        return next.addingTimeInterval(-1)
    }

    public func instant(_ date: CivilDate, hour: Int, minute: Int, second: Int = 0) -> Date {
        let parts = DateComponents(
            timeZone: timeZone, year: date.year, month: date.month, day: date.day,
            hour: hour, minute: minute, second: second)
        return calendar.date(from: parts)!
    }

    public func civilDate(of instant: Date) -> CivilDate {
        let parts = calendar.dateComponents([.year, .month, .day], from: instant)
        return CivilDate(year: parts.year!, month: parts.month!, day: parts.day!)
    }

    /// The day and time of `instant` in the centre's zone; no time at midnight
    /// (« le samedi 5 décembre », not « à 0 h »).
    public func moment(of instant: Date) -> ItemMoment {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        let time = p.hour == 0 && p.minute == 0 ? nil : CivilTime(hour: p.hour!, minute: p.minute!)
        return ItemMoment(date: CivilDate(year: p.year!, month: p.month!, day: p.day!), time: time)
    }

    /// The time of day of an instant on the centre's clock, to the minute.
    public func civilTime(of instant: Date) -> CivilTime {
        let parts = calendar.dateComponents([.hour, .minute], from: instant)
        return CivilTime(hour: parts.hour!, minute: parts.minute!)
    }

    /// An instant as a person reads it, to the minute: « le samedi 5 décembre à 9 h »,
    /// midnight as the day alone (the year only when it is not `referenceYear`;
    /// nil: always). Machines get `timestamp`.
    /// Without `article`, « samedi 5 décembre à 9 h », to follow « jusqu'au » or « à partir du ».
    public func frenchWords(_ instant: Date, referenceYear: Int?, article: Bool = true) -> String {
        let words = FrenchDates.moment(moment(of: instant), referenceYear: referenceYear)
        return article ? words : String(words.dropFirst("le ".count))
    }

    /// An instant as a record for a person, always to the minute and with its
    /// year: « le 3 décembre 2026 à 14 h 05 », « le 1er janvier 2027 à 0 h ».
    public func frenchRecordTime(_ instant: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: instant)
        return "le \(FrenchDates.dayOfMonth(p.day!)) \(FrenchDates.monthName(p.month!)) \(p.year!) "
            + FrenchDates.atTime(CivilTime(hour: p.hour!, minute: p.minute!))
    }

    /// `AAAA-MM-JJ HH:MM:SS` in the centre's zone, for logs, JSON and machines.
    public func timestamp(_ instant: Date) -> String {
        let p = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: instant)
        return String(format: "%04d-%02d-%02d %02d:%02d:%02d", p.year!, p.month!, p.day!, p.hour!, p.minute!, p.second!)
    }

    /// Parses `--now AAAA-MM-JJTHH:MM[:SS]` (also with a space) in the centre's zone.
    public func parseLocalTimestamp(_ text: String) -> Date? {
        let parts = text.split(whereSeparator: { $0 == "T" || $0 == " " })
        guard parts.count == 2 || parts.count == 1 else { return nil }
        let day = parts[0].split(separator: "-").compactMap { Int($0) }
        guard day.count == 3 else { return nil }
        let date = CivilDate(year: day[0], month: day[1], day: day[2])
        guard date.isValid else { return nil }
        var clock = [0, 0, 0]
        if parts.count == 2 {
            let fields = parts[1].split(separator: ":").map { Int($0) }
            guard (2...3).contains(fields.count), fields.allSatisfy({ $0 != nil }) else { return nil }
            for (i, value) in fields.enumerated() { clock[i] = value! }
            guard (0...23).contains(clock[0]), (0...59).contains(clock[1]), (0...59).contains(clock[2]) else { return nil }
        }
        return instant(date, hour: clock[0], minute: clock[1], second: clock[2])
    }
}
