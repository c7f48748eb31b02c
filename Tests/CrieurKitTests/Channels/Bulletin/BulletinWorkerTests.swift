import Foundation
import Testing
@testable import CrieurKit

/// The worker keeps the drafts up to date by itself: the current quarter's
/// always, the coming quarter's from `daysBeforeDeadline` days before its deadline.
struct BulletinWorkerTests {
    typealias W = WorkerTestSupport

    static let config = "bulletin: { deadlines: { T1: \"12-01\" }, daysBeforeDeadline: 14 }"
    static let allowance = "Titre: Allocation de chauffage\nCanaux: bulletin\nPublication: 2026-10-01\nFin: 2027-03-31\n---\nLe CPAS peut payer une partie de votre facture.\n"

    @Test func comingQuarterDraftAppearsFromDaysBeforeItsDeadline() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        try workspace.write(Self.allowance, to: "queue/incoming/chauffage.txt")

        try W.runOnce(workspace, at: "2026-11-16T09:00")
        #expect(workspace.names("out/bulletin").sorted() == ["2026-T4.fodt", "2026-T4.html", "2026-T4.odt", "2026-T4.txt"])

        // A new day: the worker refreshes without any new item, and the T1 window has opened.
        try W.runOnce(workspace, at: "2026-11-17T09:00")
        #expect(workspace.names("out/bulletin").filter { $0.hasPrefix("2027-T1.") }.count == 4)
        let draft = try workspace.read("out/bulletin/2027-T1.txt")
        #expect(draft.contains("Allocation de chauffage"))
        #expect(draft.contains("À remettre à la commune au plus tard le mardi 1er décembre 2026."))
    }

    @Test func draftAfterItsDeadlineIsLeftAsSent() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        try workspace.write(Self.allowance, to: "queue/incoming/chauffage.txt")
        try W.runOnce(workspace, at: "2026-12-01T09:00")
        let sent = try workspace.read("out/bulletin/2027-T1.txt")

        try workspace.write(Self.allowance.replacingOccurrences(of: "Allocation", with: "Prime"), to: "queue/incoming/prime.txt")
        try W.runOnce(workspace, at: "2026-12-02T09:00")
        #expect(try workspace.read("out/bulletin/2027-T1.txt") == sent)
        #expect(try workspace.read("out/bulletin/2026-T4.txt").contains("Prime de chauffage"))
    }

    @Test func pictureIsCopiedBesideTheDraftAndNamedInIt() throws {
        let workspace = try TestWorkspace()
        let picture = Data([0xFF, 0xD8, 0xFF, 0xE0] + (0..<300).map { UInt8($0 & 0xFF) })
        try workspace.write(picture, to: "queue/incoming/affiche.jpg")
        try workspace.write(
            "Titre: Bourse aux vêtements\nCanaux: bulletin\nImage: affiche.jpg\nTexte alternatif: Des vêtements sur une table\n---\nVenez choisir un manteau.\n",
            to: "queue/incoming/bourse.txt")
        try W.runOnce(workspace, at: "2026-11-20T09:00")

        let name = "2026-11-20-bourse-aux-vetements-affiche.jpg"
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/bulletin/\(name)"))) == picture)
        let draft = try workspace.read("out/bulletin/2026-T4.txt")
        #expect(draft.contains("Image pour « Bourse aux vêtements » : fichier \(name), à joindre à l'envoi."))
        #expect(draft.contains("Texte alternatif : Des vêtements sur une table"))
    }

    @Test func commandCopiesPicturesFromTheArchive() throws {
        let workspace = try TestWorkspace()
        let picture = Data([0xFF, 0xD8, 0xFF, 0xE0, 7, 7, 7])
        try workspace.write(picture, to: "queue/incoming/affiche.jpg")
        try workspace.write(
            "Titre: Bourse aux vêtements\nCanaux: bulletin\nPublication: 2026-11-20\nImage: affiche.jpg\nTexte alternatif: Une affiche\n---\nVenez choisir un manteau.\n",
            to: "queue/incoming/bourse.txt")
        try W.runOnce(workspace, at: "2026-11-20T09:00")
        try FileManager.default.removeItem(atPath: workspace.path("out/bulletin"))

        let result = try CrieurBinary.run(["--root", workspace.root, "bulletin", "--quarter", "2026-T4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/bulletin/2026-11-20-bourse-aux-vetements-affiche.jpg"))) == picture)
        #expect(result.stdout.contains("Image pour « Bourse aux vêtements »"))
    }

    @Test func comingQuarterDraftHoldsItemsStillWaitingForTheirDay() throws {
        let workspace = try TestWorkspace(extraConfig: Self.config)
        let picture = Data([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4])
        try workspace.write(picture, to: "queue/incoming/manteaux.jpg")
        try workspace.write(
            "Titre: Bourse aux vêtements d'hiver\nCanaux: bulletin, facebook\nPublication: 2027-01-15\nFin: 2027-02-28\n"
                + "Image: manteaux.jpg\nTexte alternatif: Des manteaux sur une table\n---\nVous cherchez un manteau ?\n",
            to: "queue/incoming/vetements.txt")
        try workspace.write("Titre: Pas pour le bulletin\nCanaux: facebook\nPublication: 2027-01-10\n---\nBientôt.\n", to: "queue/incoming/autre.txt")

        try W.runOnce(workspace, at: "2026-11-20T09:00")
        #expect(workspace.items(.deferred) == ["autre.txt", "vetements.txt"])
        let draft = try workspace.read("out/bulletin/2027-T1.txt")
        #expect(draft.contains("Bourse aux vêtements d'hiver"))
        #expect(draft.contains("« Bourse aux vêtements d'hiver » n'est pas encore publiée : elle attend son jour dans la file (le vendredi 15 janvier 2027)."))
        #expect(!draft.contains("Pas pour le bulletin"))
        let name = "2027-01-15-bourse-aux-vetements-d-hiver-manteaux.jpg"
        #expect(draft.contains("fichier \(name)"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("out/bulletin/\(name)"))) == picture)

        // Published on its day, it is the same article, its picture under the same name, and no longer "waiting".
        try W.runOnce(workspace, at: "2027-01-15T09:00")
        #expect(workspace.names("out/archive").contains(name))
        let published = try workspace.read("out/bulletin/2027-T1.txt")
        #expect(published.components(separatedBy: "Vous cherchez un manteau ?").count == 2)
        #expect(!published.contains("n'est pas encore publiée"))
        #expect(workspace.names("out/bulletin").filter { $0.hasSuffix(".jpg") } == [name])
    }
}
