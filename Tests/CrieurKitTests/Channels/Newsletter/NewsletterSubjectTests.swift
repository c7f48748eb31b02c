import Foundation
import Testing
@testable import CrieurKit

/// A regular issue's subject names what is in it, so people open it.
@Suite struct NewsletterSubjectTests {
    let subject = NewsletterSubject(nameWithDe: "du CPAS de Soumagne", properNames: ["Micheroux"])

    @Test func theSubjectNamesTheLeadItemsAndCountsTheOthers() {
        #expect(subject.text(titles: ["Colis de Noël", "Permanence juridique", "Repair café", "Atelier cuisine", "Vestiaire"])
                == "Colis de Noël, permanence juridique et 3 autres nouvelles du CPAS de Soumagne")
        #expect(subject.text(titles: ["Colis de Noël", "Permanence juridique", "Repair café"])
                == "Colis de Noël, permanence juridique et une autre nouvelle du CPAS de Soumagne")
        #expect(subject.text(titles: ["Colis de Noël", "Permanence juridique"])
                == "Colis de Noël et permanence juridique : les nouvelles du CPAS de Soumagne")
        #expect(subject.text(titles: ["Colis de Noël."]) == "Colis de Noël : une nouvelle du CPAS de Soumagne")
    }

    @Test func onlyACommonWordLosesItsCapital() {
        let fires = [("Permanence juridique", "permanence juridique"), ("Atelier cuisine", "atelier cuisine"),
                     ("L'épicerie sociale ouvre", "l'épicerie sociale ouvre"), ("À vos agendas", "à vos agendas")]
        for (title, expected) in fires {
            #expect(subject.lowerCasedIfSafe(title) == expected, "\(title)")
        }
        let stays = ["CPAS : nouveaux horaires", "Noël solidaire", "Micheroux en fête", "Soumagne bouge", "MyTax : aide",
                     "PIIS expliqué", "iPhone", "A4 gratuit", "Pâques au parc", "Saint-Nicolas au CPAS", "Liège-Guillemins"]
        for title in stays {
            #expect(subject.lowerCasedIfSafe(title) == title, "\(title)")
        }
        #expect(subject.text(titles: ["Colis", "Noël solidaire", "Vestiaire"]) == "Colis, Noël solidaire et une autre nouvelle du CPAS de Soumagne")
    }

    @Test func aLongSubjectIsShortenedWithinSeventyEightCharactersAtAWord() {
        let long = subject.text(titles: ["Distribution des colis alimentaires de fin d'année", "Permanence juridique gratuite", "Vestiaire"])
        #expect(long == "Distribution des colis alimentaires… et 2 autres nouvelles du CPAS de Soumagne")
        #expect(long.count == NewsletterSubject.maxLength)
        #expect(subject.text(titles: ["Colis alimentaires de fin d'année", "Permanence juridique gratuite", "Vestiaire"])
                == "Colis alimentaires de fin d'année et 2 autres nouvelles du CPAS de Soumagne",
                "the second title goes first")
        let huge = subject.text(titles: [String(repeating: "Très longue annonce ", count: 10), "Vestiaire"])
        #expect(huge.count <= NewsletterSubject.maxLength, "\(huge)")
        #expect(huge.contains("…") && huge.hasSuffix(" et une autre nouvelle du CPAS de Soumagne"), "\(huge)")
        let word = subject.text(titles: [String(repeating: "x", count: 200)])
        #expect(word.count <= NewsletterSubject.maxLength, "\(word)")
        for titles in [["Colis"], ["Colis", "Vestiaire"], ["Colis", "Vestiaire", "Repair café", "Atelier"]] {
            #expect(subject.text(titles: titles).count <= NewsletterSubject.maxLength)
        }
    }

    @Test func aRegularIssueGoesOutUnderItsSubjectEncodedAndItsTitleStaysInside() throws {
        var config = NewsletterRendererTests().config()
        config.organisation.name = "CPAS de Soumagne"
        let items = ["Colis de Noël", "Permanence juridique", "Repair café", "Atelier cuisine", "Vestiaire"].map {
            FacebookTestItems.item(title: $0)
        }
        let calendar = CivilCalendar(timeZone: config.timeZone)
        let record = NewsletterIssueRecord(id: "2026-12-07", kind: .regular, scheduledFor: calendar.instant(CivilDate(year: 2026, month: 12, day: 7), hour: 9, minute: 0),
                                           itemIDs: [])
        var issue = NewsletterIssue(record: record, carrying: [], title: "Les nouvelles du CPAS", subject: NewsletterSubject(config: config), calendar: calendar)
        #expect(issue.subject == issue.title, "an issue carrying nothing keeps its title")
        issue = NewsletterIssue(id: issue.id, title: issue.title, subject: NewsletterSubject(config: config).text(titles: items.map(\.title)),
                                date: issue.date, items: items)
        let renderer = try NewsletterRenderer(config: config, templates: .defaults(), clock: FixedClock(Date(timeIntervalSince1970: 1_772_438_400)))
        let mail = try renderer.render(issue: issue, recipient: NewsletterRendererTests.recipient)
        let raw = String(decoding: mail.data, as: UTF8.self)
        let lines = raw.components(separatedBy: "\r\n").drop { !$0.hasPrefix("Subject:") }
        let header = [lines.first ?? ""] + lines.dropFirst().prefix { $0.hasPrefix(" ") }
        #expect(header.first?.hasPrefix("Subject: =?UTF-8?") == true, "non-ASCII subjects are RFC 2047 words: \(header)")
        #expect(header.allSatisfy { $0.utf8.count <= 78 && $0.utf8.allSatisfy { $0 < 0x80 } }, "\(header)")
        let parsed = try ParsedMail.parse(mail.data)
        #expect(parsed.value("Subject") == "Colis de Noël, permanence juridique et 3 autres nouvelles du CPAS de Soumagne")
        #expect(parsed.parts[1].text.contains("<h1>Les nouvelles du CPAS — lundi 7 décembre 2026</h1>"))
        // The title says the date: it is not printed a second time under it, in either part.
        #expect(!parsed.parts[1].text.contains("<p>lundi 7 décembre 2026</p>"))
        #expect(parsed.parts[0].text.components(separatedBy: "lundi 7 décembre 2026").count == 2, "\(parsed.parts[0].text)")

        // An urgent issue's title does not: the date stays under it.
        let urgent = NewsletterIssue(id: "urgent-1", title: "Urgent : Colis de Noël", subject: nil, date: issue.date, items: [items[0]])
        let urgentMail = try ParsedMail.parse(try renderer.render(issue: urgent, recipient: NewsletterRendererTests.recipient).data)
        #expect(urgentMail.parts[1].text.contains("<p>lundi 7 décembre 2026</p>"))
        #expect(urgentMail.parts[0].text.contains("Urgent : Colis de Noël\nlundi 7 décembre 2026\n"), "\(urgentMail.parts[0].text)")
    }

    @Test func aSlotPlannedLateIsDatedTheDayItGoesOutNotItsSlot() throws {
        let config = NewsletterRendererTests().config()
        let calendar = CivilCalendar(timeZone: config.timeZone)
        var record = NewsletterIssueRecord(id: "2026-11-02", kind: .regular,
                                           scheduledFor: calendar.instant(CivilDate(year: 2026, month: 11, day: 2), hour: 9, minute: 0), itemIDs: [])
        func issue() -> NewsletterIssue {
            NewsletterIssue(record: record, carrying: [], title: "Les nouvelles du CPAS", subject: NewsletterSubject(config: config), calendar: calendar)
        }
        record.plannedAt = calendar.instant(CivilDate(year: 2026, month: 11, day: 2), hour: 9, minute: 3)
        #expect(issue().title == "Les nouvelles du CPAS — lundi 2 novembre 2026", "planned on time: its slot's day")
        // The service was stopped for a month (or the workspace is new and catches up the last slot).
        record.plannedAt = calendar.instant(CivilDate(year: 2026, month: 12, day: 1), hour: 10, minute: 0)
        #expect(issue().title == "Les nouvelles du CPAS — mardi 1er décembre 2026")
        #expect(issue().date == CivilDate(year: 2026, month: 12, day: 1))
        #expect(issue().id == "2026-11-02", "the slot stays its id: it is not sent twice")
    }
}
