import Foundation
import Testing
@testable import CrieurKit

private func day(_ iso: String) -> CivilDate {
    let parts = iso.split(separator: "-").map { Int($0)! }
    return CivilDate(year: parts[0], month: parts[1], day: parts[2])
}

@Test(arguments: [
    ("2026-12-05", FrenchDates.Weekday.saturday),
    ("2027-01-01", .friday),
    ("2024-02-29", .thursday),
    ("2000-01-01", .saturday),
    ("1970-01-01", .thursday),
    ("2026-11-02", .monday),
    ("2026-12-01", .tuesday),
    ("2100-03-01", .monday),
    ("1900-02-28", .wednesday),
    ("2026-10-04", .sunday),
])
func weekdayOfKnownDates(iso: String, expected: FrenchDates.Weekday) {
    #expect(FrenchDates.weekday(of: day(iso)) == expected)
}

/// Foundation's Gregorian calendar is an independent witness for every day of several years,
/// including century and leap-year boundaries.
@Test func weekdayAgreesWithFoundationCalendarOverManyYears() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: "UTC"))
    var mismatches: [String] = []
    for year in [1899, 1900, 1999, 2000, 2024, 2026, 2027, 2100] {
        for month in 1...12 {
            for dayNumber in 1...CivilDate.daysIn(month: month, year: year) {
                let date = CivilDate(year: year, month: month, day: dayNumber)
                let components = DateComponents(year: year, month: month, day: dayNumber)
                let foundationDate = try #require(calendar.date(from: components))
                // Foundation counts Sunday as 1; ISO counts Monday as 1.
                let foundationWeekday = calendar.component(.weekday, from: foundationDate)
                let iso = foundationWeekday == 1 ? 7 : foundationWeekday - 1
                if FrenchDates.weekday(of: date).rawValue != iso { mismatches.append(date.description) }
            }
        }
    }
    #expect(mismatches.isEmpty)
}

@Test(arguments: [
    ("2026-12-05", 2026, "le samedi 5 décembre"),
    ("2026-12-01", 2026, "le mardi 1er décembre"),
    ("2027-01-01", 2026, "le vendredi 1er janvier 2027"),
    ("2027-01-01", 2027, "le vendredi 1er janvier"),
    ("2026-08-15", 2026, "le samedi 15 août"),
    ("2026-02-01", 2026, "le dimanche 1er février"),
])
func dateInWordsWritesYearOnlyWhenDifferent(iso: String, referenceYear: Int, expected: String) {
    #expect(FrenchDates.date(day(iso), referenceYear: referenceYear) == expected)
}

@Test func dateWithoutReferenceYearAlwaysWritesTheYear() {
    #expect(FrenchDates.date(day("2026-12-05"), referenceYear: nil) == "le samedi 5 décembre 2026")
}

@Test func everyMonthHasItsFrenchName() {
    #expect((1...12).map(FrenchDates.monthName) == [
        "janvier", "février", "mars", "avril", "mai", "juin",
        "juillet", "août", "septembre", "octobre", "novembre", "décembre",
    ])
    #expect(FrenchDates.Weekday.allCases.map(\.frenchName) == [
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
    ])
}

@Test(arguments: [
    (9, 0, "9 h"), (9, 30, "9 h 30"), (9, 5, "9 h 05"), (0, 0, "0 h"), (23, 59, "23 h 59"), (12, 0, "12 h"),
])
func timeInWords(hour: Int, minute: Int, expected: String) {
    let time = CivilTime(hour: hour, minute: minute)
    #expect(FrenchDates.time(time) == expected)
    #expect(FrenchDates.atTime(time) == "à " + expected)
}

@Test func momentWithAndWithoutTime() {
    #expect(FrenchDates.moment(ItemMoment(date: day("2026-12-05")), referenceYear: 2026) == "le samedi 5 décembre")
    let withTime = ItemMoment(date: day("2026-12-05"), time: CivilTime(hour: 9, minute: 30))
    #expect(FrenchDates.moment(withTime, referenceYear: 2026) == "le samedi 5 décembre à 9 h 30")
}

private func moment(_ iso: String, _ hour: Int? = nil, _ minute: Int = 0) -> ItemMoment {
    ItemMoment(date: day(iso), time: hour.map { CivilTime(hour: $0, minute: minute) })
}

@Test(arguments: [
    (moment("2026-12-01"), moment("2026-12-05"), "du mardi 1er au samedi 5 décembre"),
    (moment("2026-11-30"), moment("2026-12-04"), "du lundi 30 novembre au vendredi 4 décembre"),
    (moment("2026-12-31"), moment("2027-01-02"), "du jeudi 31 décembre 2026 au samedi 2 janvier 2027"),
    (moment("2027-03-01"), moment("2027-03-05"), "du lundi 1er au vendredi 5 mars 2027"),
    (moment("2026-12-01", 9), moment("2026-12-05", 17), "du mardi 1er décembre à 9 h au samedi 5 décembre à 17 h"),
    (moment("2026-12-05", 9), moment("2026-12-05", 12), "le samedi 5 décembre de 9 h à 12 h"),
    (moment("2026-12-05", 9, 30), moment("2026-12-05"), "le samedi 5 décembre à partir de 9 h 30"),
    (moment("2026-12-05"), moment("2026-12-05", 12), "le samedi 5 décembre jusqu'à 12 h"),
    (moment("2026-12-05"), moment("2026-12-05"), "le samedi 5 décembre"),
])
func rangeInWords(start: ItemMoment, end: ItemMoment, expected: String) {
    #expect(FrenchDates.range(from: start, to: end, referenceYear: 2026) == expected)
}

@Test func openRangesInWords() {
    #expect(FrenchDates.range(from: nil, to: moment("2026-12-05"), referenceYear: 2026) == "jusqu'au samedi 5 décembre")
    #expect(FrenchDates.range(from: nil, to: moment("2026-12-05", 12), referenceYear: 2026)
        == "jusqu'au samedi 5 décembre à 12 h")
    #expect(FrenchDates.range(from: moment("2026-12-01"), to: nil, referenceYear: 2026)
        == "à partir du mardi 1er décembre")
    #expect(FrenchDates.range(from: nil, to: nil, referenceYear: 2026) == nil)
}
