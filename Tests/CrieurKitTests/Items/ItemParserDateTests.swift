import Foundation
import Testing
@testable import CrieurKit

private typealias S = ItemTestSupport

private func moment(_ year: Int, _ month: Int, _ day: Int, _ time: (Int, Int)? = nil) -> ItemMoment {
    ItemMoment(date: CivilDate(year: year, month: month, day: day), time: time.map { CivilTime(hour: $0.0, minute: $0.1) })
}

@Test(arguments: [
    ("2026-10-01", moment(2026, 10, 1)),
    ("2026-10-01 09:00", moment(2026, 10, 1, (9, 0))),
    ("2026-10-01T09:00", moment(2026, 10, 1, (9, 0))),
    ("2026-10-01T09:00:30", moment(2026, 10, 1, (9, 0))),
    ("2026-1-5", moment(2026, 1, 5)),
    ("01/10/2026", moment(2026, 10, 1)),
    ("1/10/2026", moment(2026, 10, 1)),
    ("01-10-2026", moment(2026, 10, 1)),
    ("01.10.2026", moment(2026, 10, 1)),
    ("01/10/2026 9:00", moment(2026, 10, 1, (9, 0))),
    ("01/10/2026 09:00", moment(2026, 10, 1, (9, 0))),
    ("01/10/2026 9h00", moment(2026, 10, 1, (9, 0))),
    ("01/10/2026 9 h 30", moment(2026, 10, 1, (9, 30))),
    ("01/10/2026 9h", moment(2026, 10, 1, (9, 0))),
    ("1.10.2026 à 14h15", moment(2026, 10, 1, (14, 15))),
    ("29/02/2028", moment(2028, 2, 29)),
])
func publicationDateFormatsAreRead(written: String, expected: ItemMoment) {
    let item = S.item(S.withHeaderLine("Publication: \(written)"))
    #expect(item?.publication == expected)
}

@Test(arguments: [
    ("2026-02-30", "février 2026 n'a que 28 jours"),
    ("31/04/2026", "avril 2026 n'a que 30 jours"),
    ("29/02/2027", "février 2027 n'a que 28 jours"),
    ("2026-13-01", "il n'y a que 12 mois"),
])
func impossibleDateIsAProblemNamingIt(written: String, reason: String) {
    let problems = S.problems(S.withHeaderLine("Fin: \(written)"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.message == "La date de fin « \(written) » n'existe pas : \(reason).")
}

@Test(arguments: ["2026-10-01 25:00", "01/10/2026 9h75", "2026-10-01T23:59:60"])
func impossibleTimeIsAProblem(written: String) {
    let problems = S.problems(S.withHeaderLine("Publication: \(written)"))
    #expect(problems.count == 1)
    #expect(problems.first?.message.contains("L'heure") == true)
    #expect(problems.first?.message.contains(written) == true)
}

@Test(arguments: ["demain", "octobre 2026", "2026/10/01", "01/10/26", "2026-10-01 9:", "", "١/١٠/٢٠٢٦"])
func unreadableDateIsAProblem(written: String) {
    let problems = S.problems(S.withHeaderLine("Publication: \(written)"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 3)
    #expect(problems.first?.fix.contains("01/10/2026") == true)
}

@Test func endBeforePublicationIsAProblemOnTheEndLine() {
    let problems = S.problems(S.withHeaderLine("Publication: 2026-12-01\nFin: 2026-11-01"))
    #expect(problems.count == 1)
    #expect(problems.first?.line == 4)
    #expect(problems.first?.message.contains("fin") == true)
}

@Test(arguments: [
    ("2026-12-01", "2026-12-01"),
    ("2026-12-01 09:00", "2026-12-01"),
    ("2026-12-01 09:00", "2026-12-01 18:00"),
    ("2026-12-01", "2027-01-01"),
])
func endOnOrAfterPublicationIsAccepted(publication: String, end: String) {
    #expect(S.problems(S.withHeaderLine("Publication: \(publication)\nFin: \(end)")).isEmpty)
}

@Test func endEarlierTheSameDayIsAProblem() {
    #expect(S.problems(S.withHeaderLine("Publication: 2026-12-01 14:00\nFin: 2026-12-01 9h")).map(\.line) == [4])
}

@Test func quandIsTheEventAndLeavesTheDisplayWindowAlone() {
    let item = S.item(S.withHeaderLine("Quand: 12/12/2026 de 9 h 30 à 12 h"))
    #expect(item?.when == .day(CivilDate(year: 2026, month: 12, day: 12), from: CivilTime(hour: 9, minute: 30), to: CivilTime(hour: 12, minute: 0)))
    #expect(item?.publication == nil && item?.expires == nil)
    #expect(S.item(S.withHeaderLine("When: 12/12/2026"))?.when == .day(CivilDate(year: 2026, month: 12, day: 12)))
}

@Test func jsonItemsGiveQuandAsWhen() {
    let json = #"{"title": "Repair café", "channels": ["facebook"], "when": "chaque jeudi de 13 h à 16 h", "body": "Venez."}"#
    #expect(S.item(json, fileName: "annonce.json")?.when?.weekdays == [.thursday])
}

@Test(arguments: [
    ("Quand: demain", "La date « Quand » « demain » n'est pas comprise.", "chaque jeudi"),
    ("Quand: le 12 décembre", "La date « Quand » « le 12 décembre » n'a pas d'année.", "7 décembre 2026"),
    ("Quand: mardi 7 décembre 2026", "Le 7 décembre 2026 est un lundi, pas un mardi.", "lundi 7 décembre 2026"),
    ("Quand: 12/12/2026 de 12 h à 9 h", "Dans « Quand », l'heure de fin (9 h) ne vient pas après l'heure de début (12 h).", "9 h 30 à 12 h"),
    ("Quand:", "La ligne « Quand » est vide.", "du 24/12/2026 au 31/12/2026"),
    ("Fin: mardi 7 décembre 2026", "Le 7 décembre 2026 est un lundi, pas un mardi.", "lundi 7 décembre 2026"),
])
func unusableQuandIsAFrenchProblemOnItsLine(line: String, message: String, fixExcerpt: String) {
    let problems = S.problems(S.withHeaderLine(line))
    #expect(problems.map(\.line) == [3])
    #expect(problems.first?.message == message)
    #expect(problems.first?.fix.contains(fixExcerpt) == true)
}

@Test func publicationAfterTheEventIsAProblemOnThePublicationLine() {
    let problems = S.problems(S.withHeaderLine("Publication: 2026-12-20\nQuand: 12/12/2026"))
    #expect(problems.map(\.line) == [3])
    #expect(problems.first?.message.contains("vient après la fin de l'événement (« Quand » : le samedi 12 décembre 2026)") == true)
    #expect(S.problems(S.withHeaderLine("Publication: 2026-12-12\nQuand: 12/12/2026")).isEmpty)
    #expect(S.problems(S.withHeaderLine("Publication: 2026-12-20\nQuand: chaque jeudi")).isEmpty)
}

@Test func aRunawayQuandIsRefusedQuickly() {
    let value = String(repeating: "é", count: 500_000)
    let start = ContinuousClock.now
    let problems = S.problems(S.withHeaderLine("Quand: \(value)"))
    #expect(ContinuousClock.now - start < .seconds(1))
    #expect(problems.first?.message.hasSuffix("n'est pas comprise.") == true)
}
