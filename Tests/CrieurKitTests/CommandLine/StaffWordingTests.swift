import Foundation
import Testing
@testable import CrieurKit

/// Dates and names as staff write and read them (issue 9, item 8): channel
/// names of everyday speech, French dates in `status` and reports, `--now` in
/// words or refused, a picture given to `enqueue` with its item.
@Suite struct StaffWordingTests {
    private func channels(_ written: String) -> [Channel]? {
        ItemTestSupport.item("Titre: Colis\nCanaux: \(written)\n---\nLe jeudi.\n")?.channels
    }

    @Test(arguments: [
        ("lettre", [Channel.newsletter]), ("mail", [.newsletter]), ("courriel", [.newsletter]), ("e-mail", [.newsletter]),
        ("Lettre d'information, Facebook", [.newsletter, .facebook]), ("TV", [.ecran]), ("télé", [.ecran]),
        ("écran", [.ecran]), ("Télévision", [.ecran]), ("newsletter", [.newsletter]),
    ])
    func everydayChannelNamesAreAccepted(written: String, expected: [Channel]) {
        #expect(channels(written) == expected)
    }

    @Test(arguments: ["affiche", "Affiches", "flyer", "Poster", "prospectus", "Dépliant"])
    func thePosterChannelIsAcceptedUnderItsEverydayNames(written: String) {
        #expect(ItemTestSupport.problems("Titre: Colis\nCanaux: facebook, \(written)\n---\nLe jeudi.\n").isEmpty)
        #expect(channels("facebook, \(written)") == [.facebook, FlyerChannel.channel])
    }

    @Test func aMisspeltChannelStillGetsTheClosestName() {
        let problems = ItemTestSupport.problems("Titre: Colis\nCanaux: facebok\n---\nLe jeudi.\n")
        #expect(problems.first?.fix.hasPrefix("Vouliez-vous dire « facebook » ?") == true)
    }

    @Test(arguments: [
        ("2026-12-01T10:00", "2026-12-01 10:00:00"),
        ("2026-12-01T10:00:30", "2026-12-01 10:00:30"),
        ("2026-12-01", "2026-12-01 00:00:00"),
        ("01/12/2026 10h", "2026-12-01 10:00:00"),
        ("1er décembre 2026 à 10 h", "2026-12-01 10:00:00"),
        ("mardi 1er décembre 2026", "2026-12-01 00:00:00"),
    ])
    func nowMayBeWrittenAsStaffWriteDates(written: String, expected: String) throws {
        let calendar = WorkerTestSupport.brussels
        #expect(calendar.parseNow(written).map(calendar.timestamp) == expected)
    }

    @Test(arguments: [
        (["status"], "Date --now illisible : « demain »"),
        (["check", "x.txt"], "Date --now illisible : « demain »"),
        (["enqueue", "x.txt"], "Date --now illisible : « demain »"),
        (["subscribers", "list"], "Date --now illisible : « demain »"),
    ])
    func anUnreadableNowIsAUsageErrorForEveryCommand(command: [String], message: String) throws {
        let workspace = try TestWorkspace()
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "demain"] + command)
        #expect(result.status == 64)
        #expect(result.stderr.contains(message))
        #expect(result.stderr.contains("--now 2026-12-01T09:00:00"))
    }

    @Test func aNowWithTheWrongWeekdayNamesTheRightOne() throws {
        let workspace = try TestWorkspace()
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "lundi 1er décembre 2026", "status"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("le 1er décembre 2026 est un mardi, pas un lundi"))
    }

    @Test func statusAndReportsSayDatesInFrenchAndJSONKeepsISO() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: Plus tard\nCanaux: facebook\nPublication: 5 décembre 2026 à 9 h\n---\nUn texte.\n",
                            to: "queue/incoming/plus-tard.txt")
        try workspace.write("Titre: Sans canal\n---\nUn texte.\n", to: "queue/incoming/sans-canal.txt")
        let now = ["--root", workspace.root, "--now", "2026-11-20T12:00:00"]
        #expect(try CrieurBinary.run(now + ["work", "--once"]).status == 0)

        let text = try CrieurBinary.run(now + ["status"])
        #expect(text.stdout.contains("Prochaine annonce en attente : « plus-tard.txt », prévue le samedi 5 décembre à 9 h."),
                "\(text.stdout)")
        #expect(text.stdout.contains("« sans-canal.txt », refusée le "))
        #expect(text.stdout.range(of: #"[0-9]{4}-[0-9]{2}-[0-9]{2}"#, options: .regularExpression) == nil)
        let json = try CrieurBinary.run(now + ["status", "--format", "json"])
        let status = try JSONDecoder().decode(QueueStatus.self, from: Data(json.stdout.utf8))
        #expect(status.next?.due == "2026-12-05 09:00:00")
        #expect(!json.stdout.contains("décembre"))
        let report = try WorkerTestSupport.report("sans-canal.txt", in: workspace)
        #expect(report.contains("Refusée le vendredi 20 novembre 2026 à 12 h."))
    }

    @Test func enqueueQueuesAPictureGivenWithItsItemAndTheWorkerPublishesBoth() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Data([0x89, 0x50, 0x4E, 0x47, 1, 2, 3]), to: "images/photo.png")
        try workspace.write("Titre: Colis\nCanaux: facebook\nImage: photo.png\nTexte alternatif: Un colis\n---\nLe jeudi.\n",
                            to: "brouillons/colis.txt")
        let result = try CrieurBinary.run(["--root", workspace.root, "enqueue",
                                           workspace.path("images/photo.png"), workspace.path("brouillons/colis.txt")])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("queue/incoming/colis.txt avec l'image photo.png (publiée sur : Facebook)"))
        #expect(workspace.names("queue/incoming") == ["colis.txt", "photo.png"])
        _ = try WorkerTestSupport.runOnce(workspace, at: "2026-12-01T10:00")
        #expect(WorkerTestSupport.states(of: "colis.txt", in: workspace) == [.done])
        #expect(workspace.names("out/facebook").contains { $0.hasSuffix("photo.png") })
    }

    @Test func aPictureNoItemNamesIsRefusedAndNothingIsQueued() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "brouillons/photo.png")
        try workspace.write("Titre: Colis\nCanaux: facebook\n---\nLe jeudi.\n", to: "brouillons/colis.txt")
        let result = try CrieurBinary.run(["--root", workspace.root, "enqueue",
                                           workspace.path("brouillons/photo.png"), workspace.path("brouillons/colis.txt")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("L'image « photo.png » n'est l'image d'aucune annonce déposée avec elle."))
        #expect(workspace.names("queue/incoming").isEmpty)
    }

    @Test func anotherPictureOfTheSameNameWaitingInTheQueueIsNeverSwapped() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Data([9, 9, 9]), to: "queue/incoming/photo.png")
        try workspace.write(Data([0x89, 0x50, 0x4E, 0x47]), to: "brouillons/photo.png")
        try workspace.write("Titre: Colis\nCanaux: facebook\nImage: photo.png\nTexte alternatif: Un colis\n---\nLe jeudi.\n",
                            to: "brouillons/colis.txt")
        let result = try CrieurBinary.run(["--root", workspace.root, "enqueue",
                                           workspace.path("brouillons/photo.png"), workspace.path("brouillons/colis.txt")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("Une autre image nommée « photo.png » attend déjà dans la file."))
        #expect(workspace.names("queue/incoming") == ["photo.png"])
        #expect(try workspace.read("queue/incoming/photo.png") == String(decoding: [9, 9, 9], as: UTF8.self))
    }
}
