import Testing
@testable import CrieurKit

struct BulletinScheduleTests {
    typealias T = BulletinTestItems

    private var settings: BulletinSettings {
        var settings = BulletinSettings()
        for (number, day) in [1: "12-01", 2: "03-01", 3: "06-01", 4: "09-01"] {
            settings.deadlines[number] = BulletinSettings.MonthDay(day)!
        }
        settings.daysBeforeDeadline = 14
        return settings
    }

    @Test func deadlineIsTheLastSuchDayBeforeTheQuarterEnds() throws {
        #expect(settings.deadline(of: try Quarter.parse("2027-T1")) == T.day("2026-12-01"))
        #expect(settings.deadline(of: try Quarter.parse("2026-T4")) == T.day("2026-09-01"))
        var midQuarter = settings
        midQuarter.deadlines[4] = BulletinSettings.MonthDay("10-15")!
        #expect(midQuarter.deadline(of: try Quarter.parse("2026-T4")) == T.day("2026-10-15"))
        midQuarter.deadlines[4] = nil
        #expect(midQuarter.deadline(of: try Quarter.parse("2026-T4")) == nil)
    }

    @Test func currentQuarterAloneOutsideAnyDeadlineWindow() {
        #expect(BulletinSchedule.quarters(on: T.day("2026-11-16"), settings: settings) == [Quarter(year: 2026, number: 4)])
        #expect(BulletinSchedule.quarters(on: T.day("2026-12-02"), settings: settings) == [Quarter(year: 2026, number: 4)])
    }

    @Test func comingQuarterFromDaysBeforeItsDeadlineToTheDeadline() {
        let both = [Quarter(year: 2026, number: 4), Quarter(year: 2027, number: 1)]
        #expect(BulletinSchedule.quarters(on: T.day("2026-11-17"), settings: settings) == both)
        #expect(BulletinSchedule.quarters(on: T.day("2026-12-01"), settings: settings) == both)
    }

    @Test func noDeadlineNoAutomaticDraftForThatQuarter() {
        #expect(BulletinSchedule.quarters(on: T.day("2026-11-20"), settings: BulletinSettings()) == [Quarter(year: 2026, number: 4)])
    }

    @Test func countsDaysAcrossMonthsYearsAndLeapDays() {
        #expect(BulletinSchedule.firstDay(before: T.day("2026-12-01"), days: 14) == T.day("2026-11-17"))
        #expect(BulletinSchedule.firstDay(before: T.day("2027-01-05"), days: 10) == T.day("2026-12-26"))
        #expect(BulletinSchedule.firstDay(before: T.day("2028-03-01"), days: 1) == T.day("2028-02-29"))
        #expect(BulletinSchedule.firstDay(before: T.day("2027-03-01"), days: 1) == T.day("2027-02-28"))
        #expect(BulletinSchedule.firstDay(before: T.day("2026-09-01"), days: 0) == T.day("2026-09-01"))
    }
}
