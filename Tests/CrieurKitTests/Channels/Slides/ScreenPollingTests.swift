import Foundation
import Testing
@testable import CrieurKit

/// The page's own updates: it polls `version.json` and swaps in the new slides
/// only when the version changed, through a real static web server, in
/// Chromium's virtual time (one poll after 60 s).
@Suite("Screen page polling", .serialized)
struct ScreenPollingTests {
    static let now = "maintenant=2026-12-02T10:30:00%2B01:00"
    static let colis = "Des colis de nourriture chaque jeudi"
    static let atelier = "Atelier vélo le samedi"

    static func workspaceWithOneItem() throws -> TestWorkspace {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: \(colis)\nCanaux: ecran\n---\nLe CPAS donne des colis chaque jeudi.\n", to: "queue/incoming/colis.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        return workspace
    }

    static func version(_ workspace: TestWorkspace) throws -> String {
        let file = try workspace.read("out/slides/version.json")
        return try #require(file.split(separator: "\"").dropFirst(3).first).description
    }

    @Test func aNewVersionBringsTheNewSlidesAtTheNextPoll() throws {
        let workspace = try Self.workspaceWithOneItem()
        let before = try Self.version(workspace)
        // The television loaded the page before the new item came.
        try workspace.write(try workspace.read("out/slides/index.html"), to: "out/slides/ancien.html")
        try workspace.write("Titre: \(Self.atelier)\nCanaux: ecran\n---\nRéparez votre vélo avec nous.\n", to: "queue/incoming/velo.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:05")
        let after = try Self.version(workspace)
        #expect(after != before)

        let server = try StaticWebServer(folder: workspace.path("out/slides"))
        let beforePoll = ScreenDOM(try HeadlessChromium.dumpDOM(server.url("ancien.html?\(Self.now)"), virtualMilliseconds: 30_000))
        #expect(beforePoll.currentTitles == [Self.colis])
        let afterPoll = ScreenDOM(try HeadlessChromium.dumpDOM(server.url("ancien.html?\(Self.now)"), virtualMilliseconds: 75_000))
        #expect(afterPoll.currentTitles == [Self.colis, Self.atelier])
        #expect(afterPoll.html.contains("data-version=\"\(after)\""))
    }

    @Test func anUnchangedVersionLeavesThePageAsItIs() throws {
        let workspace = try Self.workspaceWithOneItem()
        // Same version as version.json, different words: a reload would show the server's.
        let page = try workspace.read("out/slides/index.html")
        try workspace.write(page.replacingOccurrences(of: Self.colis, with: "Titre de la page déjà chargée"), to: "out/slides/chargee.html")
        let server = try StaticWebServer(folder: workspace.path("out/slides"))
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(server.url("chargee.html?\(Self.now)"), virtualMilliseconds: 75_000))
        #expect(dom.currentTitles == ["Titre de la page déjà chargée"])
    }

    @Test func anUnreachableVersionFileKeepsTheLastGoodSlides() throws {
        let workspace = try Self.workspaceWithOneItem()
        try FileManager.default.removeItem(atPath: workspace.path("out/slides/version.json"))
        let server = try StaticWebServer(folder: workspace.path("out/slides"))
        let served = ScreenDOM(try HeadlessChromium.dumpDOM(server.url("index.html?\(Self.now)"), virtualMilliseconds: 135_000))
        #expect(served.currentTitles == [Self.colis])
        #expect(served.shown.first?.title == Self.colis)
        // Opened from a shared folder, every fetch fails: the slides stay.
        let shared = ScreenDOM(try HeadlessChromium.dumpDOM(
            "file://\(workspace.path("out/slides/index.html"))?\(Self.now)", virtualMilliseconds: 135_000))
        #expect(shared.currentTitles == [Self.colis])
        #expect(shared.shown.first?.title == Self.colis)
    }
}
