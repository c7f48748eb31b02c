import Foundation
import Testing
@testable import CrieurKit

/// The directory in the commands staff run: `init` makes `directory/`, `demo`
/// copies the sample directory and writes the bottin, `status` and `report`
/// list the entries « à vérifier » and the refused files.
struct DirectoryWiringCommandTests {
    @Test func initCreatesTheDirectoryFolder() throws {
        let scratch = try TestWorkspace()
        let root = scratch.path("neuf")
        #expect(try CrieurBinary.run(["init", root]).status == 0)
        #expect(try FileSystem.info("\(root)/directory")?.kind == .directory)
    }

    @Test func demoCopiesTheSampleDirectoryAndWritesTheBottin() throws {
        let scratch = try TestWorkspace()
        let root = scratch.path("demo")
        let result = try CrieurBinary.run(["--now", "2026-12-07T10:30:00", "demo", root],
                                          environment: ["CRIEUR_SAMPLES": CommandLineTests.samples])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Bottin social : 40 fiches de services copiées dans directory/"))
        #expect(result.stdout.contains("out/directory/bottin.html"))
        let demo = Workspace(root: root)
        let samples = try SampleDirectory()
        let bottin = try String(contentsOfFile: demo.path("out/directory/bottin.html"), encoding: .utf8)
        for service in samples.services { #expect(bottin.contains(HTML.escape(service.name)), "\(service.name) in the bottin") }
        #expect(try FileSystem.info(demo.path("out/directory/recherche.html"))?.kind == .regular)
        // The week's service, published like an item.
        #expect(result.stdout.contains("Publiée : « service-de-la-semaine-2026-12-07.txt »"))
        #expect(try FileSystem.names(in: demo.path("out/facebook")).contains { $0.hasPrefix("2026-12-07-service-de-la-semaine-") })
    }

    @Test func statusAndReportListEntriesToCheckAndRefusedFiles() throws {
        let workspace = try SampleDirectory.workspace()
        try workspace.write("Nom: Sans thème\n---\nUn texte.\n", to: "directory/sans-theme.txt")
        let status = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T10:30:00", "status"])
        #expect(status.status == 0, "\(status.stderr)")
        #expect(status.stdout.contains("Bottin social : 40 services, 3 à vérifier, 1 fiche refusée."), "\(status.stdout)")
        #expect(status.stdout.contains("Vestiaire social (directory/vestiaire.txt) — jamais vérifié"))
        #expect(status.stdout.contains("Aide pour le permis de conduire (directory/permis-conduire.txt) — vérifié le 2025-02-10"))
        #expect(status.stdout.contains("    directory/sans-theme.txt"))
        let json = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T10:30:00", "status", "--format", "json"])
        struct Status: Decodable { var directory: DirectoryStatus.Summary }
        let directory = try JSONDecoder().decode(Status.self, from: Data(json.stdout.utf8)).directory
        #expect(directory.services == 40 && directory.toCheck.count == 3 && directory.refused == ["sans-theme.txt"], "\(directory)")
        #expect(directory.toCheck.contains("vestiaire.txt"))

        _ = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T10:30:00", "directory", "week"])
        let report = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T10:30:00", "report", "--quarter", "2026-T4"])
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("Bottin social\n- Services dans le bottin : 40\n- Services de la semaine présentés : 1\n"), "\(report.stdout)")
        #expect(report.stdout.contains("- Fiches à vérifier (informations trop anciennes) : 3\n"))
        #expect(report.stdout.contains("  - Vestiaire social (directory/vestiaire.txt)\n"))
        #expect(report.stdout.contains("- Fiches refusées, absentes du bottin : 1\n  - directory/sans-theme.txt"))
    }

    @Test func aWorkspaceWithoutDirectoryShowsNoBottinInStatus() throws {
        let workspace = try TestWorkspace()
        let status = try CrieurBinary.run(["--root", workspace.root, "status"])
        #expect(status.status == 0)
        #expect(!status.stdout.contains("Bottin social"))
    }
}
