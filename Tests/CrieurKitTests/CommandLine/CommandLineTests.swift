import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

/// The `crieur` executable run as an administrator or a script would.
@Suite struct CommandLineTests {
    private let valid = "Titre: Atelier du mardi\nCanaux: facebook\n---\nVenez nombreux.\n"

    /// A file outside the queue, as staff would give it to `enqueue`.
    private func draft(_ workspace: TestWorkspace, _ name: String, _ text: String) throws -> String {
        try workspace.write(text, to: "brouillons/\(name)")
        return workspace.path("brouillons/\(name)")
    }

    @Test func enqueueCopiesAValidFileIntoIncoming() throws {
        let workspace = try TestWorkspace()
        let source = try draft(workspace, "atelier.txt", valid)

        let result = try CrieurBinary.run(["--root", workspace.root, "enqueue", source])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("queue/incoming/atelier.txt"))
        #expect(workspace.names("queue/incoming") == ["atelier.txt"])
        #expect(try workspace.read("queue/incoming/atelier.txt") == valid)
        #expect(try workspace.read("brouillons/atelier.txt") == valid)  // a copy, the original stays
    }

    @Test func enqueueOfAnInvalidFilePrintsFrenchErrorsWithTheLineAndQueuesNothing() throws {
        let workspace = try TestWorkspace()
        let source = try draft(workspace, "canal.txt", "Titre: Canal inconnu\nCanaux: telegramme\n---\nUn texte.\n")

        let result = try CrieurBinary.run(["--root", workspace.root, "enqueue", source])

        #expect(result.status == 65)
        #expect(result.stderr.contains("\(source):2 : "), "\(result.stderr)")
        #expect(result.stderr.contains("telegramme"))
        #expect(result.stderr.contains("Annonce non déposée : corrigez-la puis recommencez."))
        #expect(workspace.names("queue/incoming").isEmpty)
    }

    @Test func enqueueOfOneValidAndOneInvalidFileQueuesNeither() throws {
        let workspace = try TestWorkspace()
        let good = try draft(workspace, "bonne.txt", valid)
        let bad = try draft(workspace, "date.txt", "Titre: Date\nCanaux: facebook\nPublication: 2026-02-30\n---\nUn texte.\n")

        let result = try CrieurBinary.run(["--root", workspace.root, "enqueue", good, bad])

        #expect(result.status == 65)
        #expect(result.stderr.contains("\(bad):3 : "), "\(result.stderr)")
        #expect(!result.stderr.contains(good))
        #expect(result.stderr.contains("Aucune annonce n'a été déposée"))
        #expect(workspace.names("queue/incoming").isEmpty)
    }

    @Test func enqueueOfAMissingFileIsRefused() throws {
        let workspace = try TestWorkspace()
        let result = try CrieurBinary.run(["--root", workspace.root, "enqueue", workspace.path("absent.txt")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Fichier introuvable."))
    }

    @Test func statusAfterWorkCountsEachStateAndNamesTheLatestRefusal() throws {
        let workspace = try TestWorkspace()
        let now = ["--root", workspace.root, "--now", "2026-11-20T12:00:00"]
        try CrieurBinary.run(["--root", workspace.root, "enqueue", try draft(workspace, "atelier.txt", valid)])
        try workspace.write("Titre: Sans canal\n---\nUn texte.\n", to: "queue/incoming/sans-canal.txt")
        try workspace.write("Titre: Plus tard\nCanaux: facebook\nPublication: 2026-12-01\n---\nUn texte.\n",
                            to: "queue/incoming/plus-tard.txt")

        let work = try CrieurBinary.run(now + ["work", "--once"])
        #expect(work.status == 0, "\(work.stderr)")
        #expect(work.stderr.contains("« atelier.txt » publiée"))
        #expect(work.stderr.contains("« sans-canal.txt » refusée"))

        let result = try CrieurBinary.run(now + ["status", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let status = try JSONDecoder().decode(QueueStatus.self, from: Data(result.stdout.utf8))
        #expect(status.counts == ["incoming": 0, "active": 0, "deferred": 1, "done": 1, "rejected": 1])
        #expect(status.next == QueueStatus.Next(item: "plus-tard.txt", due: "2026-12-01 00:00:00"))
        #expect(status.recentRefusals.map(\.item) == ["sans-canal.txt"])
        #expect(status.recentRefusals.first?.report == "queue/rejected/sans-canal.txt.rapport.txt")
        #expect(status.recentRefusals.first?.reason.isEmpty == false)
        // Beside the queue, the newsletter's state (the workspace has no social directory: no key).
        struct Beside: Decodable { var newsletter: NewsletterStatus.Summary?; var directory: DirectoryStatus.Summary? }
        let beside = try JSONDecoder().decode(Beside.self, from: Data(result.stdout.utf8))
        #expect(beside.newsletter?.nextIssue.hasPrefix("2026-12-07 ") == true, "the first Monday after, \(result.stdout)")
        #expect(beside.newsletter?.messagesWaiting == 0)
        #expect(beside.directory == nil)

        let text = try CrieurBinary.run(["--root", workspace.root, "status"])
        #expect(text.stdout.contains("« sans-canal.txt »"))
        #expect(text.stdout.contains("Prochaine annonce en attente : « plus-tard.txt »"))
    }

    @Test(arguments: ["2026-13-01T00:00:00", "demain", "2026-11-20T25:00", "2026-02-30"])
    func unreadableNowIsAUsageError(value: String) throws {
        let workspace = try TestWorkspace()
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", value, "work", "--once"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("Date --now illisible"))
    }

    @Test(arguments: [["publier"], ["--verbeux", "status"], ["status", "--format", "xml"], ["work", "--twice"], []])
    func unknownCommandOrOptionIsAUsageError(arguments: [String]) throws {
        let workspace = try TestWorkspace()
        let result = try CrieurBinary.run(["--root", workspace.root] + arguments)
        #expect(result.status == 64)
        #expect(!result.stderr.isEmpty)
        #expect(workspace.names("queue/active").isEmpty)
    }

    @Test func initCreatesAWorkingWorkspaceWithPrivateData() throws {
        let scratch = try TestWorkspace()
        let root = scratch.path("nouveau-centre")

        let result = try CrieurBinary.run(["init", root])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try FileSystem.info("\(root)/config/crieur.json5")?.kind == .regular)
        for state in QueueState.allCases {
            #expect(try FileSystem.info("\(root)/queue/\(state.rawValue)")?.kind == .directory, "\(state)")
        }
        #expect(try FileSystem.info("\(root)/out")?.kind == .directory)
        var st = stat()
        #expect(lstat("\(root)/data", &st) == 0)
        #expect(st.st_mode & 0o777 == 0o700)
        #expect(try CrieurBinary.run(["--root", root, "status"]).status == 0)
    }

    @Test func initKeepsAnExistingConfiguration() throws {
        let workspace = try TestWorkspace()
        let before = try workspace.read("config/crieur.json5")
        #expect(try CrieurBinary.run(["init", workspace.root]).status == 0)
        #expect(try workspace.read("config/crieur.json5") == before)
    }

    /// The repository's `samples/`, which `crieur demo` queues.
    static let samples = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("samples").path

    @Test func demoPublishesAndRefusesSamples() throws {
        let scratch = try TestWorkspace()
        let root = scratch.path("demo")
        let samples = Self.samples

        let result = try CrieurBinary.run(["demo", root], environment: ["CRIEUR_SAMPLES": samples])

        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Publiée"))
        #expect(result.stdout.contains("Refusée"))
        let demo = Workspace(root: root)
        #expect(try !FileSystem.names(in: demo.queue.directory(.done)).isEmpty)
        #expect(try FileSystem.info(demo.path("out/facebook/index.html"))?.kind == .regular)
        let screen = try String(contentsOfFile: demo.path("out/slides/index.html"), encoding: .utf8)
        #expect(screen.contains("Une aide pour vos factures de gaz et d&#39;électricité"))
        #expect(try FileSystem.info(demo.path("out/feed/atom.xml"))?.kind == .regular)
    }

    @Test func demoAcceptsAWorkspaceNamedRelativeToTheCurrentFolder() throws {
        let scratch = try TestWorkspace()
        let here = scratch.path("ici")
        try FileSystem.makeDirectory(here)

        let result = try CrieurBinary.run(["demo", "x"], environment: ["CRIEUR_SAMPLES": Self.samples], directory: here)

        #expect(result.status == 0, "\(result.stderr)")
        #expect(try !FileSystem.names(in: Workspace(root: here + "/x").queue.directory(.done)).isEmpty)
    }

    @Test func demoRunTwiceAddsNothingTheSecondTime() throws {
        let scratch = try TestWorkspace()
        let root = scratch.path("demo")
        let samples = Self.samples
        // One moment for both runs: the directory's « service de la semaine » starts on
        // Mondays at 10:00, and two runs on either side of that would differ.
        let now = ["--now", "2026-12-02T09:00:00"]
        #expect(try CrieurBinary.run(now + ["demo", root], environment: ["CRIEUR_SAMPLES": samples]).status == 0)
        let demo = Workspace(root: root)
        let before = try QueueState.allCases.map { try FileSystem.names(in: demo.queue.directory($0)) }
        let archived = try demo.archive.loadHistory().items.count
        let outbox = try FileSystem.names(in: demo.path(MailTransports.outboxFolder)).count

        let again = try CrieurBinary.run(now + ["demo", root], environment: ["CRIEUR_SAMPLES": samples])

        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("Déjà traitée lors d'une démonstration précédente"))
        #expect(!again.stdout.contains("Publiée :"))
        #expect(try QueueState.allCases.map { try FileSystem.names(in: demo.queue.directory($0)) } == before)
        #expect(try demo.archive.loadHistory().items.count == archived)
        #expect(try FileSystem.names(in: demo.path(MailTransports.outboxFolder)).count == outbox, "no second newsletter")
    }

    @Test func missingConfigurationIsADataErrorThatPointsToInit() throws {
        let scratch = try TestWorkspace()
        let empty = scratch.path("vide")
        try FileSystem.makeDirectory(empty)

        for command in [["status"], ["work", "--once"], ["enqueue", scratch.path("x.txt")]] {
            let result = try CrieurBinary.run(["--root", empty] + command)
            #expect(result.status == 65, "\(command)")
            #expect(result.stderr.contains("crieur init"), "\(command): \(result.stderr)")
        }
    }

    @Test func brokenConfigurationIsADataErrorNamingTheSetting() throws {
        let workspace = try TestWorkspace(extraConfig: "facebok: {}")
        let result = try CrieurBinary.run(["--root", workspace.root, "work", "--once"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Réglage inconnu « facebok »"))
    }

    @Test(.timeLimit(.minutes(1)))
    func serviceNoticesANewFileAndStopsCleanlyOnSIGTERM() throws {
        let workspace = try TestWorkspace()
        let process = try CrieurBinary.start(["--root", workspace.root, "work"])
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        // Wait for the service to claim its folder, so the file arrives while it watches.
        #expect(waitUntil(seconds: 10) { !workspace.names("queue/active").isEmpty })

        // Dropped as a copy tool would: hidden name, then renamed into place.
        try workspace.write(valid, to: "queue/incoming/.atelier.txt.part")
        #expect(rename(workspace.path("queue/incoming/.atelier.txt.part"), workspace.path("queue/incoming/atelier.txt")) == 0)
        let published = waitUntil(seconds: 10) { workspace.items(.done) == ["atelier.txt"] }
        #expect(published, "still in \(QueueState.allCases.filter { !workspace.items($0).isEmpty })")

        process.terminate()
        // A service deaf to SIGTERM must fail the test, not hang it.
        let stopped = waitUntil(seconds: 10) { !process.isRunning }
        #expect(stopped, "the service ignored SIGTERM")
        if !stopped { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        let stderr = String(decoding: (process.standardError as! Pipe).fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == 0, "\(stderr)")
        #expect(workspace.names("queue/active").isEmpty)
        #expect(stderr.contains("service arrêté proprement"))
        #expect(!W.facebookPosts(workspace).isEmpty)
    }

    private func waitUntil(seconds: Double, _ condition: () -> Bool) -> Bool {
        let deadline = DispatchTime.now().uptimeNanoseconds + UInt64(seconds * 1e9)
        while DispatchTime.now().uptimeNanoseconds < deadline {
            if condition() { return true }
            usleep(50_000)
        }
        return condition()
    }
}

private typealias W = WorkerTestSupport
