import Foundation
import Testing
@testable import CrieurKit

/// The sample directory goes through `crieur directory publish`; LibreOffice
/// (run by crieur itself) makes the PDF, and `pdftotext` reads it back: every
/// service is printed under each of its themes and under no other, and the
/// index gives each service with the numbers of exactly its themes.
@Suite(.serialized) struct BottinLibreOfficeTests {
    @Test func theSampleBottinPrintsEachServiceUnderItsThemesWithAnIndexThatAgrees() throws {
        let samples = try SampleDirectory()
        #expect(samples.services.count == 40)
        let workspace = try SampleDirectory.workspace()
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T09:00:00", "directory", "publish"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("Bottin de 40 services"))
        let pdf = workspace.path("out/directory/bottin.pdf")
        #expect(try FileSystem.info(pdf) != nil, "LibreOffice (soffice) must be installed for this test: \(result.stderr)")
        let text = String(decoding: try ExternalProgram.run(["pdftotext", "-enc", "UTF-8", pdf, "-"]), as: UTF8.self)
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }

        // The table of themes: « 3. Emploi (4) », with the count the files give.
        var expected: [String: Set<String>] = [:]
        for service in samples.services {
            for theme in service.themes { expected[SampleDirectory.fold(theme), default: []].insert(service.name) }
        }
        var numbers: [String: Int] = [:], names: [Int: String] = [:]
        for line in lines {
            guard let match = line.wholeMatch(of: /(\d+)\. (.+) \((\d+)\)/) else { continue }
            let number = Int(match.1)!, theme = String(match.2)
            numbers[SampleDirectory.fold(theme)] = number
            names[number] = theme
            #expect(Int(match.3) == expected[SampleDirectory.fold(theme)]?.count, "count of \(theme)")
        }
        #expect(Set(numbers.keys) == Set(expected.keys))
        #expect(names.keys.sorted() == Array(1...expected.count))

        // Each theme's section holds exactly its services, by name.
        let allNames = Set(samples.services.map(\.name))
        guard let indexStart = lines.firstIndex(of: "Index des services") else {
            Issue.record("no index in the PDF")
            return
        }
        var current: String?
        var found: [String: [String]] = [:]
        var previous = ""
        for line in lines[..<indexStart] {
            // A service whose organisation bears its name prints that name twice in a row.
            defer { previous = line }
            if line == previous { continue }
            if let match = line.wholeMatch(of: /(\d+)\. (.+)/), let number = Int(match.1), names[number] == String(match.2) {
                current = SampleDirectory.fold(String(match.2))
            } else if let current, allNames.contains(line) {
                found[current, default: []].append(line)
            }
        }
        for (theme, services) in expected {
            #expect(Set(found[theme] ?? []) == services, "services under \(theme)")
            #expect(found[theme]?.count == services.count, "each service once under \(theme)")
            #expect(found[theme] == found[theme]?.sorted { SampleDirectory.fold($0) < SampleDirectory.fold($1) }, "sorted by name")
        }

        // The index: every service, by name, with the numbers of its themes.
        let index = lines[(indexStart + 1)...].joined(separator: " ").split(separator: " ").joined(separator: " ")
        var positions: [String.Index] = []
        for service in samples.services.sorted(by: { SampleDirectory.fold($0.name) < SampleDirectory.fold($1.name) }) {
            let refs = service.themes.map { numbers[SampleDirectory.fold($0)]! }.sorted().map { "\($0). \(names[$0]!)" }
            let row = "\(service.name) (\(service.organisation)) — \(refs.joined(separator: ", "))"
            guard let range = index.range(of: row) else {
                Issue.record("index row missing: \(row)")
                continue
            }
            positions.append(range.lowerBound)
        }
        #expect(positions == positions.sorted(), "the index is in alphabetical order")

        // Entries not checked for twelve months are marked, with their date.
        #expect(text.contains("À vérifier : ces informations n'ont pas de date de vérification."))
        #expect(text.contains("À vérifier : informations vérifiées le lundi 10 février 2025."))
    }

    @Test func staffTextCannotInjectMarkupIntoTheBottin() throws {
        let workspace = try TestWorkspace()
        try workspace.write("""
            Nom: Atelier <b>gras</b> & "Cie" ]]>
            Thèmes: <script>alert(1)</script>
            Téléphone: 084 31 20 50
            Vérifié le: 2026-11-01
            ---
            Texte <i>pas italique</i> & fin.
            """, to: "directory/atelier.txt")
        let result = try CrieurBinary.run(["--root", workspace.root, "--now", "2026-12-07T09:00:00", "directory", "publish"])
        #expect(result.status == 0, "\(result.stderr)")
        let html = try workspace.read("out/directory/bottin.html") + (try workspace.read("out/directory/recherche.html"))
        #expect(!html.contains("<b>gras") && !html.contains("<script>alert") && !html.contains("<i>pas"))
        #expect(html.contains("Atelier &lt;b&gt;gras&lt;/b&gt; &amp; &quot;Cie&quot; ]]&gt;"))
        let pdf = String(decoding: try ExternalProgram.run(["pdftotext", "-enc", "UTF-8", workspace.path("out/directory/bottin.pdf"), "-"]), as: UTF8.self)
        #expect(pdf.contains("Atelier <b>gras</b> & \"Cie\" ]]>"))
        #expect(pdf.contains("Texte <i>pas italique</i> & fin."))
        let json = try JSONSerialization.jsonObject(with: Data(try workspace.read("out/directory/annuaire.json").utf8)) as? [String: Any]
        let services = json?["services"] as? [[String: Any]]
        #expect(services?.first?["themes"] as? [String] == ["<script>alert(1)</script>"])
    }
}
