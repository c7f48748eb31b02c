import Foundation
import Testing
@testable import CrieurKit

private func day(_ year: Int, _ month: Int, _ day: Int) -> CivilDate { CivilDate(year: year, month: month, day: day) }
private func time(_ hour: Int, _ minute: Int = 0) -> CivilTime { CivilTime(hour: hour, minute: minute) }

@Test(arguments: [
    ("12/12/2026", EventWhen.day(day(2026, 12, 12))),
    ("le samedi 12 décembre 2026", .day(day(2026, 12, 12))),
    ("01/12/2026 à 9 h", .day(day(2026, 12, 1), from: time(9))),
    ("1er décembre 2026 9h", .day(day(2026, 12, 1), from: time(9))),
    ("12/12/2026 9 h 30 - 12 h", .day(day(2026, 12, 12), from: time(9, 30), to: time(12))),
    ("12/12/2026 de 9 h 30 à 12 h", .day(day(2026, 12, 12), from: time(9, 30), to: time(12))),
    ("12/12/2026 9h30–12h", .day(day(2026, 12, 12), from: time(9, 30), to: time(12))),
    ("du 24/12/2026 au 31/12/2026", EventWhen(firstDay: day(2026, 12, 24), lastDay: day(2026, 12, 31))),
    ("du 24 décembre 2026 au 2 janvier 2027", EventWhen(firstDay: day(2026, 12, 24), lastDay: day(2027, 1, 2))),
    ("du 24/12/2026 au 31/12/2026, de 9 h à 12 h",
     EventWhen(firstDay: day(2026, 12, 24), lastDay: day(2026, 12, 31), startTime: time(9), endTime: time(12))),
    ("chaque jeudi de 13 h à 16 h", EventWhen(firstDay: nil, lastDay: nil, weekdays: [.thursday], startTime: time(13), endTime: time(16))),
    ("Chaque jeudi", EventWhen(firstDay: nil, lastDay: nil, weekdays: [.thursday])),
    ("tous les jeudis et lundis à 9 h", EventWhen(firstDay: nil, lastDay: nil, weekdays: [.monday, .thursday], startTime: time(9))),
    ("chaque jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027",
     EventWhen(firstDay: day(2026, 10, 1), lastDay: day(2027, 3, 31), weekdays: [.thursday], startTime: time(13), endTime: time(16))),
    ("chaque lundi, mercredi et vendredi, du 01/10/2026 au 31/03/2027",
     EventWhen(firstDay: day(2026, 10, 1), lastDay: day(2027, 3, 31), weekdays: [.monday, .wednesday, .friday])),
])
func quandFormsAreRead(written: String, expected: EventWhen) {
    #expect(EventWhen.read(written) == .success(expected))
}

@Test(arguments: [
    ("demain", EventWhen.ReadingFailure.date(.unreadable)),
    ("le 12 décembre", .date(.missingYear)),
    ("mardi 7 décembre 2026", .date(.wrongWeekday(day(2026, 12, 7), written: .tuesday))),
    ("30/02/2026", .date(.impossibleDate(day(2026, 2, 30)))),
    ("12/12/2026 de 12 h à 9 h", .endTimeNotAfterStart(time(12), time(9))),
    ("12/12/2026 de 9 h", .date(.unreadable)),
    ("du 31/12/2026 au 24/12/2026", .lastDayBeforeFirst(day(2026, 12, 31), day(2026, 12, 24))),
    ("du 24/12/2026", .date(.unreadable)),
    ("chaque", .date(.unreadable)),
    ("chaque jeudi de 13 h à 16 h, du 01/10/2026", .date(.unreadable)),
    ("12/12/2026 et plus", .date(.unreadable)),
])
func unusableQuandIsRefusedWithItsReason(written: String, failure: EventWhen.ReadingFailure) {
    #expect(EventWhen.read(written) == .failure(failure))
}

@Test(arguments: [
    ("12/12/2026 de 9 h 30 à 12 h", 2026, "le samedi 12 décembre de 9 h 30 à 12 h"),
    ("12/12/2026 de 9 h 30 à 12 h", 2027, "le samedi 12 décembre 2026 de 9 h 30 à 12 h"),
    ("du 24/12/2026 au 31/12/2026", 2026, "du jeudi 24 au jeudi 31 décembre"),
    ("du 24/12/2026 au 2/1/2027", 2026, "du jeudi 24 décembre 2026 au samedi 2 janvier 2027"),
    ("chaque jeudi de 13 h à 16 h", 2026, "chaque jeudi de 13 h à 16 h"),
    ("chaque jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027", 2026,
     "chaque jeudi de 13 h à 16 h, du jeudi 1er octobre 2026 au mercredi 31 mars 2027"),
    ("tous les lundis, mercredis et vendredis", 2026, "chaque lundi, mercredi et vendredi"),
    ("1er décembre 2026 à 9 h", 2026, "le mardi 1er décembre à 9 h"),
    ("du 1/12/2026 au 5/12/2026, de 9 h à 12 h", 2026, "du mardi 1er au samedi 5 décembre, de 9 h à 12 h"),
])
func quandReadsInFrench(written: String, referenceYear: Int, expected: String) throws {
    let when = try EventWhen.read(written).get()
    #expect(when.french(referenceYear: referenceYear) == expected)
}

@Test(arguments: [
    (day(2026, 1, 31), 1, day(2026, 2, 28)),
    (day(2028, 1, 31), 1, day(2028, 2, 29)),
    (day(2026, 12, 15), 1, day(2027, 1, 15)),
    (day(2026, 3, 31), -1, day(2026, 2, 28)),
    (day(2026, 1, 15), -1, day(2025, 12, 15)),
    (day(2026, 10, 1), 12, day(2027, 10, 1)),
    (day(2026, 5, 31), -17, day(2024, 12, 31)),
])
func shiftingByMonthsClampsToTheMonthsLastDay(from: CivilDate, months: Int, to: CivilDate) {
    #expect(EventWhen.day(from).shifted(byMonths: months) == .day(to))
}

@Test func shiftingMovesEveryDateAndKeepsWeekdaysAndTimes() throws {
    let rhythm = try EventWhen.read("chaque jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027").get()
    let nextYear = rhythm.shifted(byMonths: 12)
    #expect(nextYear.firstDay == day(2027, 10, 1))
    #expect(nextYear.lastDay == day(2028, 3, 31))
    #expect(nextYear.weekdays == [.thursday])
    #expect(nextYear.startTime == time(13) && nextYear.endTime == time(16))
    let week = try EventWhen.read("du 24/12/2026 au 31/12/2026").get().shifted(byDays: 7)
    #expect(week == EventWhen(firstDay: day(2026, 12, 31), lastDay: day(2027, 1, 7)))
    let open = try EventWhen.read("chaque jeudi").get()
    #expect(open.shifted(byDays: 7) == open)
}

@Test func quandSurvivesACodingRoundTrip() throws {
    let when = try EventWhen.read("chaque lundi et jeudi de 13 h à 16 h, du 01/10/2026 au 31/03/2027").get()
    let data = try JSONEncoder().encode(when)
    #expect(try JSONDecoder().decode(EventWhen.self, from: data) == when)
}
