import Foundation
import Testing
@testable import CrieurKit

@Suite("Newsletter schedule and issue planning")
struct NewsletterScheduleTests {
    private let calendar = WorkerTestSupport.brussels
    private let at = WorkerTestSupport.date
    private let firstMonday = NewsletterSchedule() // monthly, first Monday, 09:00

    @Test(arguments: [
        (CivilDate(year: 1970, month: 1, day: 1), 0),
        (CivilDate(year: 2000, month: 3, day: 1), 11_017),
        (CivilDate(year: 2024, month: 2, day: 29), 19_782),
        (CivilDate(year: 1969, month: 12, day: 31), -1),
    ])
    func dayNumbersRoundTrip(date: CivilDate, number: Int) {
        #expect(date.dayNumber == number)
        #expect(CivilDate(dayNumber: number) == date)
    }

    @Test func addingDaysCrossesMonthsYearsAndLeapDays() {
        #expect(CivilDate(year: 2026, month: 12, day: 31).adding(days: 1) == CivilDate(year: 2027, month: 1, day: 1))
        #expect(CivilDate(year: 2028, month: 3, day: 1).adding(days: -1) == CivilDate(year: 2028, month: 2, day: 29))
    }

    @Test func firstMondayOfTheMonthAtNine() {
        #expect(firstMonday.next(after: at("2026-11-23T10:00"), calendar: calendar) == at("2026-12-07T09:00"))
        #expect(firstMonday.latest(atOrBefore: at("2026-12-07T08:59"), calendar: calendar) == at("2026-11-02T09:00"))
        #expect(firstMonday.latest(atOrBefore: at("2026-12-07T09:00"), calendar: calendar) == at("2026-12-07T09:00"))
        #expect(firstMonday.frenchDescription == "le premier lundi du mois à 9 h")
    }

    @Test func lastFridayAndWeeklySchedules() {
        let lastFriday = NewsletterSchedule(weekday: .friday, week: -1, time: CivilTime(hour: 14, minute: 30))
        #expect(lastFriday.next(after: at("2026-12-01T00:00"), calendar: calendar) == at("2026-12-25T14:30"))
        let weekly = NewsletterSchedule(frequency: .weekly, weekday: .wednesday)
        #expect(weekly.next(after: at("2026-12-02T09:00"), calendar: calendar) == at("2026-12-09T09:00"))
        #expect(weekly.frenchDescription == "chaque mercredi à 9 h")
    }

    @Test func scheduleIsReadInFrenchWithAccentsOrEnglish() throws {
        let json = #"{"frequency": "Hebdomadaire", "weekday": "Mercredi", "time": "8:15"}"#
        let schedule = try JSONDecoder().decode(NewsletterSchedule.self, from: Data(json.utf8))
        #expect(schedule == NewsletterSchedule(frequency: .weekly, weekday: .wednesday, time: CivilTime(hour: 8, minute: 15)))
        let english = try JSONDecoder().decode(NewsletterSchedule.self, from: Data(#"{"weekday": "friday", "week": -1}"#.utf8))
        #expect(english.weekday == .friday && english.week == -1 && english.frequency == .monthly)
    }

    @Test(arguments: [#"{"weekday": "lunid"}"#, #"{"week": 5}"#, #"{"time": "25:00"}"#, #"{"frequency": "annuel"}"#])
    func badScheduleIsRefusedInFrench(json: String) {
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(NewsletterSchedule.self, from: Data(json.utf8)) }
    }

    // MARK: Planning

    private func archived(_ id: String, urgent: Bool = false, channels: [Channel] = [.newsletter],
                          from: CivilDate, to: CivilDate? = nil) -> PublishedItem {
        var item = PublishedItem(
            Item(title: id, channels: channels, urgent: urgent, body: Body(blocks: []), bodyText: "", bodyFirstLine: 3),
            itemName: "\(id).txt", publishedOn: from)
        item.id = id
        item.expires = to.map { ItemMoment(date: $0) }
        return item
    }

    private var planner: NewsletterIssuePlanner { NewsletterIssuePlanner(schedule: firstMonday, calendar: calendar) }

    @Test func regularIssueCarriesCurrentItemsNoIssueCarriedYet() {
        let nov = CivilDate(year: 2026, month: 11, day: 20)
        let archive = [
            archived("colis", from: nov),
            archived("deja-envoye", from: nov),
            archived("fini", from: nov, to: CivilDate(year: 2026, month: 12, day: 1)),
            archived("facebook-seulement", channels: [.facebook], from: nov),
        ]
        let earlier = NewsletterIssueRecord(id: "2026-11-02", kind: .regular, scheduledFor: at("2026-11-02T09:00"), itemIDs: ["deja-envoye"])
        let due = planner.due(now: at("2026-12-07T09:05"), records: archive, issues: [earlier])
        #expect(due == [NewsletterIssueRecord(id: "2026-12-07", kind: .regular, scheduledFor: at("2026-12-07T09:00"), itemIDs: ["colis"])])
    }

    @Test func slotIsUsedOnceAndALaterItemWaitsForTheNextSlot() {
        let nov = CivilDate(year: 2026, month: 11, day: 20)
        let emptySlot = NewsletterIssueRecord(id: "2026-12-07", kind: .regular, scheduledFor: at("2026-12-07T09:00"), itemIDs: [])
        let due = planner.due(now: at("2026-12-09T10:00"), records: [archived("colis", from: nov)], issues: [emptySlot])
        #expect(due.isEmpty)
        #expect(planner.preview(now: at("2026-12-09T10:00"), records: [archived("colis", from: nov)], issues: [emptySlot]).map(\.id) == ["colis"])
    }

    @Test func urgentItemGetsItsOwnIssueAtOnceAndOnlyOnce() {
        let dec = CivilDate(year: 2026, month: 12, day: 9)
        let slot = NewsletterIssueRecord(id: "2026-12-07", kind: .regular, scheduledFor: at("2026-12-07T09:00"), itemIDs: [])
        let archive = [archived("vague-de-froid", urgent: true, from: dec), archived("colis", from: dec)]
        let due = planner.due(now: at("2026-12-09T11:00"), records: archive, issues: [slot])
        #expect(due == [NewsletterIssueRecord(id: "urgent-vague-de-froid", kind: .urgent, scheduledFor: at("2026-12-09T11:00"), itemIDs: ["vague-de-froid"])])
        #expect(planner.due(now: at("2026-12-09T11:01"), records: archive, issues: [slot] + due).isEmpty)
        let january = planner.due(now: at("2027-01-04T09:00"), records: archive, issues: [slot] + due)
        #expect(january.map(\.itemIDs) == [["colis"]])
    }
}

@Suite("Newsletter issue store")
struct NewsletterIssueStoreTests {
    @Test func issuesRoundTripInTimeOrderAndADamagedOneIsNamed() throws {
        let workspace = try TestWorkspace()
        let store = NewsletterIssueStore(folder: OutputFolder(path: workspace.path("out/newsletter/issues")))
        let later = NewsletterIssueRecord(id: "2027-01-04", kind: .regular, scheduledFor: WorkerTestSupport.date("2027-01-04T09:00"), itemIDs: ["b"])
        let earlier = NewsletterIssueRecord(id: "urgent-a", kind: .urgent, scheduledFor: WorkerTestSupport.date("2026-12-09T11:00"), itemIDs: ["a"])
        try store.save(later)
        try store.save(earlier)
        try store.save(earlier)
        try workspace.write("{", to: "out/newsletter/issues/casse.json")
        let loaded = try store.load()
        #expect(loaded.issues == [earlier, later])
        #expect(loaded.unreadable == ["casse.json"])
    }
}
