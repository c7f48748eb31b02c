/// The `directory` section of `config/crieur.json5`: when an entry is « à
/// vérifier », and when the « service de la semaine » comes out.
///
///     directory: { staleAfterMonths: 12, weekly: { enabled: true, day: "lundi", time: "10:00", newsletter: false } }
///
/// Every key is optional. A misspelt key, an unknown day or a time that is not
/// `HH:MM` is a settings error naming the key, as for the rest of the file.
public struct DirectorySettings: Sendable, Equatable {
    /// An entry whose « Vérifié le » is older than this (or missing) is « à vérifier ».
    public var staleAfterMonths: Int
    public var weekly: Weekly

    public struct Weekly: Sendable, Equatable {
        public var enabled: Bool
        public var day: FrenchDates.Weekday
        public var time: CivilTime
        /// The week's service also goes to the newsletter (its next issue), not only Facebook and the screen.
        public var inNewsletter: Bool

        public init(
            enabled: Bool = true, day: FrenchDates.Weekday = .monday, time: CivilTime = CivilTime(hour: 10, minute: 0),
            inNewsletter: Bool = false
        ) {
            self.enabled = enabled
            self.day = day
            self.time = time
            self.inNewsletter = inNewsletter
        }
    }

    public init(staleAfterMonths: Int = 12, weekly: Weekly = Weekly()) {
        self.staleAfterMonths = staleAfterMonths
        self.weekly = weekly
    }

    /// The section read strictly; problems are reported through `section`.
    public static func read(_ section: ConfigSection) -> DirectorySettings {
        let defaults = DirectorySettings()
        var settings = defaults
        settings.staleAfterMonths = section.int("staleAfterMonths", default: defaults.staleAfterMonths, range: 1...120)
        let weekly = section.section("weekly")
        settings.weekly.enabled = weekly.bool("enabled", default: defaults.weekly.enabled)
        settings.weekly.inNewsletter = weekly.bool("newsletter", default: defaults.weekly.inNewsletter)
        let dayName = weekly.string("day", default: defaults.weekly.day.frenchName)
        if let day = FrenchDates.Weekday.allCases.first(where: { NameFolding.fold($0.frenchName) == NameFolding.fold(dayName) }) {
            settings.weekly.day = day
        } else {
            weekly.report("« directory.weekly.day » vaut « \(dayName) » : écrivez un jour de la semaine, comme \"lundi\".")
        }
        let timeText = weekly.string("time", default: "10:00")
        if let time = CivilTime(clockText: timeText) {
            settings.weekly.time = time
        } else {
            weekly.report("« directory.weekly.time » vaut « \(timeText) » : écrivez une heure comme \"10:00\".")
        }
        return settings
    }
}
