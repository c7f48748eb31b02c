import Foundation
import Testing
@testable import CrieurKit

@Suite("Publication journal")
struct PublicationJournalTests {
    @Test func workerJournalsEachOutcomeWithItsReasons() throws {
        let workspace = try TestWorkspace()
        let corpus = TestCorpus.project
        for name in ["bourse-jouets.txt", "allocation-loyer-administratif.txt", "fermeture-formation.txt"] {
            try workspace.write(try corpus.data("items", name), to: "queue/incoming/\(name)")
        }
        try workspace.write(try corpus.data("invalid", "date-invalide.txt"), to: "queue/incoming/date-invalide.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-11-20T10:00")

        let journal = try PublicationJournal(path: workspace.workspace.journalPath).load()
        #expect(journal.damagedLines == 0)
        let byItem = Dictionary(uniqueKeysWithValues: journal.entries.map { ($0.item, $0) })
        #expect(byItem["bourse-jouets.txt"]?.event == .published)
        let archived = try workspace.workspace.archive.load().items.map(\.id)
        #expect(archived.count == 1 && byItem["bourse-jouets.txt"]?.archive == archived.first)
        // Its end was already past when it arrived: refused, as `enqueue` refuses it, never « expired ».
        #expect(byItem["fermeture-formation.txt"]?.event == .rejected)
        #expect(byItem["fermeture-formation.txt"]?.reasons == ["ended"])
        #expect(byItem["date-invalide.txt"]?.reasons == ["format"])
        let hard = try #require(byItem["allocation-loyer-administratif.txt"]?.reasons)
        #expect(hard.contains("readability:unexplained-acronym"))
        #expect(hard.allSatisfy { RefusalReason(code: $0) != nil })
        let attributes = try FileManager.default.attributesOfItem(atPath: workspace.workspace.journalPath)
        #expect((attributes[.posixPermissions] as? Int) == 0o600)
    }

    @Test func outcomeWrittenTwiceByACrashIsCountedOnceAndATornLineIsCounted() throws {
        let workspace = try TestWorkspace()
        let journal = PublicationJournal(path: workspace.workspace.journalPath)
        let entry = PublicationJournal.Entry(
            time: WorkerTestSupport.date("2026-12-01T10:00"), item: "a.txt", event: .published,
            channels: [.ecran], archive: "2026-12-01-a")
        try journal.append(entry)
        try journal.append(entry)
        let handle = try #require(FileHandle(forWritingAtPath: workspace.workspace.journalPath))
        handle.seekToEndOfFile()
        handle.write(Data(#"{"time":"2026-12-01T1"#.utf8))
        try handle.close()

        let loaded = try journal.load()
        #expect(loaded.entries == [entry])
        #expect(loaded.damagedLines == 1)
    }

    @Test(arguments: [RefusalReason.format, .readability(rule: "long-sentence"), .channel(.facebook)])
    func refusalReasonCodesRoundTrip(reason: RefusalReason) {
        #expect(RefusalReason(code: reason.code) == reason)
        #expect(!reason.frenchLabel.isEmpty)
    }

    @Test func unknownReasonCodeIsNotAReason() {
        #expect(RefusalReason(code: "channel:fax") == nil)
        #expect(RefusalReason(code: "nimporte") == nil)
    }
}
