import Foundation
import Testing
@testable import CrieurKit

/// The shared sample announcements: `shared/` sits beside the repository,
/// found from this file's path so any checkout works.
private enum Corpus {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Items
        .appendingPathComponent("../../../../shared/corpus")
        .standardizedFileURL

    static func files(_ folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    static func data(_ folder: String, _ name: String) throws -> Data {
        try Data(contentsOf: root.appendingPathComponent(folder).appendingPathComponent(name))
    }
}

@Test func corpusIsFound() {
    #expect(Corpus.files("items").count >= 6)
    #expect(Corpus.files("invalid").count >= 5)
}

@Test(arguments: Corpus.files("items"))
func sampleItemParses(name: String) throws {
    let data = try Corpus.data("items", name)
    do throws(ItemRejection) {
        let item = try ItemParser().parse(data, fileName: name)
        #expect(!item.title.isEmpty)
        #expect(!item.channels.isEmpty)
        #expect(!item.body.blocks.isEmpty)
    } catch {
        Issue.record("\(name) was refused: \(error.problems)")
    }
}

@Test func sampleItemValuesAreRead() throws {
    let item = try ItemParser().parse(Corpus.data("items", "allocation-chauffage.txt"), fileName: "allocation-chauffage.txt")
    #expect(item.channels == [.newsletter, .bulletin, .facebook, .ecran])
    #expect(item.publication == ItemMoment(date: CivilDate(year: 2026, month: 10, day: 1)))
    #expect(item.expires == ItemMoment(date: CivilDate(year: 2027, month: 3, day: 31)))
    #expect(item.tags == ["chauffage", "hiver", "aide"])
    #expect(item.bodyFirstLine == 8)
    #expect(item.body.blocks.contains(.list([[.text("les personnes avec un petit revenu,")], [.text("les personnes avec des dettes.")]])))
}

/// What each broken sample must be refused for: the line, and a word the message must contain.
private let expectedRefusals: [String: (line: Int, word: String)] = [
    "canal-inconnu.txt": (2, "telegramme"),
    "corps-vide.txt": (3, "vide"),
    "date-invalide.txt": (3, "2026-02-30"),
    "fin-avant-debut.txt": (4, "fin"),
    "sans-titre.txt": (1, "titre"),
]

@Test(arguments: Corpus.files("invalid"))
func brokenSampleIsRefusedOnTheRightLine(name: String) throws {
    let data = try Corpus.data("invalid", name)
    do throws(ItemRejection) {
        _ = try ItemParser().parse(data, fileName: name)
        Issue.record("\(name) was accepted")
    } catch {
        #expect(error.problems.allSatisfy { !$0.message.isEmpty && !$0.fix.isEmpty })
        let expected = try #require(expectedRefusals[name], "no expectation written for \(name)")
        #expect(error.problems.contains { $0.line == expected.line && $0.message.contains(expected.word) },
                "\(name): \(error.problems)")
    }
}
