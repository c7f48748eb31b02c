import CrieurKit
import Foundation
import Testing

/// A channel added from outside CrieurKit, through `ChannelRegistry` alone:
/// the worker, the checks `crieur check` runs and the demo's summary handle it
/// with no other change, and without the registry it does not exist.
@Suite struct ChannelPluginTests {
    static let registry = ChannelRegistry.builtIn.adding(NoticeBoardChannel())
    static let calendar = CivilCalendar(timeZone: TimeZone(identifier: "Europe/Brussels")!)
    static let now = calendar.parseLocalTimestamp("2026-12-01T10:00")!

    /// A throw-away workspace as `crieur init` makes it, with `config` as its configuration.
    final class Scratch {
        let workspace: Workspace

        init(config: String) throws {
            workspace = Workspace(root: NSTemporaryDirectory() + "crieur-plugin-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
            try WorkspaceSetup.create(workspace)
            try write("{ queue: { settleSeconds: 0 }, \(config) }", to: CrieurConfig.relativePath)
        }

        deinit { try? FileManager.default.removeItem(atPath: workspace.root) }

        func write(_ text: String, to relative: String) throws {
            try FileSystem.writeDurably(Data(text.utf8), to: workspace.path(relative))
        }

        func read(_ relative: String) throws -> String {
            try String(contentsOfFile: workspace.path(relative), encoding: .utf8)
        }

        func runWorker() throws -> [WorkerEvent] {
            let clock = FixedClock(ChannelPluginTests.now)
            let logger = Logger(clock: clock, calendar: ChannelPluginTests.calendar) { _ in }
            let environment = WorkerEnvironment(
                workspace: workspace, config: try workspace.loadConfig(), clock: clock, logger: logger, mail: nil)
            return try WorkerFactory.make(environment, wallClock: SystemClock(), sleep: { _ in }).runOnce()
        }
    }

    static let notice = """
        Titre: Colis de Noël
        Canaux: Valves, facebook
        ---
        Le CPAS donne des colis. Venez jeudi. C'est gratuit.

        """

    @Test func theWorkerPublishesOnTheAddedChannelWithItsSettingsItsFolderAndItsPeriodicJob() throws {
        let scratch = try Scratch(config: "panneau: { signature: \"CPAS de Herbeumont\" }")
        try scratch.write(Self.notice, to: "queue/incoming/colis.txt")
        let events = try ChannelRegistry.$current.withValue(Self.registry) { try scratch.runWorker() }

        guard case .published(_, let outputs, let unsupported, _)? = events.first else {
            Issue.record("not published: \(events)")
            return
        }
        #expect(unsupported.isEmpty)
        #expect(outputs[NoticeBoardChannel.board] == ["colis-carte.txt"])
        #expect(outputs[.facebook]?.isEmpty == false, "the built-in channels still publish beside it")
        let card = try scratch.read("out/valves/colis-carte.txt")
        #expect(card.hasPrefix("Colis de Noël\n") && card.hasSuffix("CPAS de Herbeumont\n"), "\(card)")
        #expect(try scratch.read("out/valves-passage.txt").hasPrefix("\(Int(Self.now.timeIntervalSince1970))"),
                "the factory runs the channel's periodic job")

        // What `crieur demo` prints for it comes from the channel's own description.
        let summary = Self.registry.withCurrent { events[0].frenchSummary(calendar: Self.calendar) }
        #expect(summary.contains("  panneau d'affichage : à afficher à l'entrée : out/valves/colis-carte.txt"), "\(summary)")
    }

    @Test func initWritesTheChannelsConfigGroupAndFilesAndTheFileLoads() throws {
        let workspace = Workspace(root: NSTemporaryDirectory() + "crieur-plugin-init-\(getpid())-\(UInt64.random(in: 0...UInt64.max))")
        defer { try? FileManager.default.removeItem(atPath: workspace.root) }
        let created = try Self.registry.withCurrent { try WorkspaceSetup.create(workspace) }
        #expect(created.contains("templates/panneau/LISEZMOI.txt"))
        #expect(created.contains { $0.hasPrefix("templates/newsletter/") }, "the newsletter's templates, as before")
        let text = try String(contentsOfFile: workspace.configPath, encoding: .utf8)
        #expect(text.contains("\n  panneau: {\n    signature: \"Le CPAS\","), "\(text.suffix(400))")
        #expect(text.hasSuffix("  },\n}\n"), "the group goes inside the file's braces")
        let config = try Self.registry.withCurrent { try workspace.loadConfig() }
        #expect(config.channelSettings(NoticeBoardSettings.self, for: NoticeBoardChannel.board) == NoticeBoardSettings())
        #expect(config.organisation.name == "CPAS de Exemple", "the built-in groups read as before")
    }

    @Test func withoutTheRegistryTheChannelIsUnknownAndItsConfigGroupIsAnError() throws {
        let scratch = try Scratch(config: "")
        try scratch.write(Self.notice, to: "queue/incoming/colis.txt")
        let events = try scratch.runWorker()
        guard case .rejected(_, let report)? = events.first else {
            Issue.record("not rejected: \(events)")
            return
        }
        #expect(try scratch.read("queue/rejected/\(report)").contains("« Valves »"))
        #expect(Channel(named: "valves") == nil)

        #expect(throws: ConfigError.self) { try CrieurConfig.parse(Data("{ panneau: { signature: \"x\" } }".utf8)) }
    }

    @Test func aMisspeltKeyInTheChannelsConfigGroupIsReportedWithTheRightSpellingAndItsLine() throws {
        let problems = Self.registry.withCurrent { () -> [String] in
            do {
                _ = try CrieurConfig.parse(Data("{\n  panneau: { signatur: \"CPAS\", maxWords: 3 },\n}".utf8))
                return []
            } catch let error as ConfigError {
                return error.problems.map(\.description)
            } catch {
                return ["\(error)"]
            }
        }
        #expect(problems == [
            "ligne 2, colonne 14 : Réglage inconnu « panneau.signatur ». Vouliez-vous dire « panneau.signature » ?",
            "ligne 2, colonne 42 : « panneau.maxWords » vaut 3 : choisissez un nombre entre 5 et 500.",
        ])
    }

    @Test func canauxReadsItsIdAndAliasesAndSuggestsItForANearMiss() throws {
        try Self.registry.withCurrent {
            #expect(Channel(named: "Tableau") == NoticeBoardChannel.board)
            #expect(Channel(named: "panneau") == NoticeBoardChannel.board)
            #expect(Channel.allCases.last == NoticeBoardChannel.board)
            let parser = ItemParser(maxBytes: 1 << 20)
            let item = try parser.parse(Data("Titre: Colis\nCanaux: valves, écran\n---\nVenez.\n".utf8), fileName: "colis.txt")
            #expect(item.channels == [NoticeBoardChannel.board, .ecran])
            let refusal = #expect(throws: ItemRejection.self) {
                try parser.parse(Data("Titre: Colis\nCanaux: panneaux\n---\nVenez.\n".utf8), fileName: "colis.txt")
            }
            #expect(refusal?.problems.first?.fix.hasPrefix("Vouliez-vous dire « panneau » ?") == true, "\(String(describing: refusal))")
        }
    }

    @Test func checkJudgesTheTextWithTheChannelsProfileAndItsLimits() throws {
        let scratch = try Scratch(config: "panneau: { maxWords: 12 }")
        try Self.registry.withCurrent {
            let config = try scratch.workspace.loadConfig()
            // A 14-word sentence: within the bulletin's 22 words, beyond the board's 10.
            let report = ReadabilityChecker(settings: config.readability).check(
                "Le CPAS donne des colis de Noël aux familles de la commune le jeudi matin.")
            #expect(report.verdicts.map(\.channel) == Channel.allCases)
            #expect(report.verdicts.first { $0.channel == .bulletin }?.pass == true)
            #expect(report.verdicts.first { $0.channel == NoticeBoardChannel.board }?.pass == false)

            // The item's verdict as `check` gives it: the board refuses a text over its word limit, Facebook takes it.
            let long = "Titre: Colis\nCanaux: panneau, facebook\n---\nLe CPAS donne des colis. Venez jeudi matin. "
                + "Apportez un sac. C'est gratuit pour tous.\n"
            try scratch.write(long, to: "colis.txt")
            let enqueuer = Enqueuer(workspace: scratch.workspace, config: config,
                                    publishers: Publishers.all(config, workspace: scratch.workspace))
            let checked = try #require(enqueuer.checkAll([scratch.workspace.path("colis.txt")], now: Self.now).first)
            #expect(checked.leftOut.map(\.channel) == [NoticeBoardChannel.board])
            #expect(checked.leftOut.first?.problems.first?.message == "Trop long pour le panneau : 15 mots, 12 au plus.")
        }
    }

    /// The desk's live check and previews know the added channel: its own limits and
    /// profile in the check, its own preview through `ChannelModule.deskPreview`.
    @Test func theDeskChecksAndPreviewsTheAddedChannelThroughItsModule() throws {
        let scratch = try Scratch(config: "panneau: { signature: \"Le CPAS <de Liège>\", maxWords: 8 },")
        try Self.registry.withCurrent {
            let config = try scratch.workspace.loadConfig()
            let short = "Titre: Café\nCanaux: valves, newsletter\n---\nLe café a lieu mardi.\n"
            let long = "Titre: Café\nCanaux: valves, newsletter\n---\nLe café des parents a lieu le mardi à dix heures.\n"
            let passing = DeskCheck.run(text: short, config: config, now: Self.now, workspace: scratch.workspace)
            #expect(passing.channels.map(\.channel) == ["panneau", "newsletter"] && passing.channels.allSatisfy(\.passes))
            let refused = DeskCheck.run(text: long, config: config, now: Self.now, workspace: scratch.workspace)
            #expect(refused.channels[0].codes == ["channel:panneau"] && refused.channels[0].limits == ["Trop long pour le panneau : 11 mots, 8 au plus."])
            #expect(refused.channels[1].passes)

            let preview = DeskPreview.render(text: short, config: config, now: Self.now, pictureURL: nil, workspace: scratch.workspace)
            #expect(preview.parts.first?.channel == "panneau")
            #expect(preview.parts.first?.frenchName == "panneau d'affichage")
            #expect(preview.parts.first?.html == "<pre class=\"carte\">Café\n\nLe café a lieu mardi.\n\n\nLe CPAS &lt;de Liège&gt;\n</pre>\n")
        }
    }
}

extension ChannelRegistry {
    /// Runs `body` with this registry as the current one.
    func withCurrent<R>(_ body: () throws -> R) rethrows -> R {
        try ChannelRegistry.$current.withValue(self, operation: body)
    }

}
