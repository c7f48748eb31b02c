import Foundation
import Testing
@testable import CrieurKit

private typealias S = ItemTestSupport

@Suite("Display window")
struct DisplayWindowTests {
    private let calendar = WorkerTestSupport.brussels

    private func record(_ header: String, publishedOn day: CivilDate = CivilDate(year: 2026, month: 12, day: 1)) throws -> PublishedItem {
        let item = try #require(S.item("Titre: Colis\nCanaux: ecran, newsletter\n\(header)---\nLe jeudi.\n"))
        return PublishedItem(item, itemName: "colis.txt", publishedOn: day)
    }

    @Test(arguments: [
        // (header lines, default days, last day shown or nil when open)
        ("Fin: 2026-12-20\nQuand: 12/12/2026\n", 30, "2026-12-20"),
        ("Quand: 12/12/2026 de 9 h à 12 h\n", 30, "2026-12-12"),
        ("Quand: du 24/12/2026 au 31/12/2026\n", 30, "2026-12-31"),
        ("Quand: chaque jeudi, du 01/12/2026 au 31/03/2027\n", 30, "2027-03-31"),
        ("Quand: chaque jeudi de 13 h à 16 h\n", 30, "2026-12-30"),
        ("", 30, "2026-12-30"),
        ("", 1, "2026-12-01"),
        ("Publication: 2026-12-10\n", 30, "2027-01-08"),
        ("", nil, nil),
    ] as [(String, Int?, String?)])
    func windowEndsWithFinElseTheEventElseTheChannelsDefault(header: String, defaultDays: Int?, lastDay: String?) throws {
        let window = try record(header).window(defaultDays: defaultDays)
        #expect(window.lastMoment?.date.description == lastDay)
    }

    @Test func screenDropsAnItemWithoutEndAfterItsDefaultDays() throws {
        let item = try record("")
        let days = CrieurConfig().window.screenDays
        #expect(days == 30)
        #expect(item.isCurrent(at: WorkerTestSupport.date("2026-12-30T23:59"), calendar: calendar, defaultDays: days))
        #expect(!item.isCurrent(at: WorkerTestSupport.date("2026-12-31T00:00"), calendar: calendar, defaultDays: days))
        let slide = Slide(item, image: nil, today: CivilDate(year: 2026, month: 12, day: 1), calendar: calendar,
                          settings: ScreenSettings(), defaultDays: days)
        #expect(slide.end == "2026-12-30T23:59:59+01:00")
        #expect(!slide.details.contains { $0.label == "Quand" })
    }

    @Test func aSlideEndsWithItsEventAndSaysWhenItIs() throws {
        let slide = Slide(try record("Quand: 12/12/2026 de 9 h 30 à 12 h\n"), image: nil, today: CivilDate(year: 2026, month: 12, day: 1),
                          calendar: calendar, settings: ScreenSettings(), defaultDays: 30)
        #expect(slide.end == "2026-12-12T23:59:59+01:00")
        #expect(slide.details == [Slide.Detail(label: "Quand", text: "le samedi 12\u{a0}décembre de 9\u{a0}h\u{a0}30 à 12\u{a0}h")])
    }

    @Test func theFeedSaysQuandFromTheEventAndDropsAnItemAfterItsDefaultDays() throws {
        var event = try record("Fin: 2026-12-31\nQuand: du 24/12/2026 au 31/12/2026\n")
        event.id = "2026-12-01-colis"
        #expect(AtomFeed.contentHTML(event, referenceYear: 2026).contains("<strong>Quand :</strong> du jeudi 24 au jeudi 31 décembre"))
        var service = try record("")
        service.id = "2026-12-01-service"
        #expect(!AtomFeed.contentHTML(service, referenceYear: 2026).contains("Quand"))
        let organisation = CrieurConfig().organisation
        let january = AtomFeed.render([event, service], organisation: organisation, now: WorkerTestSupport.date("2027-01-02T10:00"),
                                      calendar: calendar, defaultDays: 30)
        #expect(!january.contains("<entry>"))
        let december = AtomFeed.render([event, service], organisation: organisation, now: WorkerTestSupport.date("2026-12-30T10:00"),
                                       calendar: calendar, defaultDays: 30)
        #expect(december.components(separatedBy: "<entry>").count == 3)
    }

    @Test func archiveRecordsCarryTheEventAndOldRecordsStillDecode() throws {
        let item = try record("Quand: chaque jeudi de 13 h à 16 h\n")
        let decoded = try JSONDecoder().decode(PublishedItem.self, from: JSONEncoder().encode(item))
        #expect(decoded.when == item.when)
        #expect(decoded.when?.weekdays == [.thursday])
        let old = """
            {"itemName": "colis.txt", "title": "Colis", "channels": ["ecran"], "published": {"date": {"year": 2026, "month": 12, "day": 1}},
             "urgent": false, "tags": [], "body": []}
            """
        let oldRecord = try JSONDecoder().decode(PublishedItem.self, from: Data(old.utf8))
        #expect(oldRecord.when == nil)
    }

    @Test func theWorkerExpiresAnItemWhoseEventIsOverEvenWithoutFin() throws {
        let workspace = try TestWorkspace()
        try workspace.write(WorkerTestSupport.validItem(title: "Fini", extraHeader: "Quand: 12/11/2026\n"), to: "queue/incoming/fini.txt")
        try workspace.write(WorkerTestSupport.validItem(title: "Service", extraHeader: "Publication: 2026-01-05\n"), to: "queue/incoming/service.txt")
        try workspace.write(WorkerTestSupport.validItem(title: "Demain", extraHeader: "Quand: 02/12/2026\n"), to: "queue/incoming/demain.txt")
        _ = try WorkerTestSupport.runOnce(workspace, at: "2026-12-01T10:00")
        let posts = WorkerTestSupport.facebookPosts(workspace).values.joined(separator: "\n")
        #expect(!posts.contains("Fini"))
        #expect(posts.contains("Service"))
        #expect(posts.contains("Demain") && posts.contains("Quand : le mercredi 2 décembre"))
    }
}
