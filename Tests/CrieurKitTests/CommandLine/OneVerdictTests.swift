import Foundation
import Testing
@testable import CrieurKit

/// `check`, `enqueue` and `work --once` call one decision: for the same file at
/// the same `--now` they agree on whether it is published, and where.
@Suite struct OneVerdictTests {
    static let now = "2026-12-01T10:00:00"

    /// Five announcements already published before the thirty arrive (the originals of the copies).
    static func original(_ number: Int) -> String {
        "Titre: Permanence numéro \(number)\nCanaux: facebook, newsletter\n---\nLa permanence \(number) est ouverte le lundi de 9 h à 12 h.\n"
    }

    enum Expected: Equatable {
        case published(leftOut: [Channel])
        case refused
    }

    /// Thirty files: valid, too long for the screen, already ended, copies, too hard to read.
    static func files() -> [(name: String, text: String, expected: Expected)] {
        var files: [(String, String, Expected)] = []
        for number in 1...10 {
            files.append(("valide-\(number).txt",
                          "Titre: Atelier \(number)\nCanaux: facebook, newsletter\nFin: 31/12/2026\n---\nL'atelier \(number) a lieu le mardi à 14 h. Il est gratuit.\n",
                          .published(leftOut: [])))
        }
        let long = (1...8).map { "Phrase courte numéro \($0) pour remplir la diapositive de l'écran." }.joined(separator: " ")
        for number in 1...5 {
            files.append(("long-\(number).txt",
                          "Titre: Longue annonce \(number)\nCanaux: facebook, ecran\n---\nNuméro \(number). \(long)\n",
                          .published(leftOut: [.ecran])))
        }
        for number in 1...5 {
            files.append(("finie-\(number).txt",
                          "Titre: Fête \(number)\nCanaux: facebook\nFin: 2\(number)/11/2026\n---\nLa fête \(number) était en novembre.\n",
                          .refused))
        }
        for number in 1...5 {
            files.append(("copie-\(number).txt", original(number), .refused))
        }
        let hard = "Conformément aux dispositions de la loi organique, le CPAS procède préalablement à l'octroi de toute intervention "
            + "à une enquête sociale approfondie afin de déterminer l'état de besoin du demandeur et de ses cohabitants, lesquels sont "
            + "tenus de produire l'ensemble des pièces justificatives requises dans les délais impartis."
        for number in 1...5 {
            files.append(("difficile-\(number).txt",
                          "Titre: Octroi du RIS numéro \(number)\nCanaux: facebook, newsletter\n---\n\(hard) Dossier \(number).\n",
                          .refused))
        }
        return files
    }

    private func workspaceWithOriginals() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        for number in 1...5 { try workspace.write(Self.original(number), to: "queue/incoming/original-\(number).txt") }
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "work", "--once"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(workspace.items(.done).count == 5)
        return workspace
    }

    @Test func checkEnqueueAndTheWorkerAgreeOnThirtyFiles() throws {
        let files = Self.files()
        #expect(files.count == 30)
        let drafts = try TestWorkspace()
        for file in files { try drafts.write(file.text, to: file.name) }
        let enqueueing = try workspaceWithOriginals()
        let working = try workspaceWithOriginals()
        for file in files { try working.write(file.text, to: "queue/incoming/\(file.name)") }
        let work = try CrieurBinary.run(["--root", working.root, "--now", Self.now, "work", "--once"])
        #expect(work.status == 0, "\(work.stderr)")

        for file in files {
            let path = drafts.path(file.name)
            let check = try CrieurBinary.run(["--root", enqueueing.root, "--now", Self.now, "check", "--format", "json", path])
            let verdict = try #require(
                (try JSONSerialization.jsonObject(with: Data(check.stdout.utf8)) as? [String: Any])?["verdict"] as? [String: Any],
                "\(file.name): \(check.stdout) \(check.stderr)")
            let enqueue = try CrieurBinary.run(["--root", enqueueing.root, "--now", Self.now, "enqueue", path])
            let state = WorkerTestSupport.states(of: file.name, in: working)
            switch file.expected {
            case .published(let leftOut):
                #expect(verdict["kind"] as? String == "published", "\(file.name)")
                #expect(verdict["leftOut"] as? [String] == leftOut.map(\.rawValue), "\(file.name)")
                #expect(check.status == (leftOut.isEmpty ? 0 : 1), "\(file.name): \(check.stderr)")
                #expect(enqueue.status == 0, "\(file.name): \(enqueue.stderr)")
                #expect(state == [.done], "\(file.name)")
                let record = try working.workspace.archive.load().items.first { $0.itemName == file.name }
                let checked: [String] = verdict["channels"] as? [String] ?? []
                let published: [String] = record?.channels.map(\.rawValue) ?? []
                #expect(Set(published) == Set(checked), "\(file.name): the worker publishes where check said")
            case .refused:
                #expect(verdict["kind"] as? String == "refused", "\(file.name)")
                #expect(check.status != 0, "\(file.name)")
                #expect(enqueue.status == 65, "\(file.name): \(enqueue.stdout)")
                #expect(state == [.rejected], "\(file.name)")
            }
        }
        // What enqueue accepted, the worker publishes as check said.
        let queued = try CrieurBinary.run(["--root", enqueueing.root, "--now", Self.now, "work", "--once"])
        #expect(queued.status == 0)
        #expect(enqueueing.items(.rejected).isEmpty, "enqueue let through nothing the worker refuses")
        #expect(enqueueing.items(.done).count == 5 + 15)
    }

    @Test func enqueueOfTheSameFileTwiceQueuesItOnce() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.original(1), to: "brouillons/permanence.txt")
        let path = workspace.path("brouillons/permanence.txt")
        #expect(try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "enqueue", path]).status == 0)
        #expect(try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "work", "--once"]).status == 0)

        let again = try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "enqueue", path])

        #expect(again.status == 0)
        #expect(again.stdout.contains("Pas déposée"), "\(again.stdout)")
        #expect(again.stdout.contains("déjà publiée telle quelle"))
        #expect(workspace.items(.incoming).isEmpty)
    }

    @Test func listShowsCurrentScheduledAndWithdrawnItemsWithTheirIdentities() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Self.original(1), to: "queue/incoming/permanence.txt")
        try workspace.write("Titre: Fête\nCanaux: facebook\nPublication: 20/12/2026\n---\nLa fête a lieu le 20 décembre.\n",
                            to: "queue/incoming/fete.txt")
        try workspace.write("Titre: Colis\nCanaux: facebook\n---\nLes colis sont prêts.\n", to: "queue/incoming/colis.txt")
        #expect(try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "work", "--once"]).status == 0)
        let withdraw = try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "withdraw", "colis", "--reason", "stock épuisé"])
        #expect(withdraw.status == 0, "\(withdraw.stderr)")
        let unknown = try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "withdraw", "inconnue"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("crieur list"))

        let text = try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "list"])
        #expect(text.status == 0)
        for expected in ["En cours (1)", "permanence — « Permanence numéro 1 »", "Programmées (1)", "fete — « Fête »",
                         "paraîtra le dimanche 20 décembre", "Retirées (1)", "raison du retrait : stock épuisé"] {
            #expect(text.stdout.contains(expected), "\(expected) in \(text.stdout)")
        }
        let json = try CrieurBinary.run(["--root", workspace.root, "--now", Self.now, "list", "--format", "json"])
        let listing = try JSONDecoder().decode(ItemListing.self, from: Data(json.stdout.utf8))
        #expect(Dictionary(uniqueKeysWithValues: listing.entries.map { ($0.id, $0.state) })
                == ["permanence": .current, "fete": .scheduled, "colis": .withdrawn])
    }
}
