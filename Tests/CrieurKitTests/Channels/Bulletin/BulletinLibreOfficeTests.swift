import Foundation
import Testing
@testable import CrieurKit

/// The "done" test of the bulletin: the repository's sample items go through the real
/// worker, `crieur bulletin --quarter 2026-T4` builds the draft from the
/// archive, and LibreOffice (headless) turns the `.fodt` and the `.odt` into
/// PDFs whose text holds that quarter's bulletin items and only those.
@Suite(.serialized) struct BulletinLibreOfficeTests {
    /// Bulletin items of other quarters, and one with markup in it, beside the sample corpus.
    static let summerItem = "Titre: Plan canicule : on vous appelle\nCanaux: bulletin\nPublication: 2026-07-01\nFin: 2026-08-31\n---\nIl fait très chaud ?\nLe CPAS vous appelle pour savoir si tout va bien.\n"
    static let winterItem = "Titre: Bourse aux vêtements d'hiver\nCanaux: bulletin, facebook\nPublication: 2027-01-15\nFin: 2027-02-28\n---\nVous cherchez un manteau ?\nVenez à la bourse aux vêtements.\n"
    static let hostileItem = "Titre: Atelier <script>alert(1)</script> & \"Cie\"\nCanaux: bulletin\nPublication: 2026-10-05\nFin: 2026-12-20\n---\nTexte <b>pas gras</b> & ]]> fin.\n"

    /// Fills the archive as a centre would over the year: the summer item in
    /// August, the corpus on 1 December, the winter item in January.
    private func workspaceWithAYearOfItems() throws -> TestWorkspace {
        let workspace = try TestWorkspace(extraConfig: "organisation: { name: \"CPAS de Exemple\", email: \"info@cpas-exemple.be\" }")
        try workspace.write(Self.summerItem, to: "queue/incoming/canicule.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-08-01T09:00")
        try TestCorpus.project.queue("items", in: workspace)
        try workspace.write(Self.hostileItem, to: "queue/incoming/balises.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2026-12-01T09:00")
        try workspace.write(Self.winterItem, to: "queue/incoming/vetements.txt")
        try WorkerTestSupport.runOnce(workspace, at: "2027-01-20T09:00")
        return workspace
    }

    @Test func sampleItemsGiveAT4DraftThatLibreOfficeOpensWithThatQuarterItemsOnly() throws {
        let workspace = try workspaceWithAYearOfItems()
        #expect(workspace.names("out/archive").count(where: { $0.hasSuffix(".json") }) == 7)

        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "2027-01-20T10:00:00", "bulletin", "--quarter", "2026-T4"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\(workspace.root)/out/bulletin/2026-T4.fodt"))
        #expect(result.stdout.contains("4 articles"))

        let pdfText = try LibreOffice.text(ofDocument: workspace.path("out/bulletin/2026-T4.fodt"), scratch: workspace.path("pdf"))
        // The zipped package carries the same document.
        let packageText = try LibreOffice.text(ofDocument: workspace.path("out/bulletin/2026-T4.odt"), scratch: workspace.path("pdf-odt"))
        #expect(packageText == pdfText)
        for title in ["Parler français autour d'un café", "Une aide pour vos factures d'énergie", "Bourse aux jouets le samedi 5 décembre"] {
            #expect(pdfText.contains(title), "\(title) is a bulletin item of 2026-T4")
        }
        for title in [
            "Plan canicule", "Bourse aux vêtements",                      // bulletin items of other quarters
            "Des dettes ? Parlons-en", "Le CPAS est fermé",                // not for the bulletin
            "Octroi de l'allocation de loyer",                             // refused as too hard to read
        ] {
            #expect(!pdfText.contains(title), "\(title) does not belong to the 2026-T4 bulletin")
        }
        #expect(pdfText.contains("Atelier <script>alert(1)</script> & \"Cie\""))
        #expect(pdfText.contains("Texte <b>pas gras</b> & ]]> fin."))
        #expect(pdfText.contains("Bulletin communal — 4e trimestre 2026"))
        #expect(pdfText.contains("E-mail : info@cpas-exemple.be"))
    }

    @Test func unknownQuarterIsAUsageErrorInFrench() throws {
        let workspace = try TestWorkspace()
        let result = try CrieurBinary.run(["--root", workspace.root, "bulletin", "--quarter", "2026-T5"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("« 2026-T5 » n'est pas un trimestre"))
        #expect(workspace.names("out/bulletin").isEmpty)
        #expect(try CrieurBinary.run(["--root", workspace.root, "bulletin"]).status == 64)
    }
}

/// LibreOffice headless and pdftotext, as the commune's editor's office software.
enum LibreOffice {
    /// Converts the document to PDF with its own LibreOffice profile (parallel
    /// runs would otherwise share one and clash), and returns the PDF's text
    /// with white space collapsed to single spaces.
    static func text(ofDocument path: String, scratch: String) throws -> String {
        try FileSystem.makeDirectory(scratch)
        let convert = try run("soffice", [
            "-env:UserInstallation=file://\(scratch)/profile", "--headless", "--convert-to", "pdf", "--outdir", scratch, path,
        ])
        let pdf = "\(scratch)/\(((path as NSString).lastPathComponent as NSString).deletingPathExtension).pdf"
        guard try FileSystem.info(pdf) != nil else {
            throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "soffice made no PDF: \(convert)"])
        }
        let text = try run("pdftotext", ["-enc", "UTF-8", pdf, "-"])
        return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    private static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
