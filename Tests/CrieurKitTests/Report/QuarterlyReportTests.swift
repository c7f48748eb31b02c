import Foundation
import Testing
@testable import CrieurKit

@Suite("Quarterly PST report")
struct QuarterlyReportTests {
    private let calendar = WorkerTestSupport.brussels
    private let at = WorkerTestSupport.date
    private var q4: ReportPeriod {
        ReportPeriod(label: "2026-T4", start: at("2026-10-01T00:00"), end: at("2027-01-01T00:00"))
    }

    @Test func figuresCountOnlyThePeriodsOutcomes() {
        let journal: [PublicationJournal.Entry] = [
            .init(time: at("2026-09-30T23:59"), item: "septembre.txt", event: .published, channels: [.facebook], archive: "s"),
            .init(time: at("2026-10-01T00:00"), item: "a.txt", event: .published, channels: [.facebook, .ecran], archive: "a"),
            .init(time: at("2026-11-02T10:00"), item: "b.txt", event: .published, channels: [.bulletin], archive: "b"),
            .init(time: at("2026-11-03T10:00"), item: "c.txt", event: .rejected,
                  reasons: ["readability:unexplained-acronym", "readability:long-sentence"]),
            .init(time: at("2026-11-04T10:00"), item: "d.txt", event: .rejected, reasons: ["readability:unexplained-acronym"]),
            .init(time: at("2026-12-31T23:59"), item: "e.txt", event: .expired),
            .init(time: at("2027-01-01T00:00"), item: "janvier.txt", event: .rejected, reasons: ["format"]),
        ]
        let derogations = [
            QuarterlyReportBuilder.Derogation(time: "2026-11-02 10:00:00", item: "b.txt"),
            QuarterlyReportBuilder.Derogation(time: "2027-02-02 10:00:00", item: "later.txt"),
        ]
        let report = QuarterlyReportBuilder(period: q4, calendar: calendar)
            .build(journal: journal, derogations: derogations, newsletter: nil, damagedLines: 0)

        #expect(report.from == "2026-10-01" && report.to == "2026-12-31")
        #expect(report.itemsPublished == 2)
        #expect(report.publishedPerChannel == ["facebook": 1, "ecran": 1, "bulletin": 1, "newsletter": 0, "flyer": 0])
        #expect(report.refusals == 2)
        #expect(report.refusalReasons.map(\.code) == ["readability:unexplained-acronym", "readability:long-sentence"])
        #expect(report.refusalReasons.map(\.count) == [2, 1])
        #expect(report.itemsExpiredUnpublished == 1)
        #expect(report.derogations == 1)
    }

    @Test func textReportIsFrenchAndNamesEveryFigure() {
        let report = QuarterlyReport(
            period: "2026-T4", from: "2026-10-01", to: "2026-12-31",
            publishedPerChannel: ["facebook": 3], itemsPublished: 3, itemsExpiredUnpublished: 0, refusals: 1,
            refusalReasons: [.init(code: "readability:unexplained-acronym", label: "texte difficile : sigles non expliqués", count: 1)],
            derogations: 0, newsletter: nil, damagedLedgerLines: 2)
        let text = QuarterlyReportFormatter.text(report, organisation: "CPAS de Namur")
        #expect(text.hasPrefix("Rapport de communication 2026-T4 — CPAS de Namur\nPériode : du 1er octobre 2026 au 31 décembre 2026\n"))
        #expect(text.contains("  - Facebook : 3\n"))
        #expect(text.contains("  - texte difficile : sigles non expliqués : 1\n"))
        #expect(text.contains("2 ligne(s) illisible(s)"))
    }

    @Test func reportFromARealWorkerRunMatchesTheJournal() throws {
        let workspace = try TestWorkspace()
        for name in ["bourse-jouets.txt", "table-conversation.txt", "allocation-loyer-administratif.txt"] {
            try workspace.write(try TestCorpus.project.data("items", name), to: "queue/incoming/\(name)")
        }
        try WorkerTestSupport.runOnce(workspace, at: "2026-11-20T10:00")
        let report = try QuarterlyReportBuilder(period: q4, calendar: calendar).load(workspace.workspace, newsletter: nil)
        let published = workspace.items(.done).count
        #expect(published >= 1 && !workspace.items(.rejected).isEmpty)
        #expect(report.itemsPublished == published)
        #expect(report.refusals == workspace.items(.rejected).count)
        #expect(report.publishedPerChannel["facebook"] == WorkerTestSupport.facebookPosts(workspace).count)
    }
}

@Suite("crieur report")
struct ReportCommandTests {
    @Test func reportCommandPrintsTheQuartersFiguresAsJSONAndRefusesABadQuarter() throws {
        let workspace = try TestWorkspace()
        try workspace.write(try TestCorpus.project.data("items", "bourse-jouets.txt"), to: "queue/incoming/bourse-jouets.txt")
        try workspace.write(try TestCorpus.project.data("invalid", "sans-titre.txt"), to: "queue/incoming/sans-titre.txt")
        let work = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-11-20T10:00", "work", "--once"])
        #expect(work.status == 0)

        let json = try CrieurBinary.run(["--root", workspace.root, "report", "--quarter", "2026-T4", "--format", "json"])
        #expect(json.status == 0)
        let report = try JSONDecoder().decode(QuarterlyReport.self, from: Data(json.stdout.utf8))
        #expect(report.itemsPublished == 1 && report.refusals == 1)
        #expect(report.refusalReasons.map(\.code) == ["format"])

        let empty = try CrieurBinary.run(["--root", workspace.root, "report", "--quarter", "2027-T1"])
        #expect(empty.status == 0 && empty.stdout.contains("- Annonces publiées : 0\n"))

        let bad = try CrieurBinary.run(["--root", workspace.root, "report", "--quarter", "2026-Q4"])
        #expect(bad.status == 64 && bad.stderr.contains("n'est pas un trimestre"))
    }
}

@Suite("PST report: newsletter subscribers")
struct QuarterlyReportConsentTests {
    @Test func subscriberFiguresFollowTheConsentLedgerThroughWithdrawalAndErasure() throws {
        let workspace = try TestWorkspace()
        func crieur(_ now: String, _ args: String...) throws {
            let result = try CrieurBinary.run(["--root", workspace.root, "--now", now] + args)
            #expect(result.status == 0, "\(args): \(result.stderr)")
        }
        try crieur("2026-09-10T10:00", "subscribers", "add", "ana@example.be", "--source", "formulaire papier n°1")
        try crieur("2026-09-11T10:00", "subscribers", "add", "bob@example.be", "--source", "formulaire papier n°2")
        try crieur("2026-11-05T10:00", "subscribers", "add", "chloe@example.be", "--source", "formulaire papier n°3")
        try crieur("2026-12-01T10:00", "consent", "withdraw", "ana@example.be")
        try crieur("2026-12-02T10:00", "consent", "erase", "bob@example.be")

        let result = try CrieurBinary.run(["--root", workspace.root, "report", "--quarter", "2026-T4", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let figures = try #require(try JSONDecoder().decode(QuarterlyReport.self, from: Data(result.stdout.utf8)).newsletter)
        #expect(figures.subscribersAtStart == 2)
        #expect(figures.subscribersAtEnd == 1)
        #expect(figures.newConsents == 1)
        #expect(figures.withdrawals == 1)
        #expect(figures.erasures == 1)

        let september = try CrieurBinary.run(["--root", workspace.root, "report", "--quarter", "2026-T3"])
        #expect(september.stdout.contains("- Abonnés au début de la période : 0\n- Abonnés à la fin de la période : 2\n"))
    }
}

@Suite("PST report: newsletter messages")
struct QuarterlyReportDeliveryTests {
    @Test func deliveredFailedAndStillRetriedMessagesAreCountedFromTheDeliveryLedger() {
        let at = WorkerTestSupport.date
        let q4 = ReportPeriod(label: "2026-T4", start: at("2026-10-01T00:00"), end: at("2027-01-01T00:00"))
        func record(_ issue: String, _ subscriber: String, _ attempt: Int, _ outcome: DeliveryOutcome, _ time: String) -> DeliveryRecord {
            DeliveryRecord(issue: issue, subscriber: subscriber, attempt: attempt,
                           reply: DeliveryReply(outcome: outcome, code: outcome == .sent ? 250 : 450, text: "ok"), time: at(time))
        }
        let deliveries = [
            record("2026-09-07", "s-1", 1, .sent, "2026-09-07T09:00"),
            record("2026-12-07", "s-1", 1, .sent, "2026-12-07T09:00"),
            record("2026-12-07", "s-2", 1, .temporaryFailure, "2026-12-07T09:00"),
            record("2026-12-07", "s-2", 2, .sent, "2026-12-07T09:15"),
            record("2026-12-07", "s-3", 1, .permanentFailure, "2026-12-07T09:00"),
            record("urgent-froid", "s-1", 1, .temporaryFailure, "2026-12-31T23:00"),
            record("urgent-froid", "s-1", 2, .sent, "2027-01-01T00:30"),
            record("confirmation", "s-4", 1, .sent, "2026-11-02T10:00"),
        ]
        let figures = QuarterlyReportBuilder(period: q4, calendar: WorkerTestSupport.brussels)
            .newsletterFigures(consent: [], deliveries: deliveries)
        #expect(figures.messagesDelivered == 3)
        #expect(figures.messagesFailed == 1)
        #expect(figures.messagesDeferred == 1)
        #expect(figures.issuesSent == 1)
    }
}
