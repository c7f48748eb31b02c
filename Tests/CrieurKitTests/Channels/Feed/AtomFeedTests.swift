import Foundation
import Testing
@testable import CrieurKit

/// `out/feed/atom.xml` as the worker leaves it, read back by Python's XML parser
/// (expat), which refuses any document that is not well-formed.
@Suite("Atom feed")
struct AtomFeedTests {
    struct Feed: Decodable {
        struct Entry: Decodable {
            var id: String
            var title: String
            var published: String
            var updated: String
            var links: [String]
            var categories: [String]
            var content: String
            var contentType: String
        }
        var id: String
        var title: String
        var updated: String
        var author: String
        var entries: [Entry]
    }

    /// Parses the feed and checks what RFC 4287 requires of its elements.
    static let reader = """
        import json, sys, datetime
        import xml.etree.ElementTree as ET
        A = "{http://www.w3.org/2005/Atom}"
        root = ET.parse(sys.argv[1]).getroot()
        assert root.tag == A + "feed", root.tag
        def one(parent, name):
            found = parent.findall(A + name)
            assert len(found) == 1, (name, len(found))
            return found[0]
        def date(text):
            datetime.datetime.fromisoformat(text)  # RFC 3339 with its offset
            assert text[19] in "+-Z", text
            return text
        entries = []
        for e in root.findall(A + "entry"):
            content = one(e, "content")
            entries.append({
                "id": one(e, "id").text, "title": one(e, "title").text or "",
                "published": date(one(e, "published").text), "updated": date(one(e, "updated").text),
                "links": [l.get("href") for l in e.findall(A + "link") if l.get("rel") == "alternate"],
                "categories": [c.get("term") for c in e.findall(A + "category")],
                "content": content.text or "", "contentType": content.get("type"),
            })
        ids = [e["id"] for e in entries]
        assert len(ids) == len(set(ids)), "duplicate ids"
        print(json.dumps({
            "id": one(root, "id").text, "title": one(root, "title").text, "updated": date(one(root, "updated").text),
            "author": one(one(root, "author"), "name").text, "entries": entries,
        }))
        """

    static func read(_ workspace: TestWorkspace) throws -> Feed {
        let json = try ExternalProgram.python(reader, [workspace.path("out/feed/atom.xml")])
        return try JSONDecoder().decode(Feed.self, from: Data(json.utf8))
    }

    static let hostile = "<script>alert(1)</script> & ]]> \"Café\""

    @Test func feedListsEveryCurrentItemWhateverItsChannelsNewestFirst() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            Titre: Des colis chaque jeudi
            Canaux: ecran
            Publication: 2026-11-20
            Lien: https://www.cpas-exemple.be/colis
            Mots-clés: aide alimentaire, colis
            ---
            Venez **chaque jeudi**.
            """, to: "queue/incoming/colis.txt")
        try workspace.write("Titre: Un jardin à partager\nCanaux: facebook\n---\nVenez cultiver.\n", to: "queue/incoming/jardin.txt")
        try workspace.write("Titre: Fermé ce matin\nCanaux: ecran\nFin: 2026-12-02 11:00\n---\nRevenez demain.\n", to: "queue/incoming/ferme.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        // The next morning the closing notice has ended: the daily refresh drops it.
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-03T09:00")

        let feed = try Self.read(workspace)
        #expect(feed.title == "Annonces — CPAS")
        #expect(feed.author == "CPAS")
        #expect(feed.id.hasPrefix("urn:uuid:"))
        #expect(feed.updated == "2026-12-03T09:00:00+01:00")
        #expect(feed.entries.map(\.title) == ["Un jardin à partager", "Des colis chaque jeudi"])
        let colis = feed.entries[1]
        #expect(colis.published == "2026-11-20T00:00:00+01:00")
        #expect(colis.links == ["https://www.cpas-exemple.be/colis"])
        #expect(colis.categories == ["aide alimentaire", "colis"])
        #expect(colis.contentType == "html")
        #expect(colis.content == "<p>Venez <strong>chaque jeudi</strong>.</p>")
    }

    @Test func entryIdsStayTheSameFromOneRefreshToTheNext() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: Colis\nCanaux: ecran\n---\nChaque jeudi.\n", to: "queue/incoming/colis.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        let first = try Self.read(workspace)
        try workspace.write("Titre: Jardin\nCanaux: facebook\n---\nVenez.\n", to: "queue/incoming/jardin.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-05T10:00")
        let second = try Self.read(workspace)
        #expect(second.id == first.id)
        #expect(second.entries.first { $0.title == "Colis" }?.id == first.entries.first?.id)
        #expect(Set(second.entries.map(\.id)).count == 2)
    }

    @Test func correctedItemKeepsItsEntryAndShowsOnlyTheNewText() throws {
        let workspace = try TestWorkspace()
        try workspace.write("Titre: Colis\nCanaux: ecran\nPublication: 2026-12-01\n---\nLe jeudi à 10 h.\n", to: "queue/incoming/colis.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        let first = try #require(try Self.read(workspace).entries.first)
        #expect(first.updated == "2026-12-02T10:00:00+01:00", "when the first version was recorded")

        try workspace.write("Titre: Colis\nCanaux: ecran\nPublication: 2026-12-01\n---\nLe vendredi à 14 h.\n", to: "queue/incoming/colis.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-05T11:30")
        let feed = try Self.read(workspace)
        #expect(feed.entries.count == 1)
        let entry = try #require(feed.entries.first)
        #expect(entry.id == first.id)
        #expect(entry.published == first.published)
        #expect(entry.updated == "2026-12-05T11:30:00+01:00", "the time of the new version")
        #expect(entry.content == "<p>Le vendredi à 14 h.</p>")
    }

    @Test func withdrawnItemIsListedAsCancelledUntilItsWindowEnds() throws {
        let workspace = try TestWorkspace()
        let header = "Titre: Permanence du mardi\nCanaux: ecran\nPublication: 2026-12-01\nFin: 2026-12-10\nLien: https://www.cpas-exemple.be/permanence\n"
        try workspace.write(header + "---\nVenez sans rendez-vous.\n", to: "queue/incoming/permanence.txt")
        try workspace.write("Titre: Jardin\nCanaux: facebook\n---\nVenez planter.\n", to: "queue/incoming/jardin.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        let before = try #require(try Self.read(workspace).entries.first { $0.title == "Permanence du mardi" })

        try workspace.write(header + "Statut: annulé\nRaison: l'assistante est malade\n---\nVenez sans rendez-vous.\n",
                            to: "queue/incoming/permanence.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-04T08:15")
        let feed = try Self.read(workspace)
        #expect(feed.entries.count == 2)
        let cancelled = try #require(feed.entries.first { $0.id == before.id })
        #expect(cancelled.title == "Annulé : Permanence du mardi")
        #expect(cancelled.updated == "2026-12-04T08:15:00+01:00")
        #expect(cancelled.content.contains("Cette annonce est annulée"))
        #expect(cancelled.content.contains("<p>Raison : l&#39;assistante est malade</p>"))
        #expect(!cancelled.content.contains("Venez sans rendez-vous."))
        #expect(cancelled.links.isEmpty)

        // After its last day, it leaves the feed like any ended item.
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-11T09:00")
        #expect(try Self.read(workspace).entries.map(\.title) == ["Jardin"])
    }

    @Test func recordFromBeforeVersionsKeepsTheEntryIdItAlwaysHad() {
        var record = PublishedItem(
            Item(title: "Colis", channels: [.ecran], body: Body(blocks: []), bodyText: "", bodyFirstLine: 3),
            itemName: "colis.txt", publishedOn: CivilDate(year: 2026, month: 12, day: 1))
        record.id = "2026-12-01-colis"
        record.identityKey = nil
        let calendar = WorkerTestSupport.brussels
        let organisation = CrieurConfig.Organisation(name: "CPAS", address: "", phone: "", email: "", website: "https://www.cpas-exemple.be")
        let xml = AtomFeed.render(PublishedArchive.latestVersions([record]), organisation: organisation,
                                  now: WorkerTestSupport.date("2026-12-02T10:00"), calendar: calendar)
        #expect(xml.contains("<id>urn:uuid:\(ContentHash.uuid("https://www.cpas-exemple.be\n2026-12-01-colis"))</id>"))
        #expect(xml.contains("<updated>2026-12-01T00:00:00+01:00</updated>"), "no recorded time: the publication day")
    }

    @Test func hostileTextIsEscapedAndReadsBackAsWritten() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            Titre: \(Self.hostile)
            Canaux: bulletin
            Mots-clés: <b>gras</b>, "guillemets"
            ---
            Un texte <img src=x onerror=alert(2)> & du reste.
            """, to: "queue/incoming/piege.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-02T10:00")
        let xml = try workspace.read("out/feed/atom.xml")
        #expect(!xml.contains("<script>"))
        #expect(!xml.contains("<img"))
        let entry = try #require(try Self.read(workspace).entries.first)
        #expect(entry.title == Self.hostile)
        #expect(entry.categories == ["<b>gras</b>", "\"guillemets\""])
        // The HTML content keeps the item's markup as escaped text.
        #expect(entry.content == "<p>Un texte &lt;img src=x onerror=alert(2)&gt; &amp; du reste.</p>")
    }

    @Test func xmlEscapeDropsCharactersXMLForbids() {
        #expect(XML.escape("a\u{0}b\u{1b}c\u{7}d\te\nf\u{fffe}g") == "abcd\te\nfg")
        #expect(XML.escape("<a href='x'>&</a>") == "&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;")
    }

    @Test func uuidFromANameIsStableAndWellFormed() {
        let id = ContentHash.uuid("https://www.cpas-exemple.be\n2026-12-01-colis")
        #expect(id == ContentHash.uuid("https://www.cpas-exemple.be\n2026-12-01-colis"))
        #expect(id != ContentHash.uuid("https://www.cpas-exemple.be\n2026-12-01-colis-2"))
        let groups = id.split(separator: "-").map(\.count)
        #expect(groups == [8, 4, 4, 4, 12])
        #expect(id.split(separator: "-")[2].first == "8")
        #expect("89ab".contains(id.split(separator: "-")[3].first!))
    }
}
