import Foundation
import Testing
@testable import CrieurKit

/// Delivery records kept per issue: an old single file is split without losing
/// a record, a finished issue is closed and no longer read, and every reader
/// (PST report, right of access) finds the records where they now live.
@Suite struct DeliveryLogLayoutTests {
    static let time = Date(timeIntervalSince1970: 1_772_438_400)

    static func record(_ issue: String, _ subscriber: String, attempt: Int = 1, _ outcome: DeliveryOutcome = .sent) -> DeliveryRecord {
        DeliveryRecord(issue: issue, subscriber: subscriber, attempt: attempt,
                       reply: DeliveryReply(outcome: outcome, code: outcome == .sent ? 250 : 450, text: "ok"), time: time)
    }

    static func legacyText(_ records: [DeliveryRecord]) -> String {
        records.map { String(decoding: $0.jsonLine, as: UTF8.self) + "\n" }.joined()
    }

    @Test func anOldSingleLogIsSplitPerIssueWithEveryRecord() throws {
        let workspace = try TestWorkspace()
        let old = [Self.record("2026-11-02", "s-1"), Self.record("urgent-colis", "s-1", .temporaryFailure),
                   Self.record("2026-11-02", "s-2"), Self.record("urgent-colis", "s-1", attempt: 2)]
        try workspace.write(Self.legacyText(old) + #"{"attempt":1,"co"#, to: DeliveryLog.legacyPath)
        let log = DeliveryLog(workspace: workspace.workspace)
        #expect(try log.records(issue: "urgent-colis") == [old[1], old[3]], "readable before the migration")

        #expect(try log.migrate() == 4)
        #expect(try FileSystem.info(workspace.path(DeliveryLog.legacyPath)) == nil)
        #expect(workspace.names(DeliveryLog.folderPath) == ["2026-11-02.jsonl", "urgent-colis.jsonl"])
        #expect(try log.records(issue: "2026-11-02") == [old[0], old[2]])
        #expect(try log.records(issue: "urgent-colis") == [old[1], old[3]])
        let mode = try FileManager.default.attributesOfItem(atPath: log.path(issue: "urgent-colis"))[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let folderMode = try FileManager.default.attributesOfItem(atPath: log.folder)[.posixPermissions] as? Int
        #expect(folderMode == 0o700)
        #expect(try log.migrate() == 0, "once")
    }

    @Test func aMigrationCutShortAfterTheRenameLosesAndDuplicatesNothing() throws {
        let workspace = try TestWorkspace()
        let old = [Self.record("a", "s-1"), Self.record("b", "s-1"), Self.record("a", "s-2")]
        try workspace.write(Self.legacyText(old), to: DeliveryLog.legacyPath)
        let log = DeliveryLog(workspace: workspace.workspace)
        try log.migrate()
        // The state after the rename, before the old file was removed, and an
        // older crieur that appended one more record to the old file meanwhile.
        let late = Self.record("b", "s-3")
        try workspace.write(Self.legacyText(old + [late]), to: DeliveryLog.legacyPath)

        #expect(try log.migrate() == 4)
        #expect(try log.records(issue: "a") == [old[0], old[2]])
        #expect(try log.records(issue: "b") == [old[1], late])
        #expect(try FileSystem.info(workspace.path(DeliveryLog.legacyPath)) == nil)
    }

    @Test func aDamagedOldLogIsNotMigratedAndStaysWhereItIs() throws {
        let workspace = try TestWorkspace()
        try workspace.write("pas du json\n" + Self.legacyText([Self.record("a", "s-1")]), to: DeliveryLog.legacyPath)
        #expect(throws: DeliveryLogError.unreadableLine(file: DeliveryLog.legacyPath, line: 1)) {
            try DeliveryLog(workspace: workspace.workspace).migrate()
        }
        #expect(try FileSystem.info(workspace.path(DeliveryLog.legacyPath)) != nil)
        #expect(try FileSystem.info(workspace.path(DeliveryLog.folderPath)) == nil)
    }

    @Test func issueIdsBecomeSafeFileNames() {
        #expect(DeliveryLog.fileName(issue: "2026-12-07") == "2026-12-07.jsonl")
        #expect(DeliveryLog.fileName(issue: "urgent-fête_v2.1") == "urgent-f%C3%AAte_v2.1.jsonl")
        #expect(DeliveryLog.fileName(issue: "../x") == "%2E.%2Fx.jsonl")
        #expect(DeliveryLog.fileName(issue: "a/b") == "a%2Fb.jsonl")
    }

    @Test func aFinishedIssueIsClosedAndItsRecordsAreNotReadAgain() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        let item = try fixture.archiveItem("Distribution de colis", urgent: true)
        let sender = try fixture.sender(OutboxTransport(directory: fixture.test.path("out/newsletter/outbox"), clock: fixture.clock))
        #expect(try sender.run().sent == 2)
        let log = DeliveryLog(workspace: fixture.workspace)
        let issue = "urgent-\(item.id)"
        #expect(try log.closedIssues().keys.contains(issue))

        // Were the closed issue's file read, this damaged line would stop the pass.
        try fixture.test.write("pas du json\n" + fixture.test.read("data/deliveries/\(issue).jsonl"), to: "data/deliveries/\(issue).jsonl")
        fixture.clock.advance(86_400 * 2)
        let later = try sender.run()
        #expect(later.sent == 0)
        #expect(fixture.test.names(MailTransports.outboxFolder).count == 2)
    }

    @Test func aClosedIssueSentWithinTheDayStillCountsAgainstTheDailyLimit() throws {
        let fixture = try SenderFixture(extraConfig: "smtp: { perDay: 2 },")
        try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let outbox = fixture.test.path("out/newsletter/outbox")
        #expect(try fixture.sender(OutboxTransport(directory: outbox, clock: fixture.clock)).run().sent == 2)
        #expect(try DeliveryLog(workspace: fixture.workspace).closedIssues().count == 1)

        // A restarted sender, a new urgent item the same day: the day's two sends are spent.
        fixture.clock.advance(3_600)
        try fixture.archiveItem("Fermeture exceptionnelle", urgent: true)
        let later = try fixture.sender(OutboxTransport(directory: outbox, clock: fixture.clock)).run()
        #expect(later.sent == 0)
        #expect(later.rateLimitedUntil == SenderFixture.sendTime + 86_400)
    }

    @Test func anIssueWithARetryPendingStaysOpen() throws {
        let fixture = try SenderFixture()
        try fixture.subscribe(["un@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sender = try fixture.sender(RefusingTransport())
        #expect(try sender.run().temporaryFailures == 1)
        #expect(try DeliveryLog(workspace: fixture.workspace).closedIssues().isEmpty)
    }

    @Test func theReportAndTheRightOfAccessReadTheIssueFiles() throws {
        let fixture = try SenderFixture()
        let ids = try fixture.subscribe(["un@exemple.be", "deux@exemple.be"])
        try fixture.archiveItem("Distribution de colis", urgent: true)
        let sender = try fixture.sender(OutboxTransport(directory: fixture.test.path("out/newsletter/outbox"), clock: fixture.clock))
        #expect(try sender.run().sent == 2)
        #expect(try FileSystem.info(fixture.test.path(DeliveryLog.legacyPath)) == nil)

        let period = ReportPeriod(Quarter(year: 2026, number: 4), calendar: SenderFixture.calendar)
        let report = try QuarterlyReportBuilder(period: period, calendar: SenderFixture.calendar).load(fixture.workspace, clock: fixture.clock)
        #expect(report.newsletter?.messagesDelivered == 2, "\(String(describing: report.newsletter))")
        let export = try ConsentLedger(workspace: fixture.workspace, clock: fixture.clock)
            .export(address: try EmailAddress(validating: "un@exemple.be"), settings: try fixture.config().newsletter)
        let document = try JSONSerialization.jsonObject(with: export) as! [String: Any]
        #expect((document["deliveries"] as? [[String: Any]])?.map { $0["subscriber"] as? String } == [ids[0]])
    }
}
