import Foundation
import Testing
@testable import CrieurKit

/// The sample announcements: the repository's own corpus (`Fixtures/corpus`),
/// and the shared one beside the repository when it is there.
private let project = TestCorpus.project

@Test func corpusIsFound() {
    #expect(project.files("items").count >= 6)
    #expect(project.files("invalid").count >= 5)
}

/// Every valid sample of every corpus there is.
private let validSamples = TestCorpus.all.flatMap { corpus in corpus.files("items").map { corpus.path("items", $0) } }
private let invalidSamples = TestCorpus.all.flatMap { corpus in corpus.files("invalid").map { corpus.path("invalid", $0) } }

@Test(arguments: validSamples)
func sampleItemParses(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    do throws(ItemRejection) {
        let item = try ItemParser().parse(data, fileName: (path as NSString).lastPathComponent)
        #expect(!item.title.isEmpty)
        #expect(!item.channels.isEmpty)
        #expect(!item.body.blocks.isEmpty)
    } catch {
        Issue.record("\(path) was refused: \(error.problems)")
    }
}

@Test func sampleItemValuesAreRead() throws {
    let item = try ItemParser().parse(project.data("items", "aide-energie.txt"), fileName: "aide-energie.txt")
    #expect(item.title == "Une aide pour vos factures d'énergie")
    #expect(item.channels == [.newsletter, .bulletin, .facebook, .ecran])
    #expect(item.publication == ItemMoment(date: CivilDate(year: 2026, month: 10, day: 1)))
    #expect(item.expires == ItemMoment(date: CivilDate(year: 2027, month: 3, day: 31)))
    #expect(item.link == "https://www.cpas-exemple.be/energie")
    #expect(item.tags == ["énergie", "hiver", "factures"])
    #expect(item.bodyFirstLine == 8)
    #expect(item.body.blocks.contains(.list([
        [.text("les familles avec un petit revenu,")], [.text("les personnes qui ont des dettes d'énergie.")],
    ])))
}

/// What each broken sample of the project's corpus must be refused for: the
/// line, and a word the message must contain.
private let expectedRefusals: [String: (line: Int, word: String)] = [
    "canal-inconnu.txt": (2, "radio"),
    "corps-vide.txt": (4, "vide"),
    "date-invalide.txt": (3, "2027-02-29"),
    "fin-avant-debut.txt": (4, "fin"),
    "sans-titre.txt": (1, "titre"),
]

@Test(arguments: project.files("invalid"))
func brokenSampleIsRefusedOnTheRightLine(name: String) throws {
    let data = try project.data("invalid", name)
    do throws(ItemRejection) {
        _ = try ItemParser().parse(data, fileName: name)
        Issue.record("\(name) was accepted")
    } catch {
        let expected = try #require(expectedRefusals[name], "no expectation written for \(name)")
        #expect(error.problems.contains { $0.line == expected.line && $0.message.contains(expected.word) },
                "\(name): \(error.problems)")
    }
}

@Test(arguments: invalidSamples)
func brokenSampleIsRefusedWithAMessageAFixAndALine(path: String) throws {
    let data = try Data(contentsOf: URL(fileURLWithPath: path))
    do throws(ItemRejection) {
        _ = try ItemParser().parse(data, fileName: (path as NSString).lastPathComponent)
        Issue.record("\(path) was accepted")
    } catch {
        #expect(!error.problems.isEmpty)
        #expect(error.problems.allSatisfy { !$0.message.isEmpty && !$0.fix.isEmpty })
        #expect(error.problems.contains { $0.line != nil }, "\(path): \(error.problems)")
    }
}
