import Foundation
import Testing
@testable import CrieurKit

/// The worker's directory job: outputs rewritten only when the directory or the day
/// changed, the week's service written once, the worker woken for the next day.
struct DirectoryJobTests {
    static func entry(_ name: String, checked: String = "2026-11-01") -> String {
        "Nom: \(name)\nThèmes: Aide\nTéléphone: 084 31 20 50\nVérifié le: \(checked)\n---\nOn vous aide.\n"
    }

    @Test func outputsAreRewrittenOnlyWhenTheDirectoryOrTheDayChanges() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.entry("Taxi social"), to: "directory/taxi.txt")
        let config = try workspace.config()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let monday = calendar.instant(CivilDate(year: 2026, month: 12, day: 7), hour: 10, minute: 30)
        let job = DirectoryJob(workspace: workspace.workspace, config: config, clock: FixedClock(monday), pdfConverter: nil)

        let result = try job.runDue(stopRequested: { false })
        #expect(result.nextWake == calendar.instant(CivilDate(year: 2026, month: 12, day: 8), hour: 0, minute: 5))
        #expect(try workspace.read("out/directory/annuaire.json").contains("\"name\" : \"Taxi social\""))
        #expect(workspace.names("out/directory/semaine").contains("historique.json"))

        try workspace.write("marque", to: "out/directory/annuaire.json")
        _ = try job.runDue(stopRequested: { false })
        #expect(try workspace.read("out/directory/annuaire.json") == "marque", "same entries, same day: nothing rewritten")

        try workspace.write(Self.entry("Taxi social de Mirevaux"), to: "directory/taxi.txt")
        _ = try job.runDue(stopRequested: { false })
        #expect(try workspace.read("out/directory/annuaire.json").contains("Taxi social de Mirevaux"))

        try workspace.write("marque", to: "out/directory/annuaire.json")
        let tuesday = DirectoryJob(workspace: workspace.workspace, config: config,
                                   clock: FixedClock(monday.addingTimeInterval(86_400)), pdfConverter: nil)
        _ = try tuesday.runDue(stopRequested: { false })
        #expect(try workspace.read("out/directory/annuaire.json") != "marque", "a new day: the bottin's date changes")
        let history = try WeeklyServiceHistory.of(workspace.workspace).read()
        #expect(history.map(\.week) == ["2026-12-07"], "one service for the week, however many passes")
    }
}
