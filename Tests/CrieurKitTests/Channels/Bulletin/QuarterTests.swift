import Testing
@testable import CrieurKit

struct QuarterTests {
    @Test func readsYearAndQuarterNumber() throws {
        #expect(try Quarter.parse("2026-T4") == Quarter(year: 2026, number: 4))
        #expect(try Quarter.parse(" 2027-t1 ") == Quarter(year: 2027, number: 1))
    }

    @Test(arguments: ["2026-T5", "2026-T0", "2026T4", "26-T4", "2026-4", "2026-T44", "T4-2026", "", "2026-Q4", "２０２６-T4"])
    func refusesWhatIsNotAQuarterInFrench(_ text: String) {
        #expect(throws: QuarterError(text: text)) { try Quarter.parse(text) }
        #expect(QuarterError(text: text).description.contains("n'est pas un trimestre"))
        #expect(QuarterError(text: text).description.contains("2026-T4"))
    }

    @Test func knowsItsFirstAndLastDays() {
        #expect(Quarter(year: 2026, number: 4).firstDay == CivilDate(year: 2026, month: 10, day: 1))
        #expect(Quarter(year: 2026, number: 4).lastDay == CivilDate(year: 2026, month: 12, day: 31))
        #expect(Quarter(year: 2027, number: 1).lastDay == CivilDate(year: 2027, month: 3, day: 31))
        #expect(Quarter(year: 2026, number: 2).lastDay == CivilDate(year: 2026, month: 6, day: 30))
        #expect(Quarter(year: 2026, number: 3).firstDay == CivilDate(year: 2026, month: 7, day: 1))
    }

    @Test func findsTheQuarterOfADay() {
        #expect(Quarter(containing: CivilDate(year: 2026, month: 9, day: 30)) == Quarter(year: 2026, number: 3))
        #expect(Quarter(containing: CivilDate(year: 2026, month: 10, day: 1)) == Quarter(year: 2026, number: 4))
        #expect(Quarter(containing: CivilDate(year: 2026, month: 12, day: 31)).next == Quarter(year: 2027, number: 1))
    }

    @Test func namesItselfInFrench() {
        #expect(Quarter(year: 2026, number: 4).frenchName == "4e trimestre 2026 (octobre à décembre)")
        #expect(Quarter(year: 2027, number: 1).frenchName == "1er trimestre 2027 (janvier à mars)")
        #expect(Quarter(year: 2027, number: 1).description == "2027-T1")
    }
}
