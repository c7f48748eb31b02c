import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

private typealias W = WorkerTestSupport

/// Files that staff and attackers really drop into `incoming/`: each ends in
/// exactly one state, the worker never stops, and nothing from outside the
/// queue reaches `out/`.
@Suite struct WorkerHostileFileTests {
    private let now = "2026-11-20T12:00"

    /// Runs the worker once and checks the item ended in exactly `state`.
    @discardableResult
    private func process(_ name: String, in workspace: TestWorkspace, endsIn state: QueueState,
                         log: LogCollector = LogCollector(),
                         sourceLocation: SourceLocation = #_sourceLocation) throws -> [WorkerEvent] {
        let events = try W.runOnce(workspace, at: now, log: log)
        #expect(W.states(of: name, in: workspace) == [state], "states of \(name)", sourceLocation: sourceLocation)
        #expect(workspace.items(.incoming).isEmpty, sourceLocation: sourceLocation)
        #expect(workspace.items(.active).isEmpty, sourceLocation: sourceLocation)
        return events
    }

    private func onlyPost(_ workspace: TestWorkspace) throws -> String {
        let posts = W.facebookPosts(workspace)
        try #require(posts.count == 1, "posts: \(posts.keys.sorted())")
        return try #require(posts.values.first)
    }

    @Test func windows1252FileIsPublishedWithItsAccents() throws {
        let workspace = try TestWorkspace()
        let text = W.validItem(title: "Café solidaire à l'Étoile", body: "Venez goûter nos crêpes, c'est gratuit.")
        try workspace.write(try #require(text.data(using: .windowsCP1252)), to: "queue/incoming/cafe.txt")

        try process("cafe.txt", in: workspace, endsIn: .done)

        let post = try onlyPost(workspace)
        #expect(post.contains("Café solidaire à l'Étoile"))
        #expect(post.contains("Venez goûter nos crêpes, c'est gratuit."))
        #expect(!post.contains("\u{FFFD}"))
    }

    @Test(arguments: [false, true])
    func utf16FileIsPublishedWithItsAccents(bigEndian: Bool) throws {
        let workspace = try TestWorkspace()
        let text = W.validItem(title: "Fête de quartier", body: "Un goûter est prévu pour les élèves.")
        var bytes: [UInt8] = bigEndian ? [0xFE, 0xFF] : [0xFF, 0xFE]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += bigEndian ? pair.reversed() : pair
        }
        try workspace.write(Data(bytes), to: "queue/incoming/fete.txt")

        try process("fete.txt", in: workspace, endsIn: .done)

        let post = try onlyPost(workspace)
        #expect(post.contains("Fête de quartier"))
        #expect(post.contains("Un goûter est prévu pour les élèves."))
    }

    @Test func binaryFileNamedTxtIsRefused() throws {
        let workspace = try TestWorkspace()
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D]
        for i in 0..<2_000 { bytes.append(UInt8((i * 37 + 11) & 0xFF)) }
        try workspace.write(Data(bytes), to: "queue/incoming/photo.txt")

        try process("photo.txt", in: workspace, endsIn: .rejected)

        #expect(try W.report("photo.txt", in: workspace).contains("Annonce refusée"))
        #expect(W.facebookPosts(workspace).isEmpty)
    }

    @Test func twoMegabyteFileIsRefusedNamingTheLimit() throws {
        let workspace = try TestWorkspace()
        let body = String(repeating: "Une phrase assez longue pour remplir le fichier. ", count: 42_000)
        let text = W.validItem(body: body)
        #expect(text.utf8.count > 2_000_000)
        try workspace.write(text, to: "queue/incoming/enorme.txt")

        try process("enorme.txt", in: workspace, endsIn: .rejected)

        let report = try W.report("enorme.txt", in: workspace)
        #expect(report.contains("trop volumineux"))
        #expect(report.contains("limite est de 1 Mo"))
        #expect(W.facebookPosts(workspace).isEmpty)
    }

    @Test func symbolicLinkToASystemFileIsRefusedAndNeverFollowed() throws {
        let workspace = try TestWorkspace()
        #expect(symlink("/etc/passwd", workspace.layout.path(.incoming, "passwd.txt")) == 0)

        try process("passwd.txt", in: workspace, endsIn: .rejected)

        #expect(try FileSystem.info(workspace.layout.path(.rejected, "passwd.txt"))?.kind == .symbolicLink)
        #expect(try W.report("passwd.txt", in: workspace).contains("lien symbolique"))
        let leaked = W.outputs(workspace).filter { String(decoding: $0.value, as: UTF8.self).contains("root:") }
        #expect(leaked.isEmpty, "outside text in \(leaked.keys.sorted())")
    }

    @Test func symbolicLinkToAValidItemOutsideTheQueueIsRefused() throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(title: "Secret du dehors"), to: "ailleurs/annonce.txt")
        #expect(symlink(workspace.path("ailleurs/annonce.txt"), workspace.layout.path(.incoming, "raccourci.txt")) == 0)

        try process("raccourci.txt", in: workspace, endsIn: .rejected)

        #expect(W.facebookPosts(workspace).isEmpty)
        #expect(try workspace.read("ailleurs/annonce.txt").contains("Secret du dehors"))
    }

    @Test func hardLinkIsRefused() throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(title: "Lien physique"), to: "ailleurs/annonce.txt")
        #expect(link(workspace.path("ailleurs/annonce.txt"), workspace.layout.path(.incoming, "lien.txt")) == 0)

        try process("lien.txt", in: workspace, endsIn: .rejected)

        #expect(try W.report("lien.txt", in: workspace).contains("lien physique"))
        #expect(W.facebookPosts(workspace).isEmpty)
    }

    @Test(.timeLimit(.minutes(1)))
    func fifoIsRefusedWithoutHangingTheWorker() throws {
        let workspace = try TestWorkspace()
        #expect(mkfifo(workspace.layout.path(.incoming, "tube.txt"), 0o600) == 0)

        try process("tube.txt", in: workspace, endsIn: .rejected)

        #expect(try FileSystem.info(workspace.layout.path(.rejected, "tube.txt"))?.kind == .other)
        #expect(try W.report("tube.txt", in: workspace).contains("pas un fichier ordinaire"))
    }

    /// Named cases: the characters themselves would garble the test log.
    @Test(arguments: [
        ("bell", "\u{07}", "Ligne 1"), ("escape", "\u{1B}[31m", "Ligne 1"), ("vertical tab", "\u{0B}", "Ligne 1"),
        ("right-to-left override", "\u{202E}", "Ligne 1"), ("NUL", "\u{0}", "n'est pas un texte"),
    ])
    func controlCharacterInTitleIsRefused(what: String, control: String, reportSays: String) throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(title: "Bonjour\(control)piège"), to: "queue/incoming/piege.txt")

        try process("piege.txt", in: workspace, endsIn: .rejected)

        #expect(try W.report("piege.txt", in: workspace).contains(reportSays), "\(what)")
        #expect(W.facebookPosts(workspace).isEmpty)
    }

    @Test func markupAndTemplateSyntaxArePublishedLiterallyAndEscapedInTheIndex() throws {
        let workspace = try TestWorkspace()
        let title = "Atelier <script>alert(1)</script> {{titre}}"
        let body = "Texte <b>gras</b> et {{prenom}} <img src=x onerror=alert(2)>."
        try workspace.write(W.validItem(title: title, body: body), to: "queue/incoming/balises.txt")

        try process("balises.txt", in: workspace, endsIn: .done)

        let post = try onlyPost(workspace)
        #expect(post.contains("<script>alert(1)</script> {{titre}}"))
        #expect(post.contains("<b>gras</b> et {{prenom}} <img src=x onerror=alert(2)>"))
        let index = try workspace.read("out/facebook/index.html")
        #expect(!index.contains("<script>alert"))
        #expect(!index.contains("<b>gras"))
        #expect(!index.contains("<img src=x"))
        #expect(index.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(index.contains("&lt;img src=x onerror=alert(2)&gt;"))
        #expect(index.contains("{{titre}}"))  // no template engine replaced it
        #expect(index.contains("{{prenom}}"))
    }

    @Test func pictureBesideTheItemIsCopiedToOutAndKeptAsSidecar() throws {
        let workspace = try TestWorkspace()
        let picture = Data([0xFF, 0xD8, 0xFF, 0xE0] + (0..<500).map { UInt8($0 & 0xFF) })
        try workspace.write(picture, to: "queue/incoming/affiche.jpg")
        try workspace.write(
            W.validItem(title: "Bourse aux vêtements", extraHeader: "Image: affiche.jpg\nTexte alternatif: Des vêtements sur une table\n"),
            to: "queue/incoming/bourse.txt")

        try process("bourse.txt", in: workspace, endsIn: .done)

        #expect(workspace.names("queue/incoming").isEmpty)
        let sidecar = try Data(contentsOf: URL(fileURLWithPath: workspace.path("queue/done/bourse.txt--affiche.jpg")))
        #expect(sidecar == picture)
        let copies = W.outputs(workspace).filter { $0.key.hasPrefix("out/facebook/") && $0.key.hasSuffix(".jpg") }
        #expect(copies.count == 1)
        #expect(copies.first?.value == picture)
        #expect(copies.first?.key == "out/facebook/2026-11-20-bourse-aux-vetements-affiche.jpg")
        #expect(try onlyPost(workspace).contains("Des vêtements sur une table"))
    }

    @Test func pictureThatIsALinkToASystemFileIsNeverPublished() throws {
        let workspace = try TestWorkspace()
        #expect(symlink("/etc/passwd", workspace.layout.path(.incoming, "affiche.jpg")) == 0)
        try workspace.write(W.validItem(extraHeader: "Image: affiche.jpg\nTexte alternatif: Une affiche\n"),
                            to: "queue/incoming/lien-image.txt")

        try process("lien-image.txt", in: workspace, endsIn: .rejected)

        #expect(try W.report("lien-image.txt", in: workspace).contains("« affiche.jpg »"))
        let leaked = W.outputs(workspace).filter { String(decoding: $0.value, as: UTF8.self).contains("root:") }
        #expect(leaked.isEmpty, "outside text in \(leaked.keys.sorted())")
        #expect(!W.outputs(workspace).keys.contains { $0.hasSuffix(".jpg") })
    }

    @Test func pictureWithASecondHardLinkIsRefused() throws {
        let workspace = try TestWorkspace()
        try workspace.write(Data([0xFF, 0xD8, 0xFF, 0xE0, 9, 9]), to: "ailleurs/affiche.jpg")
        #expect(link(workspace.path("ailleurs/affiche.jpg"), workspace.layout.path(.incoming, "affiche.jpg")) == 0)
        try workspace.write(W.validItem(extraHeader: "Image: affiche.jpg\nTexte alternatif: Une affiche\n"),
                            to: "queue/incoming/lien-dur.txt")

        try process("lien-dur.txt", in: workspace, endsIn: .rejected)

        #expect(try W.report("lien-dur.txt", in: workspace).contains("lien physique"))
        #expect(!W.outputs(workspace).keys.contains { $0.hasSuffix(".jpg") })
    }

    @Test func missingPictureIsRefusedInFrench() throws {
        let workspace = try TestWorkspace()
        try workspace.write(
            W.validItem(extraHeader: "Image: absente.jpg\nTexte alternatif: Une affiche\n"),
            to: "queue/incoming/sans-image.txt")

        try process("sans-image.txt", in: workspace, endsIn: .rejected)

        let report = try W.report("sans-image.txt", in: workspace)
        #expect(report.contains("L'image « absente.jpg » n'est pas à côté de l'annonce."))
        #expect(report.contains("Déposez d'abord l'image"))
        #expect(W.facebookPosts(workspace).isEmpty)
    }

    @Test func newlineInAFileNameNeverForgesALogLine() throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(), to: "queue/incoming/bonne\n2026-11-20 ERREUR faux.txt")
        try workspace.write("Titre: x\n---\n", to: "queue/incoming/mauvaise\r\nfausse ligne.txt")
        let log = LogCollector()

        try W.runOnce(workspace, at: now, log: log)

        #expect(W.states(of: "bonne\n2026-11-20 ERREUR faux.txt", in: workspace) == [.done])
        #expect(W.states(of: "mauvaise\r\nfausse ligne.txt", in: workspace) == [.rejected])
        #expect(log.lines.count >= 2)
        for line in log.lines {
            #expect(!line.contains { $0.isNewline }, "log line with a line break: \(line.debugDescription)")
        }
    }

    @Test func hostileFilesTogetherEachEndInOneStateAndNothingLeaks() throws {
        let workspace = try TestWorkspace()
        #expect(symlink("/etc/passwd", workspace.layout.path(.incoming, "passwd.txt")) == 0)
        #expect(symlink("/etc/shadow", workspace.layout.path(.incoming, "shadow")) == 0)
        #expect(mkfifo(workspace.layout.path(.incoming, "tube"), 0o600) == 0)
        try workspace.write(Data([0, 1, 2, 3, 0xFF, 0xFE, 0]), to: "queue/incoming/binaire.txt")
        try workspace.write(Data(), to: "queue/incoming/vide.txt")
        try workspace.write(W.validItem(title: "Correcte"), to: "queue/incoming/correcte.txt")

        try W.runOnce(workspace, at: now)

        for name in ["passwd.txt", "shadow", "tube", "binaire.txt", "vide.txt"] {
            #expect(W.states(of: name, in: workspace) == [.rejected], "\(name)")
        }
        #expect(W.states(of: "correcte.txt", in: workspace) == [.done])
        #expect(W.facebookPosts(workspace).count == 1)
        let leaked = W.outputs(workspace).filter { String(decoding: $0.value, as: UTF8.self).contains("root:") }
        #expect(leaked.isEmpty)
    }
}
