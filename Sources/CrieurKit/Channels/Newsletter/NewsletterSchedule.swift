import Foundation

/// When regular issues of the newsletter go out: every week on a given day, or
/// every month on the first (second, …, last) such day, at a time of day on the
/// centre's clock — "le premier lundi du mois à 9 h".
///
/// Decoded from `newsletter.schedule` in the configuration:
/// `{ frequency: "mensuel", weekday: "lundi", week: 1, time: "09:00" }`.
/// Values may be written in French or English, with or without accents;
/// `week` is 1 to 4, or -1 for the last one of the month. Decoding fails with a
/// French message naming the expected values. Pure: instants come from the
/// `CivilCalendar` the caller gives.
public struct NewsletterSchedule: Hashable, Sendable, Codable {
    public enum Frequency: String, Sendable, Codable { case weekly, monthly }

    public var frequency: Frequency
    public var weekday: FrenchDates.Weekday
    /// For a monthly schedule: which such weekday of the month (1…4, or -1 for the last).
    public var week: Int
    public var time: CivilTime

    public init(frequency: Frequency = .monthly, weekday: FrenchDates.Weekday = .monday, week: Int = 1,
                time: CivilTime = CivilTime(hour: 9, minute: 0)) {
        self.frequency = frequency
        self.weekday = weekday
        self.week = week
        self.time = time
    }

    /// The last issue time at or before `instant`.
    public func latest(atOrBefore instant: Date, calendar: CivilCalendar) -> Date {
        var day = calendar.civilDate(of: instant)
        // A month holds at most 31 days, so one such day lies within 62 days back.
        for _ in 0...62 {
            if matches(day) {
                let start = calendar.instant(day, hour: time.hour, minute: time.minute)
                if start <= instant { return start }
            }
            day = day.adding(days: -1)
        }
        preconditionFailure("a schedule with a valid week always matches within two months")
    }

    /// The first issue time strictly after `instant`.
    public func next(after instant: Date, calendar: CivilCalendar) -> Date {
        var day = calendar.civilDate(of: instant)
        for _ in 0...62 {
            if matches(day) {
                let start = calendar.instant(day, hour: time.hour, minute: time.minute)
                if start > instant { return start }
            }
            day = day.adding(days: 1)
        }
        preconditionFailure("a schedule with a valid week always matches within two months")
    }

    /// True when an issue is due on `day`.
    public func matches(_ day: CivilDate) -> Bool {
        guard FrenchDates.weekday(of: day) == weekday else { return false }
        switch frequency {
        case .weekly: return true
        case .monthly:
            if week == -1 { return day.adding(days: 7).month != day.month }
            return (day.day - 1) / 7 + 1 == week
        }
    }

    /// In words, for staff: « le premier lundi du mois à 9 h ».
    public var frenchDescription: String {
        let at = FrenchDates.atTime(time)
        switch frequency {
        case .weekly: return "chaque \(weekday.frenchName) \(at)"
        case .monthly:
            let ordinals = [1: "premier", 2: "deuxième", 3: "troisième", 4: "quatrième", -1: "dernier"]
            return "le \(ordinals[week] ?? "\(week)e") \(weekday.frenchName) du mois \(at)"
        }
    }

    private enum CodingKeys: String, CodingKey { case frequency, weekday, week, time }

    private static let frequencies: [String: Frequency] = [
        "mensuel": .monthly, "mensuelle": .monthly, "monthly": .monthly, "mois": .monthly,
        "hebdomadaire": .weekly, "weekly": .weekly, "semaine": .weekly,
    ]
    private static let weekdays: [String: FrenchDates.Weekday] = {
        var names: [String: FrenchDates.Weekday] = [:]
        let english = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
        for day in FrenchDates.Weekday.allCases {
            names[NameFolding.fold(day.frenchName)] = day
            names[english[day.rawValue - 1]] = day
        }
        return names
    }()

    public init(from decoder: any Decoder) throws {
        let defaults = NewsletterSchedule()
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let frequencyName = try container.decodeIfPresent(String.self, forKey: .frequency)
        let weekdayName = try container.decodeIfPresent(String.self, forKey: .weekday)
        let timeText = try container.decodeIfPresent(String.self, forKey: .time)
        self.init(week: try container.decodeIfPresent(Int.self, forKey: .week) ?? defaults.week)
        if let frequencyName {
            guard let frequency = Self.frequencies[NameFolding.fold(frequencyName)] else {
                throw DecodingError.dataCorruptedError(forKey: .frequency, in: container, debugDescription:
                    "« \(frequencyName) » n'est pas une fréquence : écrivez \"mensuel\" ou \"hebdomadaire\".")
            }
            self.frequency = frequency
        }
        if let weekdayName {
            guard let weekday = Self.weekdays[NameFolding.fold(weekdayName)] else {
                throw DecodingError.dataCorruptedError(forKey: .weekday, in: container, debugDescription:
                    "« \(weekdayName) » n'est pas un jour de la semaine : écrivez par exemple \"lundi\".")
            }
            self.weekday = weekday
        }
        if let timeText {
            guard let time = CivilTime(clockText: timeText) else {
                throw DecodingError.dataCorruptedError(forKey: .time, in: container, debugDescription:
                    "« \(timeText) » n'est pas une heure : écrivez-la sous la forme 09:00.")
            }
            self.time = time
        }
        guard (1...4).contains(week) || week == -1 else {
            throw DecodingError.dataCorruptedError(forKey: .week, in: container, debugDescription:
                "« week » vaut 1, 2, 3 ou 4 (le premier, deuxième… jour du mois), ou -1 pour le dernier.")
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(frequency == .monthly ? "mensuel" : "hebdomadaire", forKey: .frequency)
        try container.encode(weekday.frenchName, forKey: .weekday)
        try container.encode(week, forKey: .week)
        try container.encode(String(format: "%02d:%02d", time.hour, time.minute), forKey: .time)
    }
}
