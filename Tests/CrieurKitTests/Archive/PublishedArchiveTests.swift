import Foundation
import Testing
@testable import CrieurKit

@Suite("Published archive")
struct PublishedArchiveTests {
    private let calendar = WorkerTestSupport.brussels

    private func item(_ text: String) throws -> Item {
        try #require(ItemTestSupport.item(text))
    }

    @Test func recordKeepsEverythingTheListingChannelsShow() throws {
        let workspace = try TestWorkspace()
        let source = try item("""
            Titre: Repair café
            Canaux: ecran, bulletin
            Fin: 2026-12-20
            Lieu: Salle « Le Tilleul »
            Lien: https://example.be/repair
            Image: affiche.jpg
            Texte alternatif: Une affiche orange
            Mots-clés: réparer, gratuit
            ---
            Apportez **un objet** cassé.

            - vélo
            - [grille-pain](https://example.be/g)
            """)
        let archive = workspace.workspace.archive
        let stored = try archive.record(
            PublishedItem(source, itemName: "repair.txt", publishedOn: CivilDate(year: 2026, month: 12, day: 1)),
            imageData: Data([1, 2, 3]))

        #expect(stored.id == "2026-12-01-repair-cafe")
        #expect(stored.image == ItemImage(fileName: "2026-12-01-repair-cafe-affiche.jpg", alternativeText: "Une affiche orange"))
        let loaded = try archive.load()
        #expect(loaded.unreadable.isEmpty)
        #expect(loaded.items == [stored])
        #expect(loaded.items.first?.body == source.body)
        #expect(try archive.folder.read("2026-12-01-repair-cafe-affiche.jpg") == Data([1, 2, 3]))
    }

    @Test func recordingTheSameItemTwiceLeavesOneRecordAndADifferentItemGetsItsOwn() throws {
        let workspace = try TestWorkspace()
        let archive = workspace.workspace.archive
        let day = CivilDate(year: 2026, month: 12, day: 1)
        let first = PublishedItem(try item("Titre: Colis\nCanaux: ecran\n---\nLe mardi.\n"), itemName: "a.txt", publishedOn: day)
        let other = PublishedItem(try item("Titre: Colis\nCanaux: ecran\n---\nLe jeudi.\n"), itemName: "b.txt", publishedOn: day)

        #expect(try archive.record(first, imageData: nil).id == "2026-12-01-colis")
        #expect(try archive.record(first, imageData: nil).id == "2026-12-01-colis")
        #expect(try archive.record(other, imageData: nil).id == "2026-12-01-colis-2")
        #expect(try archive.load().items.map(\.itemName) == ["a.txt", "b.txt"])
    }

    @Test func damagedRecordIsNamedAndKeptNotLoaded() throws {
        let workspace = try TestWorkspace()
        try workspace.write("{ pas du json", to: "out/archive/2026-01-01-casse.json")
        let loaded = try workspace.workspace.archive.load()
        #expect(loaded.items.isEmpty)
        #expect(loaded.unreadable == ["2026-01-01-casse.json"])
        #expect(workspace.names("out/archive") == ["2026-01-01-casse.json"])
    }

    @Test func itemIsCurrentFromItsPublicationToTheEndOfItsLastDay() throws {
        let published = PublishedItem(
            try item("Titre: Colis\nCanaux: ecran\nPublication: 2026-12-01 9h30\nFin: 2026-12-03\n---\nLe mardi.\n"),
            itemName: "a.txt", publishedOn: CivilDate(year: 2026, month: 11, day: 1))
        let at = WorkerTestSupport.date
        #expect(!published.isCurrent(at: at("2026-12-01T09:29"), calendar: calendar))
        #expect(published.isCurrent(at: at("2026-12-01T09:30"), calendar: calendar))
        #expect(published.isCurrent(at: at("2026-12-03T23:59"), calendar: calendar))
        #expect(!published.isCurrent(at: at("2026-12-04T00:00"), calendar: calendar))
    }

    @Test func workerArchivesEveryPublishedItemWithThePublicationDay() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: Atelier CV\nCanaux: bulletin, ecran\n---\nVenez avec votre CV.\n", to: "queue/incoming/cv.txt")
        try workspace.write("Titre: Plus tard\nCanaux: ecran\nPublication: 2027-01-10\n---\nEn janvier.\n", to: "queue/incoming/tard.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")

        let items = try workspace.workspace.archive.load().items
        #expect(items.map(\.id) == ["2026-12-02-atelier-cv"])
        #expect(items.first?.published == ItemMoment(date: CivilDate(year: 2026, month: 12, day: 2)))
        #expect(items.first?.channels == [.bulletin, .ecran])
    }
}
