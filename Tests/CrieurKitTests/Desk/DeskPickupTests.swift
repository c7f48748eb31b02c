import Foundation
import Testing
@testable import CrieurKit

/// The worker's side of the desk: what a request may do is decided here, from the configuration.
@Suite struct DeskPickupTests {
    typealias S = DeskTestSupport

    private func request(_ kind: DeskRequest.Kind, by user: String, reviewID: String? = nil, identity: String? = nil,
                         text: String? = nil, picture: String? = nil, comment: String? = nil) -> DeskRequest {
        DeskRequest(time: S.now, user: user, kind: kind, reviewID: reviewID, identity: identity, text: text, picture: picture, comment: comment)
    }

    @Test func anApprovalByAWriterIsRefusedWhateverThePageShowed() throws {
        let workspace = try S.workspace()
        let submitted = try #require(try S.apply(request(.submit, by: "marie", text: S.item()), in: workspace))
        #expect(submitted.outcome == .done && submitted.reviewID == "atelier-cuisine", "\(submitted)")

        for user in ["marie", "luc"] {
            let reply = try #require(try S.apply(request(.approve, by: user, reviewID: "atelier-cuisine"), in: workspace))
            #expect(reply.outcome == .refused)
            #expect(reply.message == "Vous ne pouvez pas valider une annonce : il faut le rôle « validation ». "
                + "Demandez-le à l'administrateur (réglage desk.users).")
            let back = try #require(try S.apply(request(.sendBack, by: user, reviewID: "atelier-cuisine", comment: "non"), in: workspace))
            #expect(back.outcome == .refused)
        }
        #expect(try S.queue(workspace).entry(id: "atelier-cuisine")?.state == .waiting)
        #expect(workspace.items(.incoming).isEmpty)
        #expect(try S.steps(workspace) == ["submitted marie"])

        let approved = try #require(try S.apply(request(.approve, by: "paul", reviewID: "atelier-cuisine"), in: workspace))
        #expect(approved.outcome == .done && approved.message.contains("validée"))
        #expect(workspace.items(.incoming) == ["atelier-cuisine.txt"])
        #expect(try S.steps(workspace) == ["submitted marie", "approved paul"])
    }

    @Test func aRoleTakenAwayInTheConfigurationCountsAtOnce() throws {
        let workspace = try S.workspace()
        let pickup = try S.pickup(workspace)  // started while paul still validates
        _ = try S.apply(request(.submit, by: "marie", text: S.item()), in: workspace)
        try workspace.write(#"{ queue: { settleSeconds: 0 }, desk: { users: { marie: ["redaction"], paul: ["redaction"] }, approval: ["*"] } }"#,
                            to: CrieurConfig.relativePath)
        let approve = request(.approve, by: "paul", reviewID: "atelier-cuisine")
        try DeskDropFolder(workspace: workspace.workspace).drop(approve)
        let replies = try pickup.applyPending()
        #expect(replies[approve.id]?.outcome == .refused)
        #expect(workspace.items(.incoming).isEmpty)
    }

    @Test func aPersonTheConfigurationDoesNotKnowIsRefused() throws {
        let workspace = try S.workspace()
        let reply = try #require(try S.apply(request(.submit, by: "inconnu", text: S.item()), in: workspace))
        #expect(reply.outcome == .refused && reply.message.hasPrefix("Accès refusé : « inconnu »"))
        #expect(workspace.names("queue/review").isEmpty)
    }

    @Test func anInvalidTextGetsTheProblemsInTheReply() throws {
        let workspace = try S.workspace()
        let reply = try #require(try S.apply(request(.submit, by: "marie", text: "Titre: A\nCanaux: pigeon\n---\nVenez.\n"), in: workspace))
        #expect(reply.outcome == .refused)
        #expect(reply.problems?.count == 1 && reply.problems?.first?.hasPrefix("Ligne 2 : ") == true, "\(reply)")
        #expect(reply.problems?.first?.contains("pigeon") == true)
    }

    @Test func anUnreadableRequestIsSetAsideAndLogged() throws {
        let workspace = try S.workspace()
        let id = SecureRandom.hex(bytes: 16)
        try workspace.write("{ pas du json", to: "web/bureau/drop/\(id).json")
        try workspace.write(#"{"id": "../../x"}"#, to: "web/bureau/drop/\(SecureRandom.hex(bytes: 16)).json")
        let log = LogCollector()
        let replies = try S.pickup(workspace, log: log).applyPending()
        #expect(replies.isEmpty)
        #expect(workspace.names("web/bureau/drop").isEmpty)
        #expect(workspace.names("web/bureau/rejected").count == 2)
        #expect(log.lines.filter { $0.contains("demande illisible") && $0.contains("web/bureau/rejected/") }.count == 2, "\(log.lines)")
    }

    @Test func aPictureUploadedWithTheTextGoesWithItAndLeavesTheDropFolder() throws {
        let workspace = try S.workspace()
        try workspace.write(S.picture, to: "web/bureau/drop/televersement-1.png")
        let text = S.item(extra: "Image: legumes.png\nTexte alternatif: Des légumes\n")
        let reply = try #require(try S.apply(request(.submit, by: "marie", text: text, picture: "televersement-1.png"), in: workspace))
        #expect(reply.outcome == .done, "\(reply)")
        #expect(workspace.names("web/bureau/drop").isEmpty)
        let entry = try #require(try S.queue(workspace).entry(id: "atelier-cuisine"))
        #expect(entry.picture == "atelier-cuisine--legumes.png")

        let forged = try #require(try S.apply(request(.submit, by: "marie", text: text, picture: "../../config/crieur.json5"), in: workspace))
        #expect(forged.outcome == .refused)
        #expect(try workspace.read(CrieurConfig.relativePath).contains("marie"))

        try workspace.write("<script>alert(1)</script>", to: "web/bureau/drop/televersement-2.png")
        let notAPicture = try #require(try S.apply(request(.resubmit, by: "marie", reviewID: "atelier-cuisine", text: text,
                                                           picture: "televersement-2.png"), in: workspace))
        #expect(notAPicture.outcome == .refused)
        #expect(notAPicture.problems == ["Le fichier joint n'est pas une image JPG, PNG, GIF ou WEBP.\n    → Joignez une photo enregistrée dans l'un de ces formats."])
        #expect(try S.queue(workspace).picturePath(of: #require(try S.queue(workspace).entry(id: "atelier-cuisine")))
            .map { try Data(contentsOf: URL(fileURLWithPath: $0)) } == S.picture)
    }

    @Test func writersWithdrawAndCorrectOnlyTheirOwnItemsValidatorsAny() throws {
        let workspace = try S.workspace(approval: "[]")
        // marie's item goes straight to the queue and is published; another comes from the shared folder.
        #expect(try S.apply(request(.submit, by: "marie", text: S.item()), in: workspace)?.outcome == .done)
        try workspace.write(S.item("Bourse aux jouets"), to: "queue/incoming/bourse.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-11-20T10:01")

        let corrected = S.item(extra: "Id: atelier-cuisine\nLieu: Maison citoyenne\n")
        let byLuc = try #require(try S.apply(request(.submit, by: "luc", text: corrected), in: workspace))
        #expect(byLuc.outcome == .refused && byLuc.message.contains("pas une annonce que vous avez écrite"), "\(byLuc)")
        #expect(try S.apply(request(.withdraw, by: "luc", identity: "atelier-cuisine"), in: workspace)?.outcome == .refused)
        #expect(try S.apply(request(.withdraw, by: "marie", identity: "bourse"), in: workspace)?.outcome == .refused)

        let byMarie = try #require(try S.apply(request(.submit, by: "marie", text: corrected), in: workspace))
        #expect(byMarie.outcome == .done, "\(byMarie)")
        let withdrawn = try #require(try S.apply(request(.withdraw, by: "paul", identity: "bourse", comment: "annulée"), in: workspace))
        #expect(withdrawn.outcome == .done, "\(withdrawn)")
        let own = try #require(try S.apply(request(.withdraw, by: "marie", identity: "atelier-cuisine"), in: workspace, at: S.now.addingTimeInterval(120)))
        #expect(own.outcome == .done, "\(own)")

        let withdrawals = try S.journal(workspace).filter { $0.event == .withdrawn }
        #expect(withdrawals.map { "\($0.identity ?? "") \($0.user ?? "")" } == ["bourse paul", "atelier-cuisine marie"])
    }

    // MARK: withdrawing an entry before approval

    @Test func anAuthorWithdrawsHerOwnEntryWaitingForApprovalAndItsTextAndPictureAreKeptUnderRetirees() throws {
        let workspace = try S.workspace()
        try workspace.write(S.picture, to: "web/bureau/drop/televersement-1.png")
        let text = S.item(extra: "Image: legumes.png\nTexte alternatif: Des légumes\n")
        #expect(try S.apply(request(.submit, by: "marie", text: text, picture: "televersement-1.png"), in: workspace)?.outcome == .done)

        let later = S.now.addingTimeInterval(600)
        let reply = try #require(try S.apply(request(.withdrawReview, by: "marie", reviewID: "atelier-cuisine", comment: "Atelier reporté"),
                                             in: workspace, at: later))
        #expect(reply.outcome == .done, "\(reply)")
        #expect(reply.message == "Annonce « Atelier cuisine » retirée : elle ne sera pas publiée. Son texte reste visible dans « Retirées ».")
        #expect(try S.queue(workspace).entries().isEmpty)
        #expect(workspace.names("queue/review") == ["retirees"])
        #expect(workspace.items(.incoming).isEmpty)

        let kept = try #require(try S.queue(workspace).withdrawnEntries().first)
        #expect(kept.id == "atelier-cuisine" && kept.state == .withdrawn && kept.author == "marie")
        #expect(kept.withdrawal == ReviewEntry.Withdrawal(user: "marie", time: later, reason: "Atelier reporté"))
        #expect(kept.itemText == text)
        #expect(workspace.names("queue/review/retirees").sorted()
            == ["atelier-cuisine--legumes.png", "atelier-cuisine.review.json", "atelier-cuisine.txt"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("queue/review/retirees/atelier-cuisine--legumes.png"))) == S.picture)

        #expect(try S.steps(workspace) == ["submitted marie", "withdrawn marie : Atelier reporté"])
        let line = try #require(try S.journal(workspace).last)
        #expect(line.identity == "atelier-cuisine" && line.archive == nil && line.time == later && line.isDeskStep)

        // `crieur list` (and so the desk's list) shows it with the withdrawn items.
        let listing = try ItemListing.read(workspace.workspace, parser: ItemParser(), now: later, calendar: WorkerTestSupport.brussels)
        let listed = try #require(listing.entries.first { $0.id == "atelier-cuisine" })
        #expect(listed.state == .withdrawn && listed.reason == "Atelier reporté" && listed.withdrawnBy == "marie" && listed.author == "marie")
        #expect(listing.text().contains("Retirées (1) :\n  atelier-cuisine — « Atelier cuisine »"), "\(listing.text())")
    }

    @Test func anotherAgentCannotWithdrawSomeoneElsesEntryAValidatorCanEvenOneSentBack() throws {
        let workspace = try S.workspace()
        #expect(try S.apply(request(.submit, by: "marie", text: S.item()), in: workspace)?.outcome == .done)
        #expect(try S.apply(request(.sendBack, by: "paul", reviewID: "atelier-cuisine", comment: "Quelle heure ?"), in: workspace)?.outcome == .done)

        let log = LogCollector()
        let byLuc = try #require(try S.apply(request(.withdrawReview, by: "luc", reviewID: "atelier-cuisine"), in: workspace, log: log))
        #expect(byLuc.outcome == .refused)
        #expect(byLuc.message == "Vous ne pouvez pas retirer « Atelier cuisine » : ce n'est pas une annonce que vous avez écrite. "
            + "Demandez à une personne chargée de la validation.")
        #expect(log.lines.contains { $0.contains("demande withdrawReview") && $0.contains("« luc » → refused") }, "\(log.lines)")
        #expect(try S.queue(workspace).entry(id: "atelier-cuisine")?.state == .returned, "still there, still sent back")
        #expect(try S.queue(workspace).withdrawnEntries().isEmpty)

        let stranger = try #require(try S.apply(request(.withdrawReview, by: "inconnu", reviewID: "atelier-cuisine"), in: workspace))
        #expect(stranger.outcome == .refused && stranger.message.hasPrefix("Accès refusé"))

        let byPaul = try #require(try S.apply(request(.withdrawReview, by: "paul", reviewID: "atelier-cuisine"), in: workspace))
        #expect(byPaul.outcome == .done, "\(byPaul)")
        #expect(try S.queue(workspace).entries().isEmpty)
        #expect(try S.queue(workspace).withdrawnEntries().map { $0.withdrawal?.user } == ["paul"])
        #expect(try S.steps(workspace) == ["submitted marie", "returned paul : Quelle heure ?", "withdrawn paul"])

        // Applied twice (a crash before the request was removed): the entry is gone, the answer says so.
        let again = try #require(try S.apply(request(.withdrawReview, by: "paul", reviewID: "atelier-cuisine"), in: workspace))
        #expect(again.outcome == .refused && again.message.hasPrefix("Aucune annonce « atelier-cuisine » n'attend de validation."))
    }

    @Test func aTextWithdrawnTwiceUnderTheSameIdIsKeptTwiceAndJournaledTwice() throws {
        let workspace = try S.workspace()
        for (offset, user) in [(0.0, "marie"), (3_600.0, "it")] {
            let at = S.now.addingTimeInterval(offset)
            #expect(try S.apply(request(.submit, by: "marie", text: S.item()), in: workspace, at: at)?.reviewID == "atelier-cuisine")
            #expect(try S.apply(request(.withdrawReview, by: user, reviewID: "atelier-cuisine"), in: workspace, at: at.addingTimeInterval(60))?
                .outcome == .done)
        }
        #expect(try S.queue(workspace).withdrawnEntries().map(\.id) == ["atelier-cuisine-2", "atelier-cuisine"], "latest first")
        #expect(try S.steps(workspace) == ["submitted marie", "withdrawn marie", "submitted marie", "withdrawn it"])
    }

    // MARK: uploads nobody asked for

    @Test func anUploadNoRequestNamedForAnHourIsRemovedAFreshOneAndOneARequestNamesAreKept() throws {
        let workspace = try S.workspace()
        let drop = "web/bureau/drop"
        // The CGI was killed between the picture and its request, an hour and a half ago.
        try workspace.write(S.picture, to: "\(drop)/orpheline.png")
        try FileSystem.setModificationTime(workspace.path("\(drop)/orpheline.png"), to: S.now.addingTimeInterval(-5_400))
        // Killed while writing the picture under its hidden name.
        try workspace.write(Data(S.picture.prefix(10)), to: "\(drop)/.inachevee.png.123.456.tmp")
        try FileSystem.setModificationTime(workspace.path("\(drop)/.inachevee.png.123.456.tmp"), to: S.now.addingTimeInterval(-7_200))
        // Being written right now, its request not yet dropped; and one written 59 minutes ago.
        try workspace.write(S.picture, to: "\(drop)/en-cours.png")
        try FileSystem.setModificationTime(workspace.path("\(drop)/en-cours.png"), to: S.now)
        try workspace.write(S.picture, to: "\(drop)/presque.png")
        try FileSystem.setModificationTime(workspace.path("\(drop)/presque.png"), to: S.now.addingTimeInterval(-3_540))
        // An old upload whose request waits for the next pass (this one is told to stop first).
        try workspace.write(S.picture, to: "\(drop)/attendue.png")
        try FileSystem.setModificationTime(workspace.path("\(drop)/attendue.png"), to: S.now.addingTimeInterval(-7_200))
        let waiting = request(.submit, by: "marie", text: S.item(extra: "Image: legumes.png\nTexte alternatif: Des légumes\n"),
                              picture: "attendue.png")
        try DeskDropFolder(workspace: workspace.workspace).drop(waiting)

        let log = LogCollector()
        let replies = try S.pickup(workspace, log: log).applyPending(stopRequested: { true })
        #expect(replies.isEmpty)
        #expect(workspace.names(drop) == ["\(waiting.id).json", "attendue.png", "en-cours.png", "presque.png"].sorted(), "the request's random name sorts anywhere")
        #expect(try FileSystem.info(workspace.path("\(drop)/.inachevee.png.123.456.tmp")) == nil)
        #expect(log.lines.filter { $0.contains("supprimé de web/bureau/drop/") }.count == 2, "\(log.lines)")
        #expect(log.lines.contains { $0.contains("« orpheline.png » supprimé de web/bureau/drop/ : aucune demande ne l'a nommé depuis plus d'une heure") })

        // The next pass applies the request and its picture goes with it.
        #expect(try S.pickup(workspace).applyPending()[waiting.id]?.outcome == .done)
        #expect(try S.queue(workspace).entry(id: "atelier-cuisine")?.picture == "atelier-cuisine--legumes.png")
        #expect(workspace.names(drop) == ["en-cours.png", "presque.png"])
    }

    @Test func theFourStepsThroughTheWorkerEndWithThePublicationAndBothPeopleInTheJournal() throws {
        let workspace = try S.workspace()
        let drop = DeskDropFolder(workspace: workspace.workspace)
        func step(_ request: DeskRequest, at moment: String) throws -> DeskReply? {
            try drop.drop(request)
            // The worker's own pass: the desk's job runs in it, before the channels.
            try WorkerTestSupport.runOnce(workspace, at: moment)
            return drop.reply(for: request.id)
        }
        let text = S.item(extra: "Quand: 24/11/2026 à 14 h\n")
        #expect(try step(request(.submit, by: "marie", text: text), at: "2026-11-20T10:00")?.outcome == .done)
        #expect(try step(request(.sendBack, by: "paul", reviewID: "atelier-cuisine", comment: "Dites où."), at: "2026-11-20T10:10")?
            .outcome == .done)
        #expect(try step(request(.resubmit, by: "marie", reviewID: "atelier-cuisine", text: S.item(extra: "Lieu: Maison citoyenne\n")),
                         at: "2026-11-20T10:20")?.outcome == .done)
        #expect(workspace.items(.done).isEmpty && workspace.items(.incoming).isEmpty)
        #expect(try step(request(.approve, by: "paul", reviewID: "atelier-cuisine"), at: "2026-11-20T10:30")?.outcome == .done)

        // Approved and published in the same pass.
        #expect(workspace.items(.done) == ["atelier-cuisine.txt"])
        #expect(try workspace.workspace.archive.load().items.map(\.place) == ["Maison citoyenne"])
        #expect(try S.steps(workspace) == ["submitted marie", "returned paul : Dites où.", "submitted marie", "approved paul"])
        #expect(try S.journal(workspace).last?.event == .published)
        #expect(workspace.names("web/bureau/drop").isEmpty && workspace.names("queue/review").isEmpty)
    }

    @Test func theDeskModuleCreatesItsFoldersAndItsJobRunsBeforeTheChannels() throws {
        let workspace = try S.workspace()
        for folder in ["queue/review", "web/bureau/drop", "web/bureau/replies"] {
            #expect(try FileSystem.info(workspace.path(folder))?.kind == .directory, "\(folder)")
        }
        let module = try #require(ChannelRegistry.builtIn.workspaceModules.first { $0.id == "desk" })
        #expect(module.runsBeforeChannels)
    }
}
