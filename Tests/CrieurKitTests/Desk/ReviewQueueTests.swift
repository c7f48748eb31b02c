import Foundation
import Testing
@testable import CrieurKit

/// The approval step on disk: `queue/review/`, the same checks as `crieur enqueue`, the journal's steps.
@Suite struct ReviewQueueTests {
    typealias S = DeskTestSupport

    @Test func anItemForAChannelNeedingApprovalWaitsInReviewTheOthersGoStraightToTheQueue() throws {
        let workspace = try S.workspace(approval: #"["facebook"]"#)
        let queue = S.queue(workspace)
        let config = try workspace.config()

        let waiting = try queue.send(text: S.item(), picturePath: nil, by: "marie", config: config)
        guard case .waiting(let entry) = waiting else { Issue.record("\(waiting)"); return }
        #expect(entry.id == "atelier-cuisine" && entry.author == "marie" && entry.state == .waiting && entry.title == "Atelier cuisine")
        #expect(workspace.names("queue/review") == ["atelier-cuisine.review.json", "atelier-cuisine.txt"])
        #expect(try workspace.read("queue/review/atelier-cuisine.txt") == S.item())
        #expect(workspace.items(.incoming).isEmpty)

        let straight = try queue.send(text: S.item("Bourse aux jouets", channels: "bulletin"), picturePath: nil, by: "marie", config: config)
        #expect(straight == .queued(name: "bourse-aux-jouets.txt", identity: "bourse-aux-jouets"))
        #expect(workspace.items(.incoming) == ["bourse-aux-jouets.txt"])
        #expect(try S.steps(workspace) == ["submitted marie", "submitted marie"])
        #expect(try queue.entries().map(\.id) == ["atelier-cuisine"])
    }

    @Test func withApprovalForEveryChannelNothingGoesStraightToTheQueue() throws {
        let workspace = try S.workspace(approval: #"["*"]"#)
        let result = try S.queue(workspace).send(text: S.item(channels: "bulletin"), picturePath: nil, by: "marie", config: try workspace.config())
        guard case .waiting = result else { Issue.record("\(result)"); return }
        #expect(workspace.items(.incoming).isEmpty)
    }

    @Test func aNewItemNeverTakesTheIdentityOfAnother() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        let config = try workspace.config()
        try workspace.write(S.item(), to: "queue/incoming/atelier-cuisine.txt")
        let first = try queue.submit(text: S.item(), picturePath: nil, by: "marie", config: config)
        let second = try queue.submit(text: S.item() + "Une autre fois.\n", picturePath: nil, by: "luc", config: config)
        #expect(first.id == "atelier-cuisine-2" && second.id == "atelier-cuisine-3")
    }

    @Test func anInvalidTextIsRefusedWithTheMessagesOfEnqueueAndNothingIsWritten() throws {
        let workspace = try S.workspace()
        let text = "Titre: Atelier\nCanaux: telegramme\nPublication: 2026-02-30\n---\nVenez.\n"
        #expect {
            try S.queue(workspace).send(text: text, picturePath: nil, by: "marie", config: try workspace.config())
        } throws: { error in
            guard let refusal = error as? DeskRefusal, refusal.kind == .invalidItem else { return false }
            // The same file given to `crieur enqueue`: the same problems, word for word.
            try? workspace.write(text, to: "brouillons/atelier.txt")
            let cli = (try? CrieurBinary.run(["--root", workspace.root, "--now", "2026-11-20T10:00", "enqueue",
                                              workspace.path("brouillons/atelier.txt")])) ?? CrieurBinary.Result(status: 0, stdout: "", stderr: "")
            let lines = refusal.problems.map { $0.replacingOccurrences(of: "Ligne ", with: workspace.path("brouillons/atelier.txt") + ":") }
            return refusal.problems.count == 2 && cli.status == 65 && lines.allSatisfy { cli.stderr.contains($0) }
                && refusal.message.contains("n'est pas enregistrée")
        }
        #expect(workspace.names("queue/review").isEmpty)
        #expect(workspace.items(.incoming).isEmpty)
        #expect(try S.journal(workspace).isEmpty)
    }

    @Test func aTextTooHardIsRefusedWithTheReadabilityReport() throws {
        let workspace = try S.workspace()
        let corpus = TestCorpus.project
        let sample = try #require(corpus.files("items").first { $0.contains("administratif") })
        let text = try TextDecoding.decode(corpus.data("items", sample))
        // Under the name the desk gives it (the readability report names the file).
        let name = Slug.make(try ItemParser().parse(Data(text.utf8), fileName: sample).title, maxLength: ItemParser.maxIDLength) + ".txt"
        let enqueue = Enqueuer(workspace: workspace.workspace, config: try workspace.config(),
                               publishers: Publishers.all(try workspace.config(), workspace: workspace.workspace))
        try workspace.write(text, to: "brouillons/\(name)")
        let expected = try #require(enqueue.checkAll([workspace.path("brouillons/\(name)")], now: S.now).first)
        guard !expected.problems.isEmpty else { return }  // this sample passes somewhere: nothing to compare
        #expect {
            try S.queue(workspace).send(text: text, picturePath: nil, by: "marie", config: try workspace.config())
        } throws: { error in
            guard let refusal = error as? DeskRefusal else { return false }
            return refusal.problems.prefix(expected.problems.count) == expected.problems.map { $0.consoleText(source: nil) }[...]
                && (expected.details.map { refusal.problems.last == $0 } ?? true)
        }
    }

    @Test func approvalMovesTheItemAndItsPictureIntoTheQueueAndTheWorkerPublishesIt() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        let config = try workspace.config()
        try workspace.write(S.picture, to: "televersement/photo-atelier.png")
        let text = S.item(extra: "Image: photo.png\nTexte alternatif: Des légumes sur une table\n")
        let entry = try queue.submit(text: text, picturePath: workspace.path("televersement/photo-atelier.png"), by: "marie", config: config)
        #expect(entry.picture == "atelier-cuisine--photo.png")
        #expect(try Data(contentsOf: URL(fileURLWithPath: try #require(queue.picturePath(of: entry)))) == S.picture)

        let name = try queue.approve(id: entry.id, by: "paul", config: config)
        #expect(name == "atelier-cuisine.txt")
        #expect(workspace.names("queue/review").isEmpty)
        #expect(workspace.names("queue/incoming").sorted() == ["atelier-cuisine.txt", "photo.png"])
        #expect(try workspace.read("queue/incoming/atelier-cuisine.txt") == text)
        #expect(try S.steps(workspace) == ["submitted marie", "approved paul"])

        let events = try WorkerTestSupport.runOnce(workspace, at: "2026-11-20T10:05")
        #expect(events.contains { if case .published(let item, _, _, _) = $0 { item == "atelier-cuisine.txt" } else { false } }, "\(events)")
    }

    @Test func sentBackThenCorrectedThenApprovedLeavesEachStepInTheJournalWithItsPerson() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        let config = try workspace.config()
        let entry = try queue.submit(text: S.item(), picturePath: nil, by: "marie", config: config)

        try queue.sendBack(id: entry.id, by: "paul", comment: "Ajoutez l'heure, s'il vous plaît.")
        let returned = try #require(try queue.entry(id: entry.id))
        #expect(returned.state == .returned && returned.lastComment?.user == "paul")
        #expect(returned.lastComment?.text == "Ajoutez l'heure, s'il vous plaît.")

        try S.queue(workspace, at: S.now.addingTimeInterval(60)).resubmit(
            id: entry.id, text: S.item(extra: "Quand: 24/11/2026 de 9 h 30 à 12 h\n"), picturePath: nil, by: "marie", config: config)
        let corrected = try #require(try queue.entry(id: entry.id))
        #expect(corrected.state == .waiting && corrected.author == "marie" && corrected.comments.count == 1)
        #expect(corrected.itemText.contains("Quand: 24/11/2026"))

        try S.queue(workspace, at: S.now.addingTimeInterval(120)).approve(id: entry.id, by: "paul", config: config)
        #expect(try S.steps(workspace)
            == ["submitted marie", "returned paul : Ajoutez l'heure, s'il vous plaît.", "submitted marie", "approved paul"])
        #expect(try queue.author(of: "atelier-cuisine") == "marie")
    }

    @Test func anEntryIsApprovedOnceTheSecondApproverIsToldItIsGone() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        let config = try workspace.config()
        let entry = try queue.submit(text: S.item(), picturePath: nil, by: "marie", config: config)
        try queue.approve(id: entry.id, by: "paul", config: config)
        #expect(throws: ReviewQueue.unknown(entry.id)) { try queue.approve(id: entry.id, by: "it", config: config) }
        #expect(workspace.items(.incoming) == ["atelier-cuisine.txt"])
        #expect(try S.steps(workspace) == ["submitted marie", "approved paul"])
    }

    @Test func theSameVersionAsThePublishedOneIsNotSentAgain() throws {
        let workspace = try S.workspace(approval: "[]")
        try workspace.write(S.item(extra: "Id: atelier\n"), to: "queue/incoming/atelier.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-11-20T09:00")
        #expect(throws: DeskRefusal(.wrongState, "Rien n'est envoyé : l'annonce est déjà publiée telle quelle (« atelier ») : rien ne change.")) {
            try S.queue(workspace).send(text: S.item(extra: "Id: atelier\n"), picturePath: nil, by: "marie", config: try workspace.config())
        }
        #expect(workspace.items(.incoming).isEmpty)
    }

    @Test func aCorrectionOfAPublishedItemKeepsItsPictureWithoutSendingItAgain() throws {
        let workspace = try S.workspace()
        let withPicture = "Image: legumes.png\nTexte alternatif: Des légumes\n"
        try workspace.write(S.item(extra: withPicture), to: "queue/incoming/atelier.txt")
        try workspace.write(S.picture, to: "queue/incoming/legumes.png")
        try WorkerTestSupport.runOnce(workspace, at: "2026-11-20T09:00")
        #expect(workspace.items(.done) == ["atelier.txt"])

        let corrected = S.item(extra: "Id: atelier\n" + withPicture).replacingOccurrences(of: "gratuit", with: "gratuit et ouvert à tous")
        let entry = try S.queue(workspace).submit(text: corrected, picturePath: nil, by: "paul", config: try workspace.config())
        #expect(entry.picture == "atelier--legumes.png")
        try S.queue(workspace).approve(id: entry.id, by: "paul", config: try workspace.config())
        #expect(try Data(contentsOf: URL(fileURLWithPath: workspace.path("queue/incoming/legumes.png"))) == S.picture)
    }

    @Test func aSendBackNeedsAComment() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        let entry = try queue.submit(text: S.item(), picturePath: nil, by: "marie", config: try workspace.config())
        #expect(throws: DeskRefusal.self) { try queue.sendBack(id: entry.id, by: "paul", comment: "  \n") }
        #expect(try queue.entry(id: entry.id)?.state == .waiting)
    }

    @Test func anUnknownOrForgedIdIsRefused() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        for id in ["absente", "../../config/crieur", "", "A"] {
            #expect(throws: ReviewQueue.unknown(id)) { try queue.approve(id: id, by: "paul", config: try workspace.config()) }
            #expect(try queue.entry(id: id) == nil)
        }
    }

    @Test func approvalChecksTheItemAgainAtItsMoment() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        let entry = try queue.submit(text: S.item(extra: "Fin: 2026-11-25\n"), picturePath: nil, by: "marie", config: try workspace.config())
        // Approved after its end: the queue would refuse it, so the entry stays for a send-back.
        #expect(throws: DeskRefusal.self) {
            try S.queue(workspace, at: WorkerTestSupport.date("2026-12-01T10:00")).approve(id: entry.id, by: "paul", config: try workspace.config())
        }
        #expect(try queue.entry(id: entry.id) != nil)
        #expect(workspace.items(.incoming).isEmpty)
    }

    @Test func theQuarterlyReportCountsTheSameWithOrWithoutTheDeskSteps() throws {
        let workspace = try S.workspace()
        let queue = S.queue(workspace)
        let config = try workspace.config()
        let entry = try queue.submit(text: S.item(), picturePath: nil, by: "marie", config: config)
        try S.queue(workspace, at: S.now.addingTimeInterval(60)).sendBack(id: entry.id, by: "paul", comment: "Plus court.")
        try S.queue(workspace, at: S.now.addingTimeInterval(120)).resubmit(id: entry.id, text: S.item(), picturePath: nil, by: "marie",
                                                                             config: config)
        try S.queue(workspace, at: S.now.addingTimeInterval(180)).approve(id: entry.id, by: "paul", config: config)
        try WorkerTestSupport.runOnce(workspace, at: "2026-11-20T10:05")

        let journal = try S.journal(workspace)
        #expect(journal.filter(\.event.isDeskStep).count == 4)
        let builder = QuarterlyReportBuilder(period: ReportPeriod(label: "2026-T4", start: WorkerTestSupport.date("2026-10-01T00:00"),
                                                                  end: WorkerTestSupport.date("2027-01-01T00:00")),
                                             calendar: WorkerTestSupport.brussels)
        let withSteps = builder.build(journal: journal, derogations: [], newsletter: nil, damagedLines: 0)
        let without = builder.build(journal: journal.filter { !$0.event.isDeskStep }, derogations: [], newsletter: nil, damagedLines: 0)
        #expect(withSteps == without)
        #expect(withSteps.itemsPublished == 1)
    }

    @Test func anEntryWithdrawnBeforeApprovalIsNotAWithdrawalForTheQuarterlyReport() throws {
        let workspace = try S.workspace()
        let entry = try S.queue(workspace).submit(text: S.item(), picturePath: nil, by: "marie", config: try workspace.config())
        try S.queue(workspace, at: S.now.addingTimeInterval(60)).withdraw(id: entry.id, by: "marie", reason: nil)
        let journal = try S.journal(workspace)
        #expect(journal.map(\.event) == [.submitted, .withdrawn])
        let builder = QuarterlyReportBuilder(period: ReportPeriod(label: "2026-T4", start: WorkerTestSupport.date("2026-10-01T00:00"),
                                                                  end: WorkerTestSupport.date("2027-01-01T00:00")),
                                             calendar: WorkerTestSupport.brussels)
        let report = builder.build(journal: journal, derogations: [], newsletter: nil, damagedLines: 0)
        #expect(report == builder.build(journal: [], derogations: [], newsletter: nil, damagedLines: 0))
    }
}
