import Foundation
@testable import CrieurKit

/// A folder of sample announcements: `items/` (valid ones) and `invalid/`.
///
/// `project` is the repository's own, `Tests/CrieurKitTests/Fixtures/corpus`,
/// written for these tests in the style of a CPAS: every test that expects
/// particular titles, dates or findings reads it, so a plain clone tests
/// everything. `shared` is the project's common corpus, `../shared/corpus`
/// beside the repository, when it is there: a few tests also run over it,
/// checking what holds for any sample (it parses, it ends in one state).
struct TestCorpus: Sendable, CustomStringConvertible {
    let root: String

    var description: String { root }

    static let project: TestCorpus = {
        var url = URL(fileURLWithPath: #filePath)
        url.deleteLastPathComponent()  // TestSupport
        url.deleteLastPathComponent()  // CrieurKitTests
        return TestCorpus(root: url.appendingPathComponent("Fixtures/corpus").path)
    }()

    static let shared: TestCorpus? = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }  // TestSupport, CrieurKitTests, Tests, repository
        let root = url.deletingLastPathComponent().appendingPathComponent("shared/corpus").path
        return FileManager.default.fileExists(atPath: "\(root)/items") ? TestCorpus(root: root) : nil
    }()

    /// The project's corpus, then the shared one when it is there.
    static var all: [TestCorpus] { [project] + (shared.map { [$0] } ?? []) }

    /// Visible file names of `folder` (`items` or `invalid`), sorted.
    func files(_ folder: String) -> [String] {
        ((try? FileSystem.names(in: "\(root)/\(folder)")) ?? []).filter { !$0.hasPrefix(".") }.sorted()
    }

    func path(_ folder: String, _ name: String) -> String { "\(root)/\(folder)/\(name)" }

    func data(_ folder: String, _ name: String) throws -> Data {
        try Data(contentsOf: URL(fileURLWithPath: path(folder, name)))
    }

    /// Copies every file of `folder` into the workspace's `queue/incoming/`; returns their names.
    @discardableResult
    func queue(_ folder: String, in workspace: TestWorkspace) throws -> [String] {
        let names = files(folder)
        for name in names { try workspace.write(try data(folder, name), to: "queue/incoming/\(name)") }
        return names
    }
}
