/// The event an announcement is about, as `Quand:` gives it: one day, a span
/// of days, or a weekly rhythm (within a span, or open-ended), each with an
/// optional time or time range. It is what every channel prints as « Quand »;
/// the display window (`Publication`/`Fin`) is another matter.
///
/// A value is always well formed (the reader refuses the rest): a day has
/// `firstDay == lastDay`; a span has `firstDay < lastDay`; a weekly rhythm has
/// weekdays, and both days or neither; `endTime` comes with `startTime` and
/// after it. Stored in `out/archive/` records, so its coding is part of them.
public struct EventWhen: Codable, Hashable, Sendable {
    /// The first day; nil only for an open-ended weekly rhythm.
    public var firstDay: CivilDate?
    /// The last day; nil only for an open-ended weekly rhythm.
    public var lastDay: CivilDate?
    /// For a weekly rhythm, its days, Monday first; empty otherwise.
    public var weekdays: [FrenchDates.Weekday]
    public var startTime: CivilTime?
    public var endTime: CivilTime?

    public init(
        firstDay: CivilDate?, lastDay: CivilDate?, weekdays: [FrenchDates.Weekday] = [],
        startTime: CivilTime? = nil, endTime: CivilTime? = nil
    ) {
        self.firstDay = firstDay
        self.lastDay = lastDay
        self.weekdays = weekdays
        self.startTime = startTime
        self.endTime = endTime
    }

    /// One day, with an optional time or time range.
    public static func day(_ day: CivilDate, from start: CivilTime? = nil, to end: CivilTime? = nil) -> EventWhen {
        EventWhen(firstDay: day, lastDay: day, startTime: start, endTime: end)
    }

    public var isWeekly: Bool { !weekdays.isEmpty }

    /// The event in French words, as a complement of time:
    /// « le samedi 12 décembre de 9 h 30 à 12 h », « le mardi 1er décembre à 9 h »,
    /// « du jeudi 24 au jeudi 31 décembre », « chaque jeudi de 13 h à 16 h »,
    /// « chaque jeudi de 13 h à 16 h, du jeudi 1er octobre 2026 au mercredi 31 mars 2027 ».
    /// The year is written when it is not `referenceYear` (nil: always).
    public func french(referenceYear: Int?) -> String {
        let times = timeWords
        if isWeekly {
            var words = "chaque " + Self.list(weekdays.map(\.frenchName)) + (times.map { " " + $0 } ?? "")
            if let firstDay, let lastDay, let span = span(firstDay, lastDay, referenceYear: referenceYear) {
                words += ", " + span
            }
            return words
        }
        guard let firstDay, let lastDay else { return times ?? "" }
        if firstDay == lastDay {
            return FrenchDates.date(firstDay, referenceYear: referenceYear) + (times.map { " " + $0 } ?? "")
        }
        return (span(firstDay, lastDay, referenceYear: referenceYear) ?? "") + (times.map { ", " + $0 } ?? "")
    }

    /// « de 9 h 30 à 12 h », « à 9 h », or nil without a time.
    private var timeWords: String? {
        guard let startTime else { return nil }
        guard let endTime, endTime != startTime else { return FrenchDates.atTime(startTime) }
        return "de \(FrenchDates.time(startTime)) à \(FrenchDates.time(endTime))"
    }

    private func span(_ first: CivilDate, _ last: CivilDate, referenceYear: Int?) -> String? {
        FrenchDates.range(from: ItemMoment(date: first), to: ItemMoment(date: last), referenceYear: referenceYear)
    }

    /// « jeudi », « lundi et jeudi », « lundi, mercredi et vendredi ».
    private static func list(_ words: [String]) -> String {
        guard words.count > 1 else { return words.first ?? "" }
        return words.dropLast().joined(separator: ", ") + " et " + words[words.count - 1]
    }

    /// The same event `months` months later (earlier when negative): every date
    /// moves, a day past the end of its new month becomes that month's last day
    /// (31 January + 1 month = 28 or 29 February); weekdays and times stay.
    public func shifted(byMonths months: Int) -> EventWhen {
        var moved = self
        moved.firstDay = firstDay.map { $0.adding(months: months) }
        moved.lastDay = lastDay.map { $0.adding(months: months) }
        return moved
    }

    /// The same event `days` days later (earlier when negative); weekdays and times stay.
    public func shifted(byDays days: Int) -> EventWhen {
        var moved = self
        moved.firstDay = firstDay.map { $0.adding(days: days) }
        moved.lastDay = lastDay.map { $0.adding(days: days) }
        return moved
    }
}

extension FrenchDates.Weekday: Codable {}

extension CivilDate {
    /// The same day `months` months later, or the new month's last day when it is shorter.
    public func adding(months: Int) -> CivilDate {
        let index = year * 12 + (month - 1) + months
        let (newYear, newMonth) = (index.floorDivided(by: 12), index.floorModulo(12) + 1)
        return CivilDate(year: newYear, month: newMonth, day: min(day, CivilDate.daysIn(month: newMonth, year: newYear)))
    }
}

private extension Int {
    func floorDivided(by divisor: Int) -> Int {
        self >= 0 ? self / divisor : -((-self + divisor - 1) / divisor)
    }

    func floorModulo(_ divisor: Int) -> Int {
        self - floorDivided(by: divisor) * divisor
    }
}
