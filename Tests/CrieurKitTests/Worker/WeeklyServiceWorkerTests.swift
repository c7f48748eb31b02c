import Foundation
import Testing
@testable import CrieurKit

/// The directory in the real worker, through the registry: the bottin written,
/// the « service de la semaine » queued as an item and published on Facebook
/// and the screen for its week only, fairly rotated across weeks.
struct WeeklyServiceWorkerTests {
    /// The built-in registry with the directory's job making no PDF (LibreOffice is slow; its own tests cover it).
    static let registry = ChannelRegistry(ChannelRegistry.builtIn.modules, workspaceModules: [DirectoryModule(makesPDF: false)])

    static func facebookTitles(_ workspace: TestWorkspace) -> [String] {
        WorkerTestSupport.facebookPosts(workspace).keys.filter { $0.contains("service-de-la-semaine") }.sorted()
    }

    @Test func eightWeeksShowEightDifferentServicesEachDuringItsWeekOnly() throws {
        let workspace = try SampleDirectory.workspace()
        let eligible = try SocialDirectory.read(
            folder: workspace.path("directory"), readability: DirectoryReadability(settings: try workspace.config().readability))
        try ChannelRegistry.$current.withValue(Self.registry) {
            var names: [String] = []
            for week in 0..<8 {
                let monday = CivilDate(year: 2027, month: 1, day: 4).adding(days: 7 * week)
                let events = try WorkerTestSupport.runOnce(workspace, at: "\(monday)T10:30")
                let history = try WeeklyServiceHistory.of(workspace.workspace).read()
                #expect(history.count == week + 1)
                let shown = try #require(history.last)
                #expect(shown.week == monday.description)
                names.append(shown.name)
                let fileName = WeeklyService.fileName(week: monday)
                #expect(events.contains { if case .published(let item, _, _, _) = $0 { return item == fileName } else { return false } },
                        "the week's item is published in the same run: \(events)")
                #expect(!events.contains { if case .leftOut = $0 { return true } else { return false } }, "\(events)")

                // On the screen and the Facebook page this week, and only this week's service.
                let screen = try workspace.read("out/slides/index.html")
                let facebook = try workspace.read("out/facebook/index.html")
                for (index, name) in names.enumerated() {
                    let escaped = HTML.escape(name)
                    if index == names.count - 1 {
                        #expect(screen.contains(escaped), "week \(week): \(name) on the screen")
                        #expect(facebook.contains(escaped), "week \(week): \(name) on the Facebook page")
                    } else {
                        #expect(!screen.contains(escaped), "week \(week): last week's \(name) is off the screen")
                    }
                }
                #expect(Self.facebookTitles(workspace).count == week + 1, "one post per week, kept in out/facebook/")
                let feed = try workspace.read("out/feed/atom.xml")
                #expect(["'", "&#39;", "&apos;"].contains { feed.contains(HTML.escape("Service de la semaine : \(shown.name)").replacingOccurrences(of: "&#39;", with: $0)) },
                        "the week's service in the feed")

                // Later the same week: nothing new.
                try WorkerTestSupport.runOnce(workspace, at: "\(monday.adding(days: 3))T15:00")
                #expect(try WeeklyServiceHistory.of(workspace.workspace).read().count == week + 1)
                #expect(try workspace.read("out/slides/index.html").contains(HTML.escape(shown.name)))
            }
            #expect(Set(names).count == 8, "eight different services before any repeats: \(names)")
            #expect(eligible.entries.count >= 8)
            #expect(workspace.items(.rejected).isEmpty, "every week's item passes the channels' checks")
        }
    }

    @Test func theWorkerWritesTheBottinAndStaleEntriesAreNeverTheWeeksService() throws {
        let workspace = try SampleDirectory.workspace()
        try ChannelRegistry.$current.withValue(Self.registry) {
            try WorkerTestSupport.runOnce(workspace, at: "2027-01-04T10:30")
            #expect(try workspace.read("out/directory/bottin.html").contains("CPAS de Mirevaux"))
            #expect(workspace.names("out/directory").contains("recherche.html"))
            #expect(workspace.names("out/directory").contains("annuaire.json"))
            let config = try workspace.config()
            let freshness = DirectoryFreshness(staleAfterMonths: config.directory.staleAfterMonths, today: CivilDate(year: 2027, month: 1, day: 4))
            let directory = try SocialDirectory.read(folder: workspace.path("directory"), readability: DirectoryReadability(settings: config.readability))
            let stale = Set(directory.entries.filter { freshness.isStale($0) }.map(\.id))
            let shown = try WeeklyServiceHistory.of(workspace.workspace).read()
            #expect(!stale.isEmpty, "the samples hold entries to check")
            #expect(shown.allSatisfy { !stale.contains($0.entryID) })
        }
    }

    @Test func theFeedSaysWhenTheBottinChangedNotWhenOnlyTheDayChanges() throws {
        let workspace = try SampleDirectory.workspace()
        try ChannelRegistry.$current.withValue(Self.registry) {
            try WorkerTestSupport.runOnce(workspace, at: "2027-01-04T10:30")
            let feed = try workspace.read("out/feed/atom.xml")
            #expect(feed.contains("<title type=\"text\">Bottin social mis à jour</title>"))
            #expect(feed.contains("compte 40 services"))
            let path = DirectoryUpdate.path(inDirectoryOutput: workspace.path("out/directory"))
            #expect(DirectoryUpdate.read(path)?.updated == CivilDate(year: 2027, month: 1, day: 4))

            try WorkerTestSupport.runOnce(workspace, at: "2027-01-05T10:30")
            #expect(DirectoryUpdate.read(path)?.updated == CivilDate(year: 2027, month: 1, day: 4), "a new day is no change")

            try FileSystem.remove(workspace.path("directory/vestiaire.txt"))
            try WorkerTestSupport.runOnce(workspace, at: "2027-01-06T10:30")
            #expect(DirectoryUpdate.read(path)?.updated == CivilDate(year: 2027, month: 1, day: 6))
            #expect(DirectoryUpdate.read(path)?.services == 39)
            try WorkerTestSupport.runOnce(workspace, at: "2027-01-07T10:30")
            #expect(try workspace.read("out/feed/atom.xml").contains("compte 39 services"))
        }
    }

    @Test func theWeeksServiceIsInTheNextNewsletterWhenConfigured() throws {
        let workspace = try TestWorkspace(extraConfig: "organisation: { email: \"info@cpas-exemple.be\" }, directory: { weekly: { newsletter: true } }")
        try workspace.write(DirectoryJobTests.entry("Taxi social"), to: "directory/taxi.txt")
        try ChannelRegistry.$current.withValue(Self.registry) {
            try WorkerTestSupport.runOnce(workspace, at: "2027-01-04T10:30")
            _ = try NewsletterPreview.write(workspace: workspace.workspace, config: try workspace.config(),
                                            clock: FixedClock(WorkerTestSupport.date("2027-01-04T11:00")))
            #expect(try workspace.read(NewsletterPreview.htmlPath).contains("Service de la semaine : Taxi social"))
        }
        let without = try TestWorkspace(extraConfig: "organisation: { email: \"info@cpas-exemple.be\" }")
        try without.write(DirectoryJobTests.entry("Taxi social"), to: "directory/taxi.txt")
        try ChannelRegistry.$current.withValue(Self.registry) {
            try WorkerTestSupport.runOnce(without, at: "2027-01-04T10:30")
            _ = try NewsletterPreview.write(workspace: without.workspace, config: try without.config(),
                                            clock: FixedClock(WorkerTestSupport.date("2027-01-04T11:00")))
            #expect(try !without.read(NewsletterPreview.htmlPath).contains("Service de la semaine"))
            #expect(try without.read("out/facebook/index.html").contains("Service de la semaine : Taxi social"))
        }
    }

    @Test func everySampleEntryMakesAnItemFacebookAndTheScreenAccept() throws {
        let workspace = try SampleDirectory.workspace()
        let directory = try SocialDirectory.read(
            folder: workspace.path("directory"), readability: DirectoryReadability(settings: try workspace.config().readability))
        #expect(directory.entries.count == 40)
        let week = CivilDate(year: 2027, month: 1, day: 4)
        let config = try workspace.config()
        let enqueuer = Enqueuer(workspace: workspace.workspace, config: config,
                                publishers: Publishers.all(config, workspace: workspace.workspace))
        let now = WorkerTestSupport.date("2027-01-04T10:30")
        for entry in directory.entries {
            let text = WeeklyService.itemText(entry, week: week, weekly: DirectorySettings.Weekly())
            // The worker's own verdict (`crieur enqueue`'s check): published on Facebook and the screen, nothing left out.
            try workspace.write(text, to: "essai/\(WeeklyService.fileName(week: week))")
            let checked = try #require(enqueuer.checkAll([workspace.path("essai/\(WeeklyService.fileName(week: week))")], now: now).first)
            #expect(checked.problems.isEmpty && checked.leftOut.isEmpty,
                    "\(entry.id): \(checked.problems.map(\.message)) \(checked.leftOut.flatMap(\.problems).map(\.message))")
            do {
                let item = try ItemParser().parse(Data(text.utf8), fileName: WeeklyService.fileName(week: week))
                #expect(item.title == "Service de la semaine : \(entry.name)")
                #expect(item.override == WeeklyService.derogation)
                #expect(item.screenText != nil, "\(entry.id): a short text for the screen")
                #expect(item.place == entry.address)
            } catch {
                Issue.record("\(entry.id): \(error.problems.map(\.message))")
            }
        }
    }

    @Test func withoutADirectoryFolderTheWorkerWritesNoDirectory() throws {
        let workspace = try TestWorkspace()
        try ChannelRegistry.$current.withValue(Self.registry) {
            try WorkerTestSupport.runOnce(workspace, at: "2027-01-04T10:30")
        }
        #expect(workspace.names("out/directory").isEmpty)
    }

    @Test func theWeeksServiceGoesToTheNewsletterWhenConfigured() throws {
        let entry = DirectoryJobTests.entry("Taxi social")
        let parsed = try DirectoryEntryParser().parse(Data(entry.utf8), fileName: "taxi.txt")
        let week = CivilDate(year: 2027, month: 1, day: 4)
        let plain = WeeklyService.itemText(parsed, week: week, weekly: DirectorySettings.Weekly())
        let withNewsletter = WeeklyService.itemText(parsed, week: week, weekly: DirectorySettings.Weekly(inNewsletter: true))
        let item = try ItemParser().parse(Data(withNewsletter.utf8), fileName: WeeklyService.fileName(week: week))
        #expect(item.channels.contains(.newsletter))
        #expect(try !ItemParser().parse(Data(plain.utf8), fileName: "x.txt").channels.contains(.newsletter))
        #expect(item.expires == ItemMoment(date: CivilDate(year: 2027, month: 1, day: 10)))
        #expect(item.publication == ItemMoment(date: week, time: CivilTime(hour: 10, minute: 0)))
    }
}
