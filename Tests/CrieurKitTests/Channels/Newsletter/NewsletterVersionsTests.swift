import Foundation
import Testing
@testable import CrieurKit

/// Planning and rendering issues when items are corrected, withdrawn or come
/// back (`Répéter:`) after an issue was planned or sent. Times are explicit:
/// `sent` says when each issue's first message went out.
@Suite("Newsletter: corrections, withdrawals and occurrences")
struct NewsletterVersionsTests {
    private let calendar = WorkerTestSupport.brussels
    private let at = WorkerTestSupport.date
    private var planner: NewsletterIssuePlanner { NewsletterIssuePlanner(schedule: NewsletterSchedule(), calendar: calendar) }

    /// One archive record of item `identity`; `recorded` is `AAAA-MM-JJTHH:MM` in Brussels.
    private func version(_ identity: String, _ number: Int, occurrence: Int = 1, recorded: String, urgent: Bool = false,
                         text: String? = nil, withdrawn reason: String?? = nil) -> PublishedItem {
        let body = Body(blocks: [.paragraph([[.text(text ?? "Texte de la version \(number).")]])])
        var record = PublishedItem(
            Item(title: "Titre \(identity)", channels: [.newsletter], urgent: urgent, body: body, bodyText: "", bodyFirstLine: 3),
            itemName: "\(identity).txt", publishedOn: CivilDate(year: 2026, month: 11, day: 20))
        record.id = "\(identity)-o\(occurrence)-v\(number)"
        record.version = number
        record.occurrence = occurrence
        record.recorded = calendar.timestamp(at(recorded))
        if let reason { record.withdrawal = .init(reason: reason, time: record.recorded!) }
        return record
    }

    private func regular(_ day: String, _ ids: [String]) -> NewsletterIssueRecord {
        NewsletterIssueRecord(id: day, kind: .regular, scheduledFor: at("\(day)T09:00"), itemIDs: ids)
    }

    private func carried(_ issue: NewsletterIssueRecord, _ records: [PublishedItem], frozenAt: Date? = nil) -> [String] {
        NewsletterItemVersions(records: records, calendar: calendar).carried(by: issue, frozenAt: frozenAt)
            .map { $0.item.id + ($0.isCorrection ? " (rectificatif)" : "") }
    }

    @Test func issueNotYetSentCarriesOnlyTheNewVersion() {
        let v1 = version("colis", 1, recorded: "2026-12-01T10:00")
        let v2 = version("colis", 2, recorded: "2026-12-07T09:02")
        let issue = regular("2026-12-07", [v1.id])
        #expect(carried(issue, [v1, v2]) == [v2.id])
        #expect(planner.due(now: at("2026-12-07T09:05"), records: [v1, v2], issues: [issue]).isEmpty,
                "the planned issue carries the correction: nothing waits")
        #expect(planner.preview(now: at("2026-12-07T09:05"), records: [v1, v2], issues: [issue]).isEmpty)
    }

    @Test func withdrawnItemIsDroppedFromAnIssueNotYetSent() {
        let v1 = version("colis", 1, recorded: "2026-12-01T10:00")
        let cancelled = version("colis", 2, recorded: "2026-12-07T09:02", withdrawn: "malade")
        let other = version("jardin", 1, recorded: "2026-12-01T10:00")
        #expect(carried(regular("2026-12-07", [v1.id, other.id]), [v1, cancelled, other]) == [other.id])
        #expect(carried(regular("2026-12-07", [v1.id]), [v1, cancelled, other]).isEmpty)
    }

    @Test func itemPutBackAfterAWithdrawalDoesNotReviveAnIssueLeftEmpty() {
        let v1 = version("colis", 1, recorded: "2026-12-01T10:00")
        let withdrawn = version("colis", 2, recorded: "2026-12-07T09:02", withdrawn: .some(nil))
        let back = version("colis", 3, recorded: "2026-12-20T10:00")
        let records = [v1, withdrawn, back]
        let december = regular("2026-12-07", [v1.id])
        #expect(carried(december, records).isEmpty, "the December issue stays unsent")
        let january = planner.due(now: at("2027-01-04T09:00"), records: records, issues: [december])
        #expect(january == [regular("2027-01-04", [back.id])], "nobody got it before: not a « Rectificatif »")
    }

    @Test func issueAlreadySentKeepsTheVersionItsReadersGot() {
        let v1 = version("colis", 1, recorded: "2026-12-01T10:00")
        let v2 = version("colis", 2, recorded: "2026-12-07T11:00")
        #expect(carried(regular("2026-12-07", [v1.id]), [v1, v2], frozenAt: at("2026-12-07T09:01")) == [v1.id])
    }

    @Test func correctionOfASentItemGoesIntoTheNextIssueAsARectificatif() {
        let v1 = version("colis", 1, recorded: "2026-12-01T10:00")
        let v2 = version("colis", 2, recorded: "2026-12-10T15:00")
        let records = [v1, v2]
        let december = regular("2026-12-07", [v1.id])
        let sent = ["2026-12-07": at("2026-12-07T09:01")]
        #expect(planner.due(now: at("2026-12-10T15:00"), records: records, issues: [december], sent: sent).isEmpty,
                "not urgent: it waits for the next slot")
        let january = planner.due(now: at("2027-01-04T09:00"), records: records, issues: [december], sent: sent)
        #expect(january == [NewsletterIssueRecord(id: "2027-01-04", kind: .regular, scheduledFor: at("2027-01-04T09:00"),
                                                  itemIDs: [v2.id], corrections: [v2.id])])
        #expect(carried(january[0], records) == ["\(v2.id) (rectificatif)"])
    }

    @Test func correctionOfAnUrgentItemAlreadySentGoesOutAtOnce() {
        let v1 = version("froid", 1, recorded: "2026-12-09T08:00", urgent: true)
        let v2 = version("froid", 2, recorded: "2026-12-09T10:00", urgent: true)
        let first = NewsletterIssueRecord(id: "urgent-\(v1.id)", kind: .urgent, scheduledFor: at("2026-12-09T08:00"), itemIDs: [v1.id])
        let due = planner.due(now: at("2026-12-09T10:00"), records: [v1, v2], issues: [regular("2026-12-07", []), first],
                              sent: [first.id: at("2026-12-09T08:00")])
        #expect(due == [NewsletterIssueRecord(id: "urgent-\(v2.id)", kind: .urgent, scheduledFor: at("2026-12-09T10:00"),
                                              itemIDs: [v2.id], corrections: [v2.id])])
        // Corrected before its first message went out: the urgent issue simply carries the new text.
        #expect(planner.due(now: at("2026-12-09T10:00"), records: [v1, v2], issues: [regular("2026-12-07", []), first]).isEmpty)
    }

    @Test func urgentItemWithdrawnAfterItWentOutGetsACancellationNotice() {
        let v1 = version("froid", 1, recorded: "2026-12-09T08:00", urgent: true)
        let withdrawn = version("froid", 2, recorded: "2026-12-09T10:00", urgent: true, withdrawn: "le chauffage est réparé")
        let first = NewsletterIssueRecord(id: "urgent-\(v1.id)", kind: .urgent, scheduledFor: at("2026-12-09T08:00"), itemIDs: [v1.id])
        let issues = [regular("2026-12-07", []), first]
        let notice = NewsletterIssueRecord(id: "annulation-\(withdrawn.id)", kind: .cancellation,
                                           scheduledFor: at("2026-12-09T10:00"), itemIDs: [withdrawn.id])
        #expect(planner.due(now: at("2026-12-09T10:00"), records: [v1, withdrawn], issues: issues,
                            sent: [first.id: at("2026-12-09T08:00")]) == [notice])
        #expect(planner.due(now: at("2026-12-09T10:01"), records: [v1, withdrawn], issues: issues + [notice],
                            sent: [first.id: at("2026-12-09T08:00")]).isEmpty, "one notice")
        #expect(carried(notice, [v1, withdrawn]) == [withdrawn.id])
        // Withdrawn before anyone got it: nobody needs telling.
        #expect(planner.due(now: at("2026-12-09T10:00"), records: [v1, withdrawn], issues: issues).isEmpty)
    }

    @Test func withdrawnItemThatOnlyWentOutInARegularIssueNeedsNoNotice() {
        let v1 = version("colis", 1, recorded: "2026-12-01T10:00")
        let withdrawn = version("colis", 2, recorded: "2026-12-10T10:00", withdrawn: .some(nil))
        let december = regular("2026-12-07", [v1.id])
        let sent = ["2026-12-07": at("2026-12-07T09:01")]
        #expect(planner.due(now: at("2026-12-10T10:00"), records: [v1, withdrawn], issues: [december], sent: sent).isEmpty)
        let january = planner.due(now: at("2027-01-04T09:00"), records: [v1, withdrawn], issues: [december], sent: sent)
        #expect(january.map(\.itemIDs) == [[]], "and it never comes back")
    }

    @Test func eachOccurrenceOfARecurringItemGoesOutOnceAndNotAsARectificatif() {
        let first = version("permanence", 1, recorded: "2026-12-01T10:00")
        let second = version("permanence", 1, occurrence: 2, recorded: "2026-12-15T00:00")
        let records = [first, second]
        let december = regular("2026-12-07", [first.id])
        var sent = ["2026-12-07": at("2026-12-07T09:01")]
        let january = planner.due(now: at("2027-01-04T09:00"), records: records, issues: [december], sent: sent)
        #expect(january == [regular("2027-01-04", [second.id])])
        sent["2027-01-04"] = at("2027-01-04T09:01")
        let february = planner.due(now: at("2027-02-01T09:00"), records: records, issues: [december] + january, sent: sent)
        #expect(february.map(\.itemIDs) == [[]])
    }

    // MARK: Rendering

    private func rendered(_ record: NewsletterIssueRecord, _ records: [PublishedItem]) throws -> (subject: String, text: String) {
        let issue = NewsletterIssue(record: record, carrying: NewsletterItemVersions(records: records, calendar: calendar)
            .carried(by: record, frozenAt: nil), title: "Les nouvelles du CPAS",
                                    subject: NewsletterSubject(nameWithDe: "du CPAS de Sambreville"), calendar: calendar)
        let renderer = try NewsletterRenderer(config: NewsletterRendererTests().config(), templates: .defaults(),
                                              clock: FixedClock(at("2027-01-04T09:00")))
        let mail = try renderer.render(issue: issue, recipient: NewsletterRendererTests.recipient)
        let parsed = try ParsedMail.parse(mail.data)
        return (parsed.value("Subject") ?? "", parsed.parts[0].text)
    }

    @Test func regularIssueNamesTheCorrectionInItsSubjectAndTitlesItRectificatif() throws {
        let v1 = version("colis", 1, recorded: "2026-12-01T10:00", text: "Le jeudi à 10 h.")
        let v2 = version("colis", 2, recorded: "2026-12-10T15:00", text: "Le vendredi à 14 h.")
        let record = NewsletterIssueRecord(id: "2027-01-04", kind: .regular, scheduledFor: at("2027-01-04T09:00"),
                                           itemIDs: [v2.id], corrections: [v2.id])
        let mail = try rendered(record, [v1, v2])
        #expect(mail.subject == "Rectificatif : Titre colis — une nouvelle du CPAS de Sambreville")
        #expect(mail.text.contains("Les nouvelles du CPAS — lundi 4 janvier 2027"), "the title stays inside")
        #expect(mail.text.contains("Rectificatif : Titre colis"))
        #expect(mail.text.contains("Le vendredi à 14 h."))
        #expect(!mail.text.contains("Le jeudi à 10 h."))
    }

    @Test func urgentCorrectionIsItsOwnRectificatifMessage() throws {
        let v1 = version("froid", 1, recorded: "2026-12-09T08:00", urgent: true)
        let v2 = version("froid", 2, recorded: "2026-12-09T10:00", urgent: true)
        let record = NewsletterIssueRecord(id: "urgent-\(v2.id)", kind: .urgent, scheduledFor: at("2026-12-09T10:00"),
                                           itemIDs: [v2.id], corrections: [v2.id])
        #expect(try rendered(record, [v1, v2]).subject == "Rectificatif : Titre froid")
        let plain = NewsletterIssueRecord(id: "urgent-\(v1.id)", kind: .urgent, scheduledFor: at("2026-12-09T08:00"), itemIDs: [v1.id])
        #expect(try rendered(plain, [v1]).subject == "Urgent : Titre froid")
    }

    @Test func cancellationNoticeSaysSoInPlainFrenchWithTheReason() throws {
        let v1 = version("froid", 1, recorded: "2026-12-09T08:00", urgent: true, text: "Le centre ouvre la nuit.")
        let withdrawn = version("froid", 2, recorded: "2026-12-09T10:00", urgent: true, text: "Le centre ouvre la nuit.",
                                withdrawn: "le chauffage est réparé")
        let record = NewsletterIssueRecord(id: "annulation-\(withdrawn.id)", kind: .cancellation,
                                           scheduledFor: at("2026-12-09T10:00"), itemIDs: [withdrawn.id])
        let mail = try rendered(record, [v1, withdrawn])
        #expect(mail.subject == "Annulé : Titre froid")
        #expect(mail.text.contains("Cette annonce est annulée. Ne tenez plus compte de notre message."))
        #expect(mail.text.contains("Raison : le chauffage est réparé"))
        #expect(!mail.text.contains("Le centre ouvre la nuit."))

        var silent = withdrawn
        silent.withdrawal?.reason = nil
        #expect(!(try rendered(record, [v1, silent]).text.contains("Raison")))
    }
}
