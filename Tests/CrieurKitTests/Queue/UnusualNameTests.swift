import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

private typealias W = WorkerTestSupport

/// Names that used to leave a file in `incoming/` for ever: each now ends in
/// exactly one state, with a log line or a report saying why.
@Suite struct UnusualNameTests {
    private let now = "2026-11-20T12:00"

    /// Creates `folder/NAME` where NAME is raw bytes (not UTF-8), as Samba writes them.
    private func writeRaw(_ name: [UInt8], in folder: String, _ text: String) throws {
        let path = Array(folder.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT | O_EXCL, 0o644) }
        }
        try #require(fd >= 0)
        try FileSystem.writeAll(fd: fd, data: Data(text.utf8), path: folder)
        close(fd)
    }

    private let cafe: [UInt8] = Array("caf".utf8) + [0xE9] + Array(".txt".utf8)

    @Test func aNameThatIsNotUTF8IsRenamedLoggedAndPublished() throws {
        let workspace = try TestWorkspace()
        let incoming = workspace.layout.directory(.incoming)
        try writeRaw(cafe, in: incoming, W.validItem(title: "Café solidaire"))
        // The readable name is taken: the second one gets the next free variant.
        try workspace.write(W.validItem(title: "Autre café"), to: "queue/incoming/café.txt")
        let log = LogCollector()

        try W.runOnce(workspace, at: now, log: log)

        #expect(W.states(of: "café.txt", in: workspace) == [.done])
        #expect(W.states(of: "café-2.txt", in: workspace) == [.done])
        #expect(try FileSystem.rawNames(in: incoming).isEmpty)
        #expect(log.lines.contains { $0.contains("« caf\\xE9.txt » : nom de fichier illisible") && $0.contains("« café-2.txt »") },
                "\(log.lines)")
    }

    @Test func statusNamesAFileWhoseNameIsNotUTF8WithoutCountingItAsAnItem() throws {
        let workspace = try TestWorkspace()
        try writeRaw(cafe, in: workspace.layout.directory(.incoming), W.validItem())

        let status = try QueueStatus.read(workspace.layout, calendar: W.brussels)

        #expect(status.counts["incoming"] == 0)
        #expect(status.unreadableNames == ["caf\\xE9.txt"])
        #expect(status.text().contains("« caf\\xE9.txt »"))
    }

    @Test(arguments: [
        ([0x63, 0x61, 0x66, 0xE9], "café", "caf\\xE9"),
        ([0x81, 0x41], "_A", "\\x81A"),
        (Array("déjà".utf8) + [0xFF], "déjàÿ", "déjà\\xFF"),
    ] as [([UInt8], String, String)])
    func unreadableBytesAreReadAsWindows1252AndEscapedForLogs(bytes: [UInt8], readable: String, escaped: String) {
        let name = RawFileName(bytes)
        #expect(name.string == nil)
        #expect(name.readable == readable)
        #expect(name.escaped == escaped)
    }

    @Test func aFileNamedLikeAReportIsRefusedUnreadWithItsOwnReport() throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(), to: "queue/incoming/atelier.rapport.txt")
        #expect(try QueueStatus.read(workspace.layout, calendar: W.brussels).counts["incoming"] == 1)

        try W.runOnce(workspace, at: now)

        let rejected = Set(try FileSystem.names(in: workspace.layout.directory(.rejected)))
        #expect(rejected == ["atelier-rapport.txt", "atelier-rapport.txt.rapport.txt"])
        #expect(try FileSystem.names(in: workspace.layout.directory(.incoming)).isEmpty)
        let report = try W.report("atelier-rapport.txt", in: workspace)
        #expect(report.contains("réserve à ses rapports de refus"))
        #expect(W.facebookPosts(workspace).isEmpty)
    }

    @Test func aPictureThatIsASymbolicLinkIsNamedInTheReportAndLeavesIncoming() throws {
        let workspace = try TestWorkspace()
        try workspace.write("jpg", to: "ailleurs/vraie.jpg")
        #expect(symlink(workspace.path("ailleurs/vraie.jpg"), workspace.layout.path(.incoming, "affiche.jpg")) == 0)
        try workspace.write(W.validItem(extraHeader: "Image: affiche.jpg\nTexte alternatif: Une affiche\n"),
                            to: "queue/incoming/avec-lien.txt")

        try W.runOnce(workspace, at: now)

        #expect(W.states(of: "avec-lien.txt", in: workspace) == [.rejected])
        #expect(try FileSystem.names(in: workspace.layout.directory(.incoming)).isEmpty)
        let report = try W.report("avec-lien.txt", in: workspace)
        #expect(report.contains("Image « affiche.jpg » : ce fichier est un raccourci (lien symbolique)"), "\(report)")
        #expect(!report.contains("n'est pas à côté"))
        #expect(try FileSystem.info(workspace.layout.path(.rejected, "avec-lien.txt--affiche.jpg"))?.kind == .symbolicLink)
    }

    @Test(arguments: ["atelier.rapport.txt", "~$atelier.txt", ".atelier.txt", "atelier.tmp"])
    func enqueueRefusesANameTheWorkerWouldNeverTakeAsAnItem(name: String) throws {
        let workspace = try TestWorkspace()
        try workspace.write(W.validItem(), to: "brouillons/\(name)")
        let config = try workspace.config()
        let enqueuer = Enqueuer(workspace: workspace.workspace, config: config,
                                publishers: Publishers.all(config, workspace: workspace.workspace))
        let checked = try #require(enqueuer.checkAll([workspace.path("brouillons/\(name)")], now: W.date("2026-12-01T10:00")).first)
        #expect(checked.problems.count == 1)
        #expect(checked.problems.first?.message.contains("« \(name) »") == true)
    }

    @Test func checkOfANameTheCommandLineCouldNotDecodeSaysSoInFrench() {
        // What CommandLine.arguments makes of caf\xE9.txt.
        #expect(throws: ItemRejection.self) { try ItemFile.read("/tmp/caf\u{FFFD}.txt", maxBytes: 1_000) }
        do {
            _ = try ItemFile.read("/tmp/caf\u{FFFD}.txt", maxBytes: 1_000)
        } catch let rejection as ItemRejection {
            #expect(rejection.problems.first?.message.contains("pas écrit en UTF-8") == true)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }
}
