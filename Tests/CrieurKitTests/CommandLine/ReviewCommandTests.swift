import Foundation
import Testing
@testable import CrieurKit

/// `crieur review …` run as staff would, on entries the desk made.
@Suite struct ReviewCommandTests {
    typealias S = DeskTestSupport

    private func crieur(_ workspace: TestWorkspace, _ arguments: [String], environment: [String: String] = [:]) throws -> CrieurBinary.Result {
        try CrieurBinary.run(["--root", workspace.root, "--now", "2026-11-22T10:00"] + arguments, environment: environment)
    }

    private func submitted(_ workspace: TestWorkspace) throws -> ReviewEntry {
        let queue = S.queue(workspace)
        let config = try workspace.config()
        let first = try queue.submit(text: S.item(), picturePath: nil, by: "marie", config: config)
        let second = try S.queue(workspace, at: S.now.addingTimeInterval(3_600))
            .submit(text: S.item("Bourse aux jouets"), picturePath: nil, by: "luc", config: config)
        try S.queue(workspace, at: S.now.addingTimeInterval(7_200)).sendBack(id: second.id, by: "paul", comment: "Quelle date ?")
        return first
    }

    @Test func listShowsEachEntryWithItsAuthorStateAgeAndLastComment() throws {
        let workspace = try S.workspace()
        _ = try submitted(workspace)
        let result = try crieur(workspace, ["review", "list"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("""
        À valider (1) :
          atelier-cuisine — « Atelier cuisine »
              écrite par marie, depuis 2 jours ; Facebook, écran de la salle d'attente
        """), "\(result.stdout)")
        #expect(result.stdout.contains("""
        Renvoyées à leur auteur (1) :
          bourse-aux-jouets — « Bourse aux jouets »
              écrite par luc, depuis 1 jour ; Facebook, écran de la salle d'attente
              dernier commentaire, de paul : Quelle date ?
        """), "\(result.stdout)")

        let json = try crieur(workspace, ["review", "list", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(rows.map { $0["id"] as? String } == ["atelier-cuisine", "bourse-aux-jouets"])
        #expect(rows.map { $0["state"] as? String } == ["waiting", "returned"])
    }

    @Test func approveQueuesTheItemAndRecordsTheNameGiven() throws {
        let workspace = try S.workspace()
        let entry = try submitted(workspace)
        let result = try crieur(workspace, ["review", "approve", entry.id, "--par", "paul"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Annonce « Atelier cuisine » validée par paul : déposée dans queue/incoming/atelier-cuisine.txt.\n")
        #expect(workspace.items(.incoming) == ["atelier-cuisine.txt"])
        #expect(try S.journal(workspace).last.map { "\($0.event.rawValue) \($0.user ?? "")" } == "approved paul")
    }

    @Test func withoutParTheLoginNameIsRecorded() throws {
        let workspace = try S.workspace()
        let entry = try submitted(workspace)
        let result = try crieur(workspace, ["review", "return", entry.id, "--comment", "Trop long."],
                                environment: ["SUDO_USER": "", "LOGNAME": "anne", "USER": "root"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Annonce « Atelier cuisine » renvoyée à marie avec le commentaire de anne.\n")
        let last = try #require(try S.journal(workspace).last)
        #expect(last.event == .returned && last.user == "anne" && last.comment == "Trop long.")
        let sudo = try crieur(workspace, ["review", "return", entry.id, "--commentaire", "Encore."], environment: ["SUDO_USER": "paul"])
        #expect(sudo.status == 0 && sudo.stdout.hasSuffix("avec le commentaire de paul.\n"), "\(sudo.stderr)")
    }

    @Test func mistakesGetTheExitCodesOfTheProduct() throws {
        let workspace = try S.workspace()
        let entry = try submitted(workspace)
        let noComment = try crieur(workspace, ["review", "return", entry.id])
        #expect(noComment.status == 64 && noComment.stderr.contains("Dites à l'auteur ce qu'il faut corriger"))
        let unknown = try crieur(workspace, ["review", "approve", "absente"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr == "Aucune annonce « absente » n'attend de validation. « crieur review list » montre les annonces en attente.\n")
        let noVerb = try crieur(workspace, ["review"])
        #expect(noVerb.status == 64 && noVerb.stderr.hasPrefix("Utilisation : crieur review list"))
        // An item whose end passed while it waited cannot be approved: the queue's own problem is given.
        try S.queue(workspace).resubmit(id: entry.id, text: S.item(extra: "Fin: 2026-11-21\n"), picturePath: nil, by: "marie",
                                        config: try workspace.config())
        let late = try crieur(workspace, ["review", "approve", entry.id, "--par", "paul"])
        #expect(late.status == 65 && late.stderr.contains("renvoyez-la à son auteur"), "\(late.stderr)")
        #expect(workspace.items(.incoming).isEmpty)
    }

    @Test func withdrawTakesAnEntryOutOfReviewKeepsItAndRecordsTheNameGiven() throws {
        let workspace = try S.workspace()
        let entry = try submitted(workspace)
        let result = try crieur(workspace, ["review", "withdraw", entry.id, "--par", "paul", "--raison", "Atelier annulé"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == "Annonce « Atelier cuisine » (de marie) retirée par paul : elle ne sera pas publiée. "
            + "Son texte est gardé dans queue/review/retirees/atelier-cuisine.txt.\n")
        #expect(try S.queue(workspace).entry(id: entry.id) == nil)
        #expect(try workspace.read("queue/review/retirees/atelier-cuisine.txt") == S.item())
        let last = try #require(try S.journal(workspace).last)
        #expect(last.event == .withdrawn && last.user == "paul" && last.comment == "Atelier annulé" && last.archive == nil)

        // The one sent back too, by the login name; `crieur list` shows both as withdrawn.
        let sentBack = try crieur(workspace, ["review", "retirer", "bourse-aux-jouets"], environment: ["SUDO_USER": "luc"])
        #expect(sentBack.status == 0 && sentBack.stdout.contains("retirée par luc"), "\(sentBack.stderr)")
        let list = try crieur(workspace, ["list"])
        #expect(list.stdout.contains("Retirées (2) :"), "\(list.stdout)")
        #expect(list.stdout.contains("      raison du retrait : Atelier annulé"))
        #expect(try crieur(workspace, ["review", "list"]).stdout.hasPrefix("Aucune annonce n'attend de validation."))
    }

    @Test func withdrawingAnUnknownEntryOrWithoutAnIdGetsTheExitCodesOfTheProduct() throws {
        let workspace = try S.workspace()
        _ = try submitted(workspace)
        let unknown = try crieur(workspace, ["review", "withdraw", "absente", "--par", "paul"])
        #expect(unknown.status == 65)
        #expect(unknown.stderr == "Aucune annonce « absente » n'attend de validation. « crieur review list » montre les annonces en attente.\n")
        let forged = try crieur(workspace, ["review", "withdraw", "../config"])
        #expect(forged.status == 65)
        let noID = try crieur(workspace, ["review", "withdraw", "--par", "paul"])
        #expect(noID.status == 64 && noID.stderr.hasPrefix("Utilisation : crieur review withdraw IDENTIFIANT"), "\(noID.stderr)")
        #expect(try S.queue(workspace).entries().count == 2, "nothing withdrawn")
        #expect(!(try S.journal(workspace)).contains { $0.event == .withdrawn })
    }

    @Test func statusAndListCountItemsWaitingForApprovalAndSentBack() throws {
        let workspace = try S.workspace()
        _ = try submitted(workspace)
        let status = try crieur(workspace, ["status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("  à valider    1\n  renvoyées    1\n"), "\(status.stdout)")
        let json = try crieur(workspace, ["status", "--format", "json"])
        let counts = try JSONDecoder().decode(QueueStatus.self, from: Data(json.stdout.utf8))
        #expect(counts.awaitingApproval == 1 && counts.sentBack == 1)

        let list = try crieur(workspace, ["list"])
        #expect(list.stdout.contains("À valider (1) :\n  atelier-cuisine — « Atelier cuisine »"), "\(list.stdout)")
        #expect(list.stdout.contains("Renvoyées à leur auteur (1) :\n  bourse-aux-jouets — « Bourse aux jouets »"))
        #expect(list.stdout.contains("      dernier commentaire, de paul : Quelle date ?"))
    }

    @Test func submitSendsAFileToApprovalWithItsPictureAsTheDeskWould() throws {
        let workspace = try S.workspace(approval: #"["facebook"]"#)
        try workspace.write(S.item(extra: "Image: legumes.png\nTexte alternatif: Des légumes\n"), to: "brouillons/atelier.txt")
        try workspace.write(S.picture, to: "brouillons/legumes.png")
        let result = try crieur(workspace, ["review", "submit", workspace.path("brouillons/atelier.txt"),
                                            workspace.path("brouillons/legumes.png"), "--par", "marie"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasSuffix("→ queue/review/atelier-cuisine.txt (auteur : marie).\n"), "\(result.stdout)")
        #expect(try S.queue(workspace).entry(id: "atelier-cuisine")?.picture == "atelier-cuisine--legumes.png")

        try workspace.write(S.item("Bourse", channels: "bulletin"), to: "brouillons/bourse.txt")
        let straight = try crieur(workspace, ["review", "submit", workspace.path("brouillons/bourse.txt")])
        #expect(straight.status == 0 && straight.stdout.hasSuffix("→ queue/incoming/bourse.txt.\n"), "\(straight.stdout)")

        try workspace.write("Titre: A\nCanaux: pigeon\n---\nVenez.\n", to: "brouillons/faux.txt")
        let bad = try crieur(workspace, ["review", "submit", workspace.path("brouillons/faux.txt")])
        #expect(bad.status == 65 && bad.stderr.contains("Ligne 2 : ") && bad.stderr.contains("pigeon"), "\(bad.stderr)")
    }

    @Test func helpNamesTheCommand() throws {
        let result = try CrieurBinary.run(["--help"])
        #expect(result.stdout.contains("review approve IDENTIFIANT [--par NOM]"))
        #expect(result.stdout.contains("review return IDENTIFIANT --commentaire TEXTE [--par NOM]"))
    }
}
