import Foundation
import Testing
@testable import CrieurKit

/// `crieur directory check|list|week` as staff and the tests drive them.
@Suite(.serialized) struct DirectoryCommandTests {
    @Test func checkExitsSixtyFiveForABrokenFileOneForAHardTextAndZeroOtherwise() throws {
        let workspace = try SampleDirectory.workspace()
        let clean = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T09:00:00", "directory", "check"])
        #expect(clean.status == 0, "\(clean.stdout)")
        #expect(clean.stdout.contains("40 fiches correctes, 0 refusée, 3 à vérifier."))
        #expect(clean.stdout.contains("Vestiaire social (vestiaire.txt) — À vérifier"))

        try workspace.write("""
            Nom: Aide administrative
            Thèmes: Aide sociale
            Téléphone: 084 31 20 50
            ---
            Afin de solliciter l'octroi d'une intervention financière, le demandeur est tenu de compléter préalablement le formulaire et de transmettre les pièces justificatives requises conformément aux modalités en vigueur.
            """, to: "directory/difficile.txt")
        let hard = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T09:00:00", "directory", "check"])
        #expect(hard.status == 1)
        #expect(hard.stdout.contains("✘ difficile.txt"))
        #expect(hard.stdout.contains("Le texte est trop difficile à lire pour le bottin."))

        try workspace.write("Nom: Sans thème\nTéléfone: 084 31 20 50\n---\nBonjour.\n", to: "directory/casse.txt")
        let broken = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T09:00:00", "directory", "check", "--format", "json"])
        #expect(broken.status == 65)
        let json = try JSONSerialization.jsonObject(with: Data(broken.stdout.utf8)) as? [String: Any]
        let refused = json?["refused"] as? [[String: Any]]
        #expect(refused?.map { $0["file"] as? String } == ["casse.txt", "difficile.txt"])
        #expect((refused?.first?["problems"] as? [String])?.contains { $0.contains("Vouliez-vous dire « Téléphone »") } == true)

        let list = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T09:00:00", "directory", "list"])
        #expect(list.status == 0)
        #expect(list.stdout.hasPrefix("40 services dans le bottin :"))
        #expect(list.stdout.contains("  Taxi social — Mobilité, Aînés, Santé (taxi-social.txt)"))
        #expect(list.stdout.contains("2 fiches refusées (voyez « crieur directory check ») : casse.txt, difficile.txt"))
        #expect(try CrieurBinary.run(["--root", workspace.root, "directory", "bavarder"]).status == 64)
    }

    /// Eight Mondays of the sample directory: eight different services, never one « à vérifier ».
    @Test func eightWeeksOfTheSampleDirectoryShowEightDifferentCheckedServices() throws {
        let samples = try SampleDirectory()
        let stale = Set(samples.services.filter { ($0.checked ?? "0") < "2025-12-07" }.map(\.id))
        #expect(stale.count == 3)
        let workspace = try SampleDirectory.workspace()
        var chosen: [String] = []
        var monday = CivilDate(year: 2026, month: 12, day: 7)
        for _ in 0..<8 {
            let result = try CrieurBinary.run(["--root", workspace.root, "--now", "\(monday)T10:30:00", "directory", "week"])
            #expect(result.status == 0, "\(result.stderr)")
            guard let match = result.stdout.firstMatch(of: /Service de la semaine du (\S+) : (.+) \(([^)]+)\)\./) else {
                Issue.record("no choice on \(monday): \(result.stdout)")
                return
            }
            #expect(String(match.1) == monday.description)
            chosen.append(String(match.3))
            let again = try CrieurBinary.run(["--root", workspace.root, "--now", "\(monday.adding(days: 3))T18:00:00", "directory", "week"])
            #expect(again.stdout.contains("déjà choisi : \(match.2) (\(match.3))"), "\(again.stdout)")
            monday = monday.adding(days: 7)
        }
        #expect(Set(chosen).count == 8, "\(chosen)")
        #expect(Set(chosen).isDisjoint(with: stale))
        let history = try JSONDecoder().decode([WeeklyRotation.Shown].self, from: Data(try workspace.read("out/directory/semaine/historique.json").utf8))
        #expect(history.map(\.entryID) == chosen)

        // Each week's service waits in the queue as an ordinary item, due at the week's start, for the worker.
        let first = samples.services.first { $0.id == chosen[0] }!
        #expect(workspace.items(.deferred).filter { $0.hasPrefix("service-de-la-semaine-") }.count == 8)
        let item = try ItemParser().parse(
            Data(try workspace.read("queue/deferred/service-de-la-semaine-2026-12-07.txt").utf8), fileName: "service-de-la-semaine-2026-12-07.txt")
        #expect(item.title == "Service de la semaine : \(first.name)")
        #expect(item.tags.first == "ServiceDeLaSemaine")
        #expect(Set(item.channels) == [.facebook, .ecran])
        #expect(item.publication == ItemMoment(date: CivilDate(year: 2026, month: 12, day: 7), time: CivilTime(hour: 10, minute: 0)))
        #expect(item.expires == ItemMoment(date: CivilDate(year: 2026, month: 12, day: 13)))
    }

    @Test func aDamagedHistoryIsReportedAndLeftAsItIs() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Nom: Taxi social\nThèmes: Mobilité\nTéléphone: 107\nVérifié le: 2026-11-01\n---\nOn vous conduit.\n",
                            to: "directory/taxi.txt")
        try workspace.write("[{\"week\": ", to: "out/directory/semaine/historique.json")
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T10:30:00", "directory", "week"])
        #expect(result.status == 65)
        #expect(result.stderr.contains("est abîmé : il n'est pas modifié"))
        #expect(try workspace.read("out/directory/semaine/historique.json") == "[{\"week\": ")
        #expect(workspace.names("out/directory/semaine") == ["historique.json"])
        #expect(workspace.items(.deferred).isEmpty, "nothing queued without the history")
    }

    /// Three fresh services and a stale one over eight weeks: each fresh one once
    /// before any twice, whatever the order of the runs' days within a week.
    @Test func eightWeeksOfASmallDirectoryShowEachServiceOnceBeforeAnyTwice() throws {
        let workspace = try TestWorkspace(extraConfig: "directory: { weekly: { day: \"mercredi\", time: \"14:00\" } }")
        for (id, checked) in [("bus", "2026-11-01"), ("colis", "2026-10-01"), ("ecoute", "2026-09-01"), ("ancien", "2024-01-01")] {
            try workspace.write("Nom: Service \(id)\nThèmes: Aide\nTéléphone: 107\nVérifié le: \(checked)\n---\nOn vous aide.\n",
                                to: "directory/\(id).txt")
        }
        var counts: [String: Int] = [:]
        var wednesday = CivilDate(year: 2026, month: 12, day: 2)
        for week in 0..<8 {
            let result = try CrieurBinary.run(["--root", workspace.root, "--now", "\(wednesday)T14:00:00", "directory", "week"])
            guard let match = result.stdout.firstMatch(of: /\((bus|colis|ecoute|ancien)\)\./) else {
                Issue.record("no choice: \(result.stdout)")
                return
            }
            counts[String(match.1), default: 0] += 1
            let fresh = ["bus", "colis", "ecoute"].map { counts[$0] ?? 0 }
            #expect(fresh.max()! - fresh.min()! <= 1, "week \(week + 1): \(counts)")
            #expect(counts["ancien"] == nil)
            wednesday = wednesday.adding(days: 7)
        }
        #expect(counts == ["bus": 3, "colis": 3, "ecoute": 2])
    }
}
