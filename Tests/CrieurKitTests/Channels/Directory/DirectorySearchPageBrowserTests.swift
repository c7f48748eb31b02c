import Foundation
import Testing
@testable import CrieurKit

/// The offline search page, opened from the disk (`file://`, no server) in
/// headless Chromium with the search in the address's fragment: the services
/// left visible are exactly those whose text holds the words, or that have the theme.
@Suite(.serialized) struct DirectorySearchPageBrowserTests {
    static func visible(_ dom: String) -> (ids: Set<String>, count: String?) {
        var ids: Set<String> = []
        for match in dom.matches(of: /<li id="service-([^"]+)"([^>]*)>/) where !match.2.contains("hidden") {
            ids.insert(String(match.1))
        }
        let count = dom.firstMatch(of: /<p id="compte"[^>]*>([^<]*)</).map { String($0.1) }
        return (ids, count)
    }

    @Test func searchingChauffageOrLogementShowsExactlyTheServicesThatSpeakOfIt() throws {
        let samples = try SampleDirectory()
        let workspace = try SampleDirectory.workspace()
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T09:00:00", "directory", "publish"])
        #expect(result.status == 0, "\(result.stderr)")
        let page = "file://" + workspace.path("out/directory/recherche.html")

        for (fragment, words) in [("q=chauffage", ["chauffage"]), ("q=LOGEMENT", ["logement"]), ("q=Logement%20chauffage", ["logement", "chauffage"])] {
            let expected = samples.matching(words)
            #expect(!expected.isEmpty && expected.count < 40, "\(words) is a meaningful search")
            let shown = Self.visible(try HeadlessChromium.dumpDOM("\(page)#\(fragment)"))
            #expect(shown.ids == expected, "search \(fragment)")
            #expect(shown.count == (expected.count == 1 ? "1 service" : "\(expected.count) services"))
        }

        let energy = Set(samples.services.filter { $0.themes.contains("Énergie") }.map(\.id))
        #expect(Self.visible(try HeadlessChromium.dumpDOM("\(page)#theme=energie")).ids == energy)
        #expect(Self.visible(try HeadlessChromium.dumpDOM(page)).ids.count == 40, "without a search every service shows")
        let none = try HeadlessChromium.dumpDOM("\(page)#q=zzzz")
        #expect(Self.visible(none).ids.isEmpty)
        #expect(none.contains("<p id=\"aucun\">Aucun service ne correspond."))
    }
}
