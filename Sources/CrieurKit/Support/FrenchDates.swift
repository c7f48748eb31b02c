/// Dates and times in words, as a CPAS writes them to citizens:
/// "le samedi 5 décembre", "le mardi 1er décembre", "à 9 h 30",
/// "du lundi 1er au vendredi 5 décembre", "jusqu'au samedi 5 décembre".
///
/// Pure: the weekday comes from the Gregorian rules alone (no time zone, no
/// `Calendar`), so a date reads the same on every machine and in every test.
/// The year is written only when it differs from `referenceYear` (the year the
/// reader is in, usually the year of publication); pass `nil` to always write it.
/// Dates must be valid (`CivilDate.isValid`, as the item parser guarantees);
/// an invalid date is a broken invariant and stops the program.
public enum FrenchDates {
    /// A day of the week, numbered as ISO 8601 does (Monday is 1).
    public enum Weekday: Int, CaseIterable, Sendable {
        case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

        /// The French name, lower-case as French writes it inside a sentence.
        public var frenchName: String {
            switch self {
            case .monday: return "lundi"
            case .tuesday: return "mardi"
            case .wednesday: return "mercredi"
            case .thursday: return "jeudi"
            case .friday: return "vendredi"
            case .saturday: return "samedi"
            case .sunday: return "dimanche"
            }
        }
    }

    /// French month names, lower-case, January first.
    public static let monthNames = [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ]

    /// The French name of a month numbered 1 to 12.
    public static func monthName(_ month: Int) -> String {
        precondition((1...12).contains(month), "month \(month) is not between 1 and 12")
        return monthNames[month - 1]
    }

    /// The day of the week of a date of the proleptic Gregorian calendar.
    public static func weekday(of date: CivilDate) -> Weekday {
        precondition(date.isValid, "\(date) is not a day of the calendar")
        // Sakamoto's method: January and February count as months of the
        // previous year, so the leap day falls at the end of that year.
        let monthOffsets = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4]
        let year = date.month < 3 ? date.year - 1 : date.year
        let sundayBased = (year + year / 4 - year / 100 + year / 400 + monthOffsets[date.month - 1] + date.day) % 7
        return Weekday(rawValue: sundayBased == 0 ? 7 : sundayBased)!
    }

    /// The day of the month as French writes it: "1er" for the first, else the number.
    public static func dayOfMonth(_ day: Int) -> String {
        day == 1 ? "1er" : String(day)
    }

    /// A date without its article: "samedi 5 décembre", "vendredi 1er janvier 2027".
    /// Use it after a preposition that takes the article ("au", "du").
    public static func day(_ date: CivilDate, referenceYear: Int?) -> String {
        var words = "\(weekday(of: date).frenchName) \(dayOfMonth(date.day)) \(monthName(date.month))"
        if date.year != referenceYear {
            words += " \(date.year)"
        }
        return words
    }

    /// A date as a complement of time: "le samedi 5 décembre".
    public static func date(_ date: CivilDate, referenceYear: Int?) -> String {
        "le " + day(date, referenceYear: referenceYear)
    }

    /// A time of day: "9 h", "9 h 30", "9 h 05".
    public static func time(_ time: CivilTime) -> String {
        precondition(time.isValid, "\(time.hour):\(time.minute) is not a time of day")
        if time.minute == 0 {
            return "\(time.hour) h"
        }
        return "\(time.hour) h " + (time.minute < 10 ? "0\(time.minute)" : String(time.minute))
    }

    /// A time of day as a complement: "à 9 h 30".
    public static func atTime(_ time: CivilTime) -> String {
        "à " + self.time(time)
    }

    /// A moment: "le samedi 5 décembre", or "le samedi 5 décembre à 9 h 30" when it has a time.
    public static func moment(_ moment: ItemMoment, referenceYear: Int?) -> String {
        date(moment.date, referenceYear: referenceYear) + timeSuffix(moment.time)
    }

    /// A period in words, or `nil` when neither end is known:
    /// - both ends, different days: "du lundi 1er au vendredi 5 décembre",
    ///   "du lundi 30 novembre au vendredi 4 décembre",
    ///   "du lundi 1er décembre à 9 h au vendredi 5 décembre à 17 h";
    /// - both ends, same day: "le samedi 5 décembre de 9 h à 12 h";
    /// - end only: "jusqu'au samedi 5 décembre";
    /// - start only: "à partir du samedi 5 décembre".
    /// A period across two years writes both years, whatever the reference year.
    public static func range(from start: ItemMoment?, to end: ItemMoment?, referenceYear: Int?) -> String? {
        switch (start, end) {
        case (nil, nil):
            return nil
        case (nil, let end?):
            return "jusqu'au " + day(end.date, referenceYear: referenceYear) + timeSuffix(end.time)
        case (let start?, nil):
            return "à partir du " + day(start.date, referenceYear: referenceYear) + timeSuffix(start.time)
        case (let start?, let end?):
            if start.date == end.date {
                return sameDayRange(start, end, referenceYear: referenceYear)
            }
            let reference = start.date.year == end.date.year ? referenceYear : nil
            let endWords = day(end.date, referenceYear: reference) + timeSuffix(end.time)
            let sharesMonth = start.date.year == end.date.year && start.date.month == end.date.month
            // "du lundi 1er au vendredi 5 décembre": the month is said once, unless a
            // time sits between the two days and would make the short form ambiguous.
            let startWords = sharesMonth && start.time == nil
                ? "\(weekday(of: start.date).frenchName) \(dayOfMonth(start.date.day))"
                : day(start.date, referenceYear: reference) + timeSuffix(start.time)
            return "du \(startWords) au \(endWords)"
        }
    }

    private static func sameDayRange(_ start: ItemMoment, _ end: ItemMoment, referenceYear: Int?) -> String {
        let dayWords = date(start.date, referenceYear: referenceYear)
        switch (start.time, end.time) {
        case (let from?, let to?):
            return from == to ? "\(dayWords) \(atTime(from))" : "\(dayWords) de \(time(from)) à \(time(to))"
        case (let from?, nil):
            return "\(dayWords) à partir de \(time(from))"
        case (nil, let to?):
            return "\(dayWords) jusqu'à \(time(to))"
        case (nil, nil):
            return dayWords
        }
    }

    private static func timeSuffix(_ time: CivilTime?) -> String {
        time.map { " " + atTime($0) } ?? ""
    }
}
