import Foundation
import Testing
@testable import CrieurKit

struct WeeklyRotationTests {
    let calendar = CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)

    func entry(_ id: String, checked: CivilDate? = CivilDate(year: 2026, month: 9, day: 1)) -> DirectoryEntry {
        DirectoryEntry(id: id, name: id.capitalized, offer: BodyParser.parse("Texte."), offerText: "Texte.", phone: "107",
                       themes: ["Aide"], checked: checked)
    }

    func makeRotation(day: FrenchDates.Weekday = .monday, hour: Int = 10) -> WeeklyRotation {
        WeeklyRotation(weekly: .init(enabled: true, day: day, time: CivilTime(hour: hour, minute: 0)), calendar: calendar)
    }

    func instant(_ date: CivilDate, _ hour: Int, _ minute: Int = 0) -> Date {
        calendar.instant(date, hour: hour, minute: minute)
    }

    @Test func aWeekBeginsAtTheConfiguredDayAndTime() {
        let monday = CivilDate(year: 2026, month: 12, day: 7)
        let rotation = makeRotation()
        #expect(rotation.week(containing: instant(monday, 10)) == monday)
        #expect(rotation.week(containing: instant(monday, 9, 59)) == CivilDate(year: 2026, month: 11, day: 30))
        #expect(rotation.week(containing: instant(monday.adding(days: 6), 23, 59)) == monday)
        #expect(rotation.nextWeekStart(after: instant(monday, 12)) == instant(monday.adding(days: 7), 10))
        let thursday = makeRotation(day: .thursday, hour: 14)
        #expect(thursday.week(containing: instant(monday, 12)) == CivilDate(year: 2026, month: 12, day: 3))
    }

    /// Eight weeks over three fresh entries and a stale one: a, b, c, a, b, c, a, b.
    @Test func eachEntryIsShownOnceBeforeAnyIsShownTwiceAndStaleOnesNever() {
        let entries = [entry("c"), entry("a"), entry("vieux", checked: CivilDate(year: 2024, month: 1, day: 1)), entry("b")]
        let rotation = makeRotation()
        var history: [WeeklyRotation.Shown] = []
        var monday = CivilDate(year: 2026, month: 12, day: 7)
        for _ in 0..<8 {
            let now = instant(monday, 11)
            let freshness = DirectoryFreshness(staleAfterMonths: 12, today: monday)
            guard case .show(let chosen, let week) = rotation.decide(entries: entries, history: history, now: now, freshness: freshness) else {
                Issue.record("nothing chosen on \(monday)")
                return
            }
            #expect(week == monday)
            history.append(.init(week: week, entryID: chosen.id, name: chosen.name))
            #expect(rotation.decide(entries: entries, history: history, now: now, freshness: freshness)
                == .alreadyShown(history.last!), "a second run in the same week chooses nothing new")
            monday = monday.adding(days: 7)
        }
        #expect(history.map(\.entryID) == ["a", "b", "c", "a", "b", "c", "a", "b"])
    }

    @Test func aNewEntryComesBeforeEntriesAlreadyShown() {
        let history = [WeeklyRotation.Shown(week: CivilDate(year: 2026, month: 11, day: 30), entryID: "a", name: "A")]
        let decision = makeRotation().decide(
            entries: [entry("a"), entry("z")], history: history, now: instant(CivilDate(year: 2026, month: 12, day: 7), 10),
            freshness: DirectoryFreshness(staleAfterMonths: 12, today: CivilDate(year: 2026, month: 12, day: 7)))
        #expect(decision == .show(entry("z"), week: CivilDate(year: 2026, month: 12, day: 7)))
    }

    @Test func nothingIsShownWhenEveryEntryIsStaleOrTheRotationIsOff() {
        let today = CivilDate(year: 2026, month: 12, day: 7)
        let freshness = DirectoryFreshness(staleAfterMonths: 12, today: today)
        #expect(makeRotation().decide(entries: [entry("a", checked: nil)], history: [], now: instant(today, 10), freshness: freshness)
            == .nothingToShow(week: today))
        var off = makeRotation()
        off.weekly.enabled = false
        #expect(off.decide(entries: [entry("a")], history: [], now: instant(today, 10), freshness: freshness) == .disabled)
    }
}

struct DirectoryFreshnessTests {
    @Test func anEntryIsToCheckTheDayAfterItsTwelveMonthsAndWhenNeverChecked() {
        let checked = CivilDate(year: 2025, month: 12, day: 7)
        func entry(_ date: CivilDate?) -> DirectoryEntry {
            DirectoryEntry(id: "x", name: "X", offer: BodyParser.parse("T."), offerText: "T.", themes: ["A"], checked: date)
        }
        #expect(!DirectoryFreshness(staleAfterMonths: 12, today: CivilDate(year: 2026, month: 12, day: 7)).isStale(entry(checked)))
        #expect(DirectoryFreshness(staleAfterMonths: 12, today: CivilDate(year: 2026, month: 12, day: 8)).isStale(entry(checked)))
        #expect(DirectoryFreshness(staleAfterMonths: 12, today: checked).isStale(entry(nil)))
        // The 31st checked, six months later is the end of a shorter month.
        #expect(DirectoryFreshness(staleAfterMonths: 6, today: checked).lastTrustedDay(checkedOn: CivilDate(year: 2026, month: 8, day: 31))
            == CivilDate(year: 2027, month: 2, day: 28))
    }

    @Test func theSettingsAreReadStrictlyFromTheConfiguration() throws {
        let config = try CrieurConfig.parse(Data("{ directory: { staleAfterMonths: 6, weekly: { day: \"Jeudi\", time: \"14:30\" } } }".utf8))
        #expect(config.directory.staleAfterMonths == 6)
        #expect(config.directory.weekly.day == .thursday)
        #expect(config.directory.weekly.time == CivilTime(hour: 14, minute: 30))
        #expect(throws: ConfigError.self) { try CrieurConfig.parse(Data("{ directory: { weekly: { day: \"lundy\" } } }".utf8)) }
        #expect(throws: ConfigError.self) { try CrieurConfig.parse(Data("{ directory: { stalAfterMonths: 6 } }".utf8)) }
    }

    @Test func theDefaultConfigurationWritesTheDirectoryDefaults() throws {
        let config = try CrieurConfig.parse(Data(DefaultConfiguration.text.utf8))
        #expect(config.directory == DirectorySettings())
        #expect(config.readability.directoryProfile == ReadabilitySettings.defaultDirectoryProfile)
        #expect(config.readability.channels[ReadabilitySettings.directoryProfileName] != nil, "the file shows the profile to edit")
    }
}

struct DirectoryReadabilityTests {
    func entry(_ offer: String) -> DirectoryEntry {
        DirectoryEntry(id: "x", name: "Service énergie", offer: BodyParser.parse(offer), offerText: offer, themes: ["Énergie"],
                       offerFirstLine: 5)
    }

    @Test func plainSentencesPassAndAdministrativeFrenchIsRefusedWithItsLine() {
        let readability = DirectoryReadability(settings: ReadabilitySettings())
        #expect(readability.check(entry("Votre facture est trop chère ?\nLe CPAS vous aide à la payer.")).pass)
        let hard = entry("""
            Afin de solliciter l'octroi d'une intervention financière, le demandeur est tenu de compléter préalablement le formulaire \
            ad hoc et de transmettre les pièces justificatives requises conformément aux modalités en vigueur au sein du service.
            """)
        let verdict = readability.check(hard)
        #expect(!verdict.pass)
        #expect(verdict.reasons.contains { $0.contains("mots administratifs") })
        #expect(verdict.reasons.contains { $0.contains("(ligne 5)") })
    }

    @Test func theConfigurationOverridesTheDirectoryProfile() throws {
        var settings = ReadabilitySettings()
        var override = ReadabilityProfile.Override()
        override.maxSentenceWords = 4
        settings.channels[ReadabilitySettings.directoryProfileName] = override
        let verdict = DirectoryReadability(settings: settings).check(entry("Le CPAS vous aide à payer vos factures."))
        #expect(verdict.reasons.contains { $0.contains("dépasse 4 mots") })
    }
}
