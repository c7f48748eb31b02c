import Foundation
import Testing
@testable import CrieurKit

private typealias W = WorkerTestSupport

// Hostile shapes through the real reading path: before, 30 KB of nested brackets
// took 42 s and a megabyte hours. The bounds are on the test thread's CPU time and
// loose on purpose (a slow debug build must pass): they tell « linear » from
// « quadratic », not a speed.

private let header = "Titre: Essai\nCanaux: newsletter, facebook, ecran, bulletin\n---\n"

/// A body of `unit` repeated up to `bytes` bytes, after a header, on one line.
private func hostileItem(_ unit: String, bytes: Int, header: String = header) -> String {
    let count = (bytes - header.utf8.count - 1) / unit.utf8.count
    return header + String(repeating: unit, count: count) + "\n"
}

/// Parses and checks `text` as `crieur check` does; returns the CPU seconds taken.
private func parseAndCheck(_ text: String) throws -> Double {
    var words = 0
    let seconds = try threadCPUSeconds {
        let document = try ItemParser().parseDocument(Data(text.utf8), fileName: "essai.txt")
        let item = try #require(document.item)
        let report = ReadabilityChecker(settings: ReadabilitySettings()).check(
            title: item.title, titleLine: item.titleLine, body: item.bodyText,
            bodyFirstLine: item.bodyFirstLine, channels: item.channels)
        words = report.metrics.words
    }
    #expect(words > 0)
    return seconds
}

@Test func thirtyKilobytesOfNestedBracketsAreCheckedQuickly() throws {
    let elapsed = try parseAndCheck(hostileItem("[(", bytes: 30_000))
    print("30 KB nested brackets, parse + check: \(elapsed) s CPU")
    #expect(elapsed < 10)
}

@Test(arguments: ["[(", "[a](", "h("])
func aMegabyteOfTheWorstShapeIsCheckedInLinearTime(unit: String) throws {
    let elapsed = try parseAndCheck(hostileItem(unit, bytes: 1_048_576))
    print("1 MB of « \(unit) », parse + check: \(elapsed) s CPU")
    #expect(elapsed < 10)
}

@Test func aMegabyteForTheScreenIsRefusedForItsLengthBeforeItsSentencesAreRead() throws {
    let workspace = try TestWorkspace()
    // Only channels with a length limit: each leaves it out for its length, so nothing is left to read.
    try workspace.write(hostileItem("[(mot ", bytes: 1_048_576, header: "Titre: Essai\nCanaux: facebook, ecran\n---\n"),
                        to: "queue/incoming/enorme.txt")
    let elapsed = try threadCPUSeconds { try W.runOnce(workspace, at: "2026-11-20T12:00") }
    print("1 MB of « [(mot » through the worker: \(elapsed) s CPU")
    #expect(elapsed < 10)
    #expect(W.states(of: "enorme.txt", in: workspace) == [.rejected])
    let report = try W.report("enorme.txt", in: workspace)
    #expect(report.contains("Pour l'écran de la salle d'attente"))
    #expect(report.contains("Le message Facebook compte"))
    // The length is what staff must fix first: no readability detail for a text that long.
    #expect(!report.contains("trop difficile"))
}

@Test func aHeaderOfManyWrongLinesListsFiftyProblemsAndCountsTheRest() throws {
    let text = "Titre: a\nCanaux: ecran\n" + String(repeating: "Zzz: x\n", count: 100_000) + "---\nBonjour.\n"
    var problems: [ItemProblem] = []
    let elapsed = threadCPUSeconds { problems = ItemTestSupport.problems(text) }
    print("100,000 unknown header lines: \(elapsed) s CPU")
    #expect(elapsed < 10)
    #expect(problems.count == ItemParser.maxProblemsListed)
    #expect(problems.last?.message == "99951 autres problèmes ne sont pas détaillés ici.")
}

@Test(arguments: ["a. ", "a\n", "M. ", "Abc\n"])
func theTokenizerReadsAMegabyteOfTheWorstShapeInLinearTime(unit: String) {
    let text = String(repeating: unit, count: 1_048_576 / unit.utf8.count)
    var tokens = TokenizedText(reservingFor: text.utf8.count)
    let elapsed = threadCPUSeconds { FrenchTokenizer().tokenize(text, into: &tokens) }
    print("1 MB of « \(unit.replacingOccurrences(of: "\n", with: "\\n")) », tokenizer: \(elapsed) s CPU")
    #expect(tokens.sentences.count > 0)
    #expect(elapsed < 10)
}
