import Foundation
import Testing
@testable import CrieurKit

/// A fortnight of a CPAS's announcements through the real `crieur` command at
/// fixed `--now` values — a correction, a withdrawal, a copy, a recurring
/// reminder — then every public output read by a real reader: the screen in
/// headless Chromium at the display's date, the feed in Python's XML parser,
/// the Facebook page, the archive, and the newsletter issue as aiosmtpd
/// received it. Each shows exactly the current version of each item, never two
/// versions, never a withdrawn one, and « Quand » as the item says it.
@Suite("Announcements over time, end to end", .serialized)
struct LifecycleEndToEndTests {
    static let colis = """
        Titre: Colis de Noël
        Canaux: ecran, facebook, newsletter
        Publication: 01/12/2026
        Quand: jeudi 17 décembre 2026 de 13 h à 16 h
        Lieu: CPAS, entrée par la cour
        ---
        Le CPAS donne des colis de Noël aux familles inscrites.

        """
    static let permanence = """
        Titre: Permanence logement
        Canaux: ecran, facebook, newsletter
        Publication: 01/12/2026
        Quand: 15/12/2026 de 9 h à 12 h
        ---
        Une assistante sociale répond à vos questions sur le logement.

        """
    static let jardin = """
        Titre: Le jardin partagé
        Canaux: ecran, newsletter
        Publication: 01/12/2026
        Fin: 31/12/2026
        ---
        Venez planter des légumes avec vos voisins.

        """
    static let chauffage = """
        Titre: Allocation de chauffage
        Canaux: ecran, facebook
        Publication: 01/12/2026
        Fin: 31/12/2026
        Répéter: chaque année
        ---
        Le CPAS aide à payer le mazout. Demandez l'allocation de chauffage.

        """

    private func crieur(_ workspace: TestWorkspace, _ now: String, _ arguments: [String], smtp: SMTPTestServer? = nil) throws -> CrieurBinary.Result {
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", now] + arguments,
                                          environment: smtp.map { ["CRIEUR_SMTP_URL": $0.url] } ?? [:])
        return result
    }

    private func drop(_ workspace: TestWorkspace, _ name: String, _ text: String) throws {
        try workspace.write(text, to: "queue/incoming/\(name)")
    }

    @Test func everyOutputShowsExactlyTheCurrentVersionOfEachItem() throws {
        let workspace = try TestWorkspace(extraConfig: """
            organisation: { name: "CPAS de Exemple", email: "info@cpas-exemple.be", address: "Rue de la Gare 1, 4000 Liège" },
            """)
        let smtp = try SMTPTestServer(.aiosmtpd)

        for address in ["lea@exemple.be", "marc@exemple.be"] {
            #expect(try crieur(workspace, "2026-11-30T09:00:00", ["subscribers", "add", address, "--source", "formulaire papier n° 12"]).status == 0)
        }

        // 1 December: four announcements; the newsletter's first issue takes the three for it.
        for (name, text) in [("colis.txt", Self.colis), ("permanence.txt", Self.permanence),
                             ("jardin.txt", Self.jardin), ("chauffage.txt", Self.chauffage)] {
            try drop(workspace, name, text)
        }
        let firstRun = try crieur(workspace, "2026-12-01T10:00:00", ["work", "--once"], smtp: smtp)
        #expect(firstRun.status == 0, "\(firstRun.stderr)")
        let first = try smtp.received()
        #expect(first.count == 2, "one message per subscriber")
        #expect(try first.allSatisfy { try ParsedMail.parse($0.data).parts[0].text.contains("le jeudi 17 décembre de 13 h à 16 h") })

        // 2 December: the parcels move to Friday, the housing desk is cancelled, the garden is saved twice.
        try drop(workspace, "colis.txt", Self.colis.replacingOccurrences(of: "jeudi 17", with: "vendredi 18"))
        try drop(workspace, "jardin (copie).txt", Self.jardin)
        #expect(try crieur(workspace, "2026-12-02T10:00:00", ["work", "--once"], smtp: smtp).status == 0)
        let withdraw = try crieur(workspace, "2026-12-02T11:00:00", ["withdraw", "permanence", "--reason", "l'assistante est malade"])
        #expect(withdraw.status == 0, "\(withdraw.stderr)")
        #expect(workspace.items(.rejected) == ["jardin (copie).txt"])

        // 7 December, 9:05: the next issue, as the mail server received it.
        let sending = try crieur(workspace, "2026-12-07T09:05:00", ["work", "--once"], smtp: smtp)
        #expect(sending.status == 0, "\(sending.stderr)")
        let next = try smtp.received().dropFirst(first.count)
        #expect(next.count == 2, "one message per subscriber")
        for message in next {
            let text = try ParsedMail.parse(message.data).parts[0].text
            #expect(text.contains("Rectificatif : Colis de Noël"), "\(text)")
            #expect(text.contains("le vendredi 18 décembre de 13 h à 16 h"))
            #expect(!text.contains("jeudi 17"), "never the old version")
            #expect(!text.contains("jardin"), "the copy adds nothing, and the garden went out already")
            #expect(!text.contains("Permanence logement"), "never a withdrawn item")
        }

        // The screen, at the display's own date, in a real browser.
        let page = "file://\(workspace.path("out/slides/index.html"))?maintenant=2026-12-07T10:00:00%2B01:00"
        let dom = ScreenDOM(try HeadlessChromium.dumpDOM(page))
        #expect(dom.currentTitles == ["Colis de Noël", "Le jardin partagé", "Allocation de chauffage"])
        #expect(dom.slides.filter { $0.title == "Colis de Noël" }.count == 1)
        let colisSlide = try #require(dom.slide(titled: "Colis de Noël"))
        #expect(ScreenDOM.unescape(colisSlide.markup).contains("le vendredi 18 décembre de 13 h à 16 h"))
        #expect(!dom.html.contains("jeudi 17") && !dom.html.contains("Permanence logement"))

        // The feed, in Python's XML parser: one entry per item, the withdrawn one marked cancelled.
        let feed = try ExternalProgram.python("""
            import sys, xml.etree.ElementTree as ET
            ns = {"a": "http://www.w3.org/2005/Atom"}
            for entry in ET.parse(sys.argv[1]).getroot().findall("a:entry", ns):
                content = entry.find("a:content", ns).text or ""
                print(entry.find("a:id", ns).text + "\\t" + entry.find("a:title", ns).text + "\\t" + content.replace("\\n", " "))
            """, [workspace.path("out/feed/atom.xml")])
        let entries = feed.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        #expect(Set(entries.map { $0[0] }).count == entries.count, "ids are unique")
        #expect(entries.map { $0[1] }.sorted() == ["Allocation de chauffage", "Annulé : Permanence logement", "Colis de Noël", "Le jardin partagé"])
        let colisEntry = try #require(entries.first { $0[1] == "Colis de Noël" })
        #expect(colisEntry[2].contains("le vendredi 18 décembre de 13 h à 16 h") && !colisEntry[2].contains("jeudi 17"))

        // The Facebook page: one post per item, the corrected one to edit, the withdrawn one to take down.
        let posts = WorkerTestSupport.facebookPosts(workspace)
        let colisPosts = posts.values.filter { $0.hasPrefix("Colis de Noël") }
        #expect(colisPosts.count == 1)
        #expect(colisPosts.first?.contains("Quand : le vendredi 18 décembre de 13 h à 16 h") == true, "\(colisPosts)")
        #expect(colisPosts.first?.contains(FacebookPostFile.correctedMark) == true)
        let permanencePost = try #require(posts.values.first { $0.hasPrefix("Permanence logement") })
        #expect(permanencePost.contains(FacebookPostFile.withdrawnMark) && permanencePost.contains("l'assistante est malade"))
        #expect(!posts.values.contains { $0.contains("jeudi 17") })

        // The archive keeps every version but names one current version per item.
        let current = try workspace.workspace.archive.load().items
        #expect(Dictionary(uniqueKeysWithValues: current.map { ($0.identity, $0.versionNumber) })
                == ["colis": 2, "permanence": 2, "jardin": 1, "chauffage": 1])
        #expect(current.filter(\.isWithdrawn).map(\.identity) == ["permanence"])
        #expect(try workspace.workspace.archive.loadHistory().items.count == 6)

        // `list` finds them all, the reminder with its next year.
        let list = try crieur(workspace, "2026-12-07T10:00:00", ["list"])
        #expect(list.stdout.contains("chauffage — « Allocation de chauffage »"))
        #expect(list.stdout.contains("revient le mercredi 1er décembre 2027"), "\(list.stdout)")
        #expect(list.stdout.contains("raison du retrait : l'assistante est malade"))

        // A year later the reminder is back by itself, and the rest is gone.
        #expect(try crieur(workspace, "2027-12-02T10:00:00", ["work", "--once"]).status == 0)
        let nextYear = ScreenDOM(try HeadlessChromium.dumpDOM(
            "file://\(workspace.path("out/slides/index.html"))?maintenant=2027-12-02T10:00:00%2B01:00"))
        #expect(nextYear.currentTitles == ["Allocation de chauffage"])
    }
}
