import Testing
@testable import CrieurKit

struct BulletinSelectionTests {
    typealias T = BulletinTestItems

    @Test func takesBulletinItemsPublishedInTheQuarterOrRunningIntoIt() throws {
        let records = [
            T.record("Publiée dans le trimestre", from: "2026-11-15", to: "2026-12-05"),
            T.record("Commencée avant, finit dedans", from: "2026-09-01", to: "2026-10-01"),
            T.record("Commencée avant, sans fin", from: "2026-05-01"),
            T.record("Dure tout le trimestre et après", from: "2026-09-15", to: "2027-03-31"),
            T.record("Finie la veille du trimestre", from: "2026-08-01", to: "2026-09-30"),
            T.record("Commence le lendemain du trimestre", from: "2027-01-01"),
            T.record("Pas pour le bulletin", from: "2026-11-01", channels: [.facebook, .newsletter]),
            T.record("Dernier jour du trimestre", from: "2026-12-31"),
        ]
        let titles = BulletinSelection.items(of: try Quarter.parse("2026-T4"), in: records).map(\.title)
        #expect(Set(titles) == [
            "Publiée dans le trimestre", "Commencée avant, finit dedans", "Commencée avant, sans fin",
            "Dure tout le trimestre et après", "Dernier jour du trimestre",
        ])
    }

    @Test(arguments: [
        // (quand, published, quarter, in it?)
        ("12/01/2027", "2026-11-15", "2027-T1", true),
        ("12/01/2027", "2026-11-15", "2026-T4", false),
        ("du 24/12/2026 au 02/01/2027", "2026-12-01", "2026-T4", true),
        ("du 24/12/2026 au 02/01/2027", "2026-12-01", "2027-T1", false),
        ("chaque jeudi, du 01/10/2026 au 31/03/2027", "2026-09-15", "2026-T4", true),
        ("chaque jeudi, du 01/10/2026 au 31/03/2027", "2026-09-15", "2026-T3", false),
        ("chaque jeudi", "2026-11-15", "2026-T4", true),
    ])
    func anEventGoesInTheQuarterOfItsFirstDay(when: String, published: String, quarter: String, expected: Bool) throws {
        let records = [T.record("Événement", from: published, when: when)]
        #expect(BulletinSelection.items(of: try Quarter.parse(quarter), in: records, defaultDays: 90).isEmpty == !expected)
    }

    @Test func anItemWithoutEndLeavesTheBulletinAfterItsDefaultDays() throws {
        let records = [T.record("Sans fin", from: "2026-11-15")]
        #expect(BulletinSelection.items(of: try Quarter.parse("2027-T1"), in: records, defaultDays: 90).count == 1)
        #expect(BulletinSelection.items(of: try Quarter.parse("2027-T2"), in: records, defaultDays: 90).isEmpty)
    }

    @Test func ordersByPublicationThenTitle() throws {
        let records = [
            T.record("Zoé", from: "2026-10-05"),
            T.record("Banque alimentaire", from: "2026-11-01"),
            T.record("Atelier", from: "2026-10-05"),
            T.record("Ancienne", from: "2026-07-01", to: "2026-10-15"),
        ]
        let titles = BulletinSelection.items(of: try Quarter.parse("2026-T4"), in: records).map(\.title)
        #expect(titles == ["Ancienne", "Atelier", "Zoé", "Banque alimentaire"])
    }
}
