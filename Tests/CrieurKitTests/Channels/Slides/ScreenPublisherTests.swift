import Foundation
import Testing
@testable import CrieurKit

@Suite("Screen publisher")
struct ScreenPublisherTests {
    let calendar = WorkerTestSupport.brussels
    let noon = WorkerTestSupport.date("2026-12-02T12:00")

    func context(imageData: Data? = nil) -> PublicationContext {
        PublicationContext(now: noon, calendar: calendar, config: CrieurConfig(), itemName: "a.txt", imageData: imageData)
    }

    func item(_ text: String) throws -> Item {
        try #require(ItemTestSupport.item(text))
    }

    @Test func itemWithMoreWordsThanASlideHoldsIsRefusedWithHowManyToCut() throws {
        let words = Array(repeating: "mot", count: 70).joined(separator: " ")
        let publisher = ScreenPublisher(settings: ScreenSettings(maxWordsPerSlide: 60))
        // Title "Trop long" (2 words) + 70: 72 words, 12 too many.
        let long = try item("Titre: Trop long\nCanaux: ecran\n---\n\(words)\n")
        #expect(throws: ItemRejection.self) { try publisher.render(long, context: context()) }
        do {
            _ = try publisher.render(long, context: context())
        } catch {
            #expect(error.problems.count == 1)
            #expect(error.problems[0].message.contains("72 mots"))
            #expect(error.problems[0].message.contains("au plus 60"))
            #expect(error.problems[0].fix.hasPrefix("Retirez au moins 12 mots"))
        }
        let fitting = try item("Titre: Juste\nCanaux: ecran\n---\n\(words.split(separator: " ").prefix(58).joined(separator: " "))\n")
        #expect(try publisher.render(fitting, context: context()).files.isEmpty)
    }

    @Test func wordsAreRunsWithALetterOrDigitSoPunctuationAloneIsNotCounted() {
        #expect(Slide.wordCount("Vous avez faim ? Venez - c'est gratuit, de 13 h à 16 h.") == 12)
    }

    @Test func pictureIsCopiedUnderTheNameTheSlideWillUse() throws {
        let source = try item("Titre: Repair café\nCanaux: ecran\nImage: affiche.jpg\nTexte alternatif: Une affiche\n---\nVenez.\n")
        let rendering = try ScreenPublisher(settings: ScreenSettings()).render(source, context: context(imageData: Data([1, 2])))
        #expect(rendering.files == [OutputFile(name: "2026-12-02-repair-cafe-affiche.jpg", data: Data([1, 2]), keepOthers: false)])
    }

    @Test func slideTimeIsTheMinimumPlusItsWordsAtTheSlowReadingPace() {
        let settings = ScreenSettings(minimumSecondsPerSlide: 10, readingWordsPerMinute: 80)
        #expect(settings.seconds(forWords: 0) == 10)
        #expect(settings.seconds(forWords: 40) == 40)
        #expect(settings.seconds(forWords: 41) == 41)  // 30.75 s of reading, rounded up
    }

    @Test func slideSaysWhereUntilWhenAndTheAddressInWords() throws {
        let record = PublishedItem(
            try item("""
                Titre: Repair café
                Canaux: ecran
                Publication: 2026-11-15
                Fin: 2026-12-05
                Quand: samedi 5 décembre 2026 de 9 h 30 à 12 h
                Lieu: Salle du village
                Lien: https://www.cpas-exemple.be/repair/
                ---
                Venez **réparer** avec [nos bénévoles](https://example.be/b).
                """),
            itemName: "r.txt", publishedOn: CivilDate(year: 2026, month: 11, day: 15))
        let slide = Slide(record, image: nil, today: CivilDate(year: 2026, month: 12, day: 2), calendar: calendar, settings: ScreenSettings())
        #expect(slide.details == [
            Slide.Detail(label: "Où", text: "Salle du village"),
            Slide.Detail(label: "Quand", text: "le samedi 5\u{a0}décembre de 9\u{a0}h\u{a0}30 à 12\u{a0}h"),
            Slide.Detail(label: "Plus d'infos", text: "www.cpas-exemple.be/repair"),
        ])
        #expect(slide.bodyHTML == "<p>Venez <strong>réparer</strong> avec nos bénévoles (https://example.be/b).</p>")
        #expect(slide.start == "2026-11-15T00:00:00+01:00")
        #expect(slide.end == "2026-12-05T23:59:59+01:00")
    }

    @Test func versionChangesExactlyWhenWhatThePageShowsChanges() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: Colis\nCanaux: ecran\nFin: 2026-12-02 15:00\n---\nChaque jeudi.\n", to: "queue/incoming/colis.txt")
        try workspace.write("Titre: Jardin\nCanaux: facebook\n---\nVenez.\n", to: "queue/incoming/jardin.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        let first = try workspace.read("out/slides/version.json")
        let page = try workspace.read("out/slides/index.html")
        #expect(page.contains("data-version=\"\(first.split(separator: "\"")[3])\""))

        let archive = try workspace.workspace.archive.load().items
        let publisher = ScreenPublisher(settings: ScreenSettings())
        func refresh(at moment: String) throws -> String {
            let context = PublicationContext(now: WorkerTestSupport.date(moment), calendar: calendar,
                                             config: try workspace.config(), itemName: "")
            try publisher.refresh(workspace.workspace.output(.ecran), published: archive, context: context)
            return try workspace.read("out/slides/version.json")
        }
        // Later the same day, and the next minute: same slides, same version, same page.
        #expect(try refresh(at: "2026-12-02T14:59") == first)
        #expect(try workspace.read("out/slides/index.html") == page)
        // After the end, the slide is gone: a new version.
        let afterEnd = try refresh(at: "2026-12-02T15:01")
        #expect(afterEnd != first)
        #expect(!(try workspace.read("out/slides/index.html")).contains("Colis"))
        // A Facebook-only item never changes the screen's version.
        #expect(try refresh(at: "2026-12-03T09:00") == afterEnd)
    }

    @Test func workerPublishesEcranItemsInsteadOfKeepingThemForLater() throws {
        let workspace = try TestWorkspace()
        let log = LogCollector()
        try workspace.write("Titre: Colis\nCanaux: ecran\n---\nChaque jeudi.\n", to: "queue/incoming/colis.txt")
        let events = try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00", log: log)
        guard case .published(_, let outputs, let unsupported, _)? = events.first else {
            Issue.record("not published: \(events)")
            return
        }
        #expect(unsupported.isEmpty)
        #expect(outputs[.ecran] == [])
        #expect(log.lines.contains { $0.contains("« colis.txt » publiée : ecran → out/slides/") })
        #expect(workspace.names("out/slides") == ["index.html", "version.json"])
    }
}
