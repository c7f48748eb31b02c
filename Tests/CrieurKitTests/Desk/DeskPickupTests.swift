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
