import Foundation
import Testing
@testable import CrieurKit

private func moment(_ year: Int, _ month: Int, _ day: Int, _ time: (Int, Int)? = nil) -> ItemMoment {
    ItemMoment(date: CivilDate(year: year, month: month, day: day), time: time.map { CivilTime(hour: $0.0, minute: $0.1) })
}

@Test(arguments: [
    ("2026-12-07", moment(2026, 12, 7)),
    ("07/12/2026", moment(2026, 12, 7)),
    ("1er décembre 2026", moment(2026, 12, 1)),
    ("1 décembre 2026", moment(2026, 12, 1)),
    ("lundi 7 décembre 2026", moment(2026, 12, 7)),
    ("Lundi 7 Décembre 2026", moment(2026, 12, 7)),
    ("7 déc. 2026", moment(2026, 12, 7)),
    ("7 dec 2026", moment(2026, 12, 7)),
    ("7 decembre 2026", moment(2026, 12, 7)),
    ("7 DÉCEMBRE 2026", moment(2026, 12, 7)),
    ("15 févr. 2027", moment(2027, 2, 15)),
    ("3 aout 2026", moment(2026, 8, 3)),
    ("3 août 2026", moment(2026, 8, 3)),
    ("lundi 07/12/2026", moment(2026, 12, 7)),
    ("lundi 7 décembre 2026 à 9 h 30", moment(2026, 12, 7, (9, 30))),
    ("1er décembre 2026 9h", moment(2026, 12, 1, (9, 0))),
    ("7 décembre 2026 à midi", moment(2026, 12, 7, (12, 0))),
    ("2026-12-07T09:00:00", moment(2026, 12, 7, (9, 0))),
])
func writtenAndNumericDatesAreRead(written: String, expected: ItemMoment) {
    #expect(FrenchDateReader.moment(written) == .success(expected))
}

@Test(arguments: [
    ("mardi 7 décembre 2026", FrenchDateReader.Failure.wrongWeekday(CivilDate(year: 2026, month: 12, day: 7), written: .tuesday)),
    ("dimanche 07/12/2026", .wrongWeekday(CivilDate(year: 2026, month: 12, day: 7), written: .sunday)),
    ("7 décembre", .missingYear),
    ("lundi 7 décembre", .missingYear),
    ("31 avril 2026", .impossibleDate(CivilDate(year: 2026, month: 4, day: 31))),
    ("7 décembre 2026 25h", .impossibleTime),
    ("demain", .unreadable),
    ("7 truc 2026", .unreadable),
    ("7 décembre 26", .unreadable),
    ("lundi", .unreadable),
    ("2026/12/07", .unreadable),
    ("07/12-2026", .unreadable),
    ("", .unreadable),
])
func unusableDatesAreRefusedWithTheirReason(written: String, failure: FrenchDateReader.Failure) {
    #expect(FrenchDateReader.moment(written) == .failure(failure))
}

@Test func aHugeNumberIsUnreadableNotACrash() {
    #expect(FrenchDateReader.moment(String(repeating: "9", count: 50_000) + " décembre 2026") == .failure(.unreadable))
}
