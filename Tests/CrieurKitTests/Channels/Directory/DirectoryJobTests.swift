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

    @Test func aPassOnAnUnchangedFolderTheSameDayReadsNothingAndAnyChangeIsReadAtTheNextPass() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.entry("Taxi social"), to: "directory/taxi.txt")
        let config = try workspace.config()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let clock = ManualClock(calendar.instant(CivilDate(year: 2026, month: 12, day: 7), hour: 10, minute: 30))
        let job = DirectoryJob(workspace: workspace.workspace, config: config, clock: clock, pdfConverter: nil)
        // A file written just now is read at every pass until it has settled (its stamps could hide a second
        // write in the same grain of file-system time): wait for that, in real time.
        usleep(UInt32(DirectoryJob.settleSeconds * 1_000_000) + 100_000)
        let first = try job.runDue(stopRequested: { false })
        for _ in 1...5 {
            clock.advance(2)
            #expect(try job.runDue(stopRequested: { false }).nextWake == first.nextWake)
        }
        #expect(job.readings == 1, "the service's passes every two seconds read the folder once")

        // A new entry, an edit of the same size, a removal: each is read at the next pass.
        try workspace.write(Self.entry("Épicerie sociale"), to: "directory/epicerie.txt")
        _ = try job.runDue(stopRequested: { false })
        #expect(job.readings == 2)
        #expect(try workspace.read("out/directory/annuaire.json").contains("Épicerie sociale"))
        try workspace.write(Self.entry("Épicerie Sociale"), to: "directory/epicerie.txt")
        _ = try job.runDue(stopRequested: { false })
        #expect(try workspace.read("out/directory/annuaire.json").contains("Épicerie Sociale"))
        try FileSystem.remove(workspace.path("directory/epicerie.txt"))
        _ = try job.runDue(stopRequested: { false })
        #expect(try !workspace.read("out/directory/annuaire.json").contains("Épicerie"))
        #expect(job.readings == 4)

        // The wake it asked for (tomorrow 00:05): read again then.
        clock.advance(first.nextWake!.timeIntervalSince(clock.now()))
        _ = try job.runDue(stopRequested: { false })
        #expect(job.readings == 5)
    }
}
