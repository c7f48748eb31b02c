import Foundation
import Testing
@testable import CrieurKit

/// `crieur check` as staff and scripts use it: a verdict per channel, the
/// JSON shape of PRODUCT.md, and the exit codes 0, 1 and 65.
@Suite struct CheckCommandTests {
    private func corpusItem(_ name: String) -> String { TestCorpus.project.path("items", name) }

    @Test func plainItemPassesWithExitZero() throws {
        let result = try CrieurBinary.run(["check", corpusItem("bourse-jouets.txt")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("assez simple pour tous ses canaux"))
    }

    @Test func itemWithoutEndIsToldHowLongEachListingShowsIt() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: Colis\nCanaux: ecran, facebook\n---\nLe CPAS donne des colis.\n", to: "colis.txt")
        try workspace.write("Titre: Colis\nCanaux: ecran\nQuand: 12/12/2026\n---\nLe CPAS donne des colis.\n", to: "jour.txt")
        try workspace.write("Titre: Colis\nCanaux: ecran\nFin: 12/12/2026\n---\nLe CPAS donne des colis.\n", to: "fin.txt")
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-01T10:00", "check",
                                           workspace.path("colis.txt"), workspace.path("jour.txt"), workspace.path("fin.txt")])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("colis.txt : Sans date de fin, l'annonce restera 30 jours à l'écran (jusqu'au mercredi 30 décembre)."))
        #expect(result.stdout.contains("jour.txt : Sans date de fin, l'annonce sera montrée jusqu'au dernier jour de son « Quand » (le samedi 12 décembre)."))
        #expect(!result.stdout.contains("fin.txt : Sans date de fin"))
    }

    @Test func hardItemFailsWithExitOneAndSaysWhatToRewrite() throws {
        let result = try CrieurBinary.run(["check", corpusItem("allocation-loyer-administratif.txt")])
        #expect(result.status == 1)
        #expect(result.stdout.contains("✘ lettre d'information : refusé"))
        #expect(result.stdout.contains("« SWL »"))
    }

    @Test func unreadableFileIsADataErrorAndOthersAreStillChecked() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Data([0x00, 0x01, 0x02, 0x50, 0x4B]), to: "binaire.txt")
        let result = try CrieurBinary.run(["check", workspace.path("binaire.txt"), corpusItem("bourse-jouets.txt")])
        #expect(result.status == 65)
        #expect(result.stderr.contains("n'est pas un texte"))
        #expect(result.stdout.contains("bourse-jouets.txt"), "the readable file is still reported")
    }

    @Test func jsonOutputHasOneObjectPerFileEvenForUnreadableOnes() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Data([0x00, 0x01, 0x02, 0x50, 0x4B]), to: "binaire.txt")
        try workspace.write("Le CPAS est fermé lundi. Venez mardi.\n", to: "corps.txt")
        let files = [workspace.path("binaire.txt"), workspace.path("absent.txt"), workspace.path("corps.txt")]

        let result = try CrieurBinary.run(["check", "--format", "json"] + files)

        #expect(result.status == 65)
        let objects = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(objects.map { $0["file"] as? String } == files)
        #expect(objects.map { $0["unreadable"] as? Bool } == [true, true, nil])
        for object in objects.prefix(2) {
            let metrics = try #require(object["metrics"] as? [String: Any])
            #expect(metrics["words"] as? Int == 0)
            let findings = try #require(object["findings"] as? [[String: Any]])
            #expect(!findings.isEmpty && findings.allSatisfy { $0["rule"] as? String == "unreadable-file" })
            let channels = try #require(object["channels"] as? [String: [String: Any]])
            #expect(channels.count == Channel.allCases.count && channels.values.allSatisfy { $0["pass"] as? Bool == false })
        }
        #expect((objects[1]["findings"] as? [[String: Any]])?.first?["message"] as? String == "Fichier introuvable.")
    }

    @Test func jsonOutputHasTheShapeOfTheProductContract() throws {
        let result = try CrieurBinary.run(["check", "--format", "json", corpusItem("allocation-loyer-administratif.txt")])
        #expect(result.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        let metrics = try #require(object?["metrics"] as? [String: Any])
        for key in ["sentences", "words", "syllables", "kandelMoles", "lix"] {
            #expect(metrics[key] is NSNumber, "metrics.\(key)")
        }
        let channels = try #require(object?["channels"] as? [String: [String: Any]])
        #expect(Set(channels.keys) == ["newsletter", "bulletin"], "the item's own channels")
        #expect(channels["newsletter"]?["pass"] as? Bool == false)
        let sentences = try #require(object?["sentences"] as? [[String: Any]])
        let firstWord = try #require((sentences.first?["words"] as? [[String: Any]])?.first)
        #expect(firstWord["text"] is String && firstWord["syllables"] is NSNumber)
        let findings = try #require(object?["findings"] as? [[String: Any]])
        #expect(findings.contains { $0["rule"] as? String == "unexplained-acronym" && $0["line"] as? Int == 5 })
        for key in ["rule", "severity", "message", "line", "excerpt", "suggestion"] {
            #expect(findings.allSatisfy { $0[key] != nil }, "findings carry \(key)")
        }
    }

    @Test func channelOptionChecksThatChannelOnly() throws {
        let workspace = try TestWorkspace()
        // Plain body text, no header: checked against the channel asked for.
        try workspace.write("Le CPAS est fermé lundi. Venez mardi.\n", to: "corps.txt")
        let result = try CrieurBinary.run(["check", "--channel", "ÉCRAN", "--format", "json", workspace.path("corps.txt")])
        #expect(result.status == 0)
        let object = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect((object?["channels"] as? [String: Any]).map { Set($0.keys) } == ["ecran"])
    }

    @Test(arguments: [["check"], ["check", "--channel", "telegramme", "x.txt"], ["check", "--format", "xml", "x.txt"]])
    func misuseIsAUsageError(arguments: [String]) throws {
        #expect(try CrieurBinary.run(arguments).status == 64)
    }
}
