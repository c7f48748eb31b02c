import Foundation
@testable import CrieurKit

/// The repository's sample directory (`samples/directory/`, 40 services of a
/// fictional Walloon commune), read here with plain string splitting, not with
/// the parser under test, so that the tests' expectations come from the files.
struct SampleDirectory {
    struct Service {
        var id: String
        var name: String
        var organisation: String
        var themes: [String]
        var checked: String?
        /// The file's text without the e-mail and website lines, folded, as the search sees it.
        var searchable: String
    }

    static let folder: String = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<5 { url.deleteLastPathComponent() }  // file, Directory, Channels, CrieurKitTests, Tests
        return url.appendingPathComponent("samples/directory").path
    }()

    let services: [Service]

    init() throws {
        var services: [Service] = []
        for name in try FileSystem.names(in: Self.folder) where name.hasSuffix(".txt") {
            let text = try String(contentsOfFile: "\(Self.folder)/\(name)", encoding: .utf8)
            var fields: [String: String] = [:]
            for line in text.split(separator: "\n").prefix(while: { $0 != "---" }) {
                let parts = line.split(separator: ":", maxSplits: 1)
                fields[String(parts[0])] = parts[1].trimmingCharacters(in: .whitespaces)
            }
            let searchable = text.split(separator: "\n").filter { !$0.hasPrefix("E-mail:") && !$0.hasPrefix("Site:") }
                .joined(separator: " ")
            services.append(Service(
                id: String(name.dropLast(4)), name: fields["Nom"]!, organisation: fields["Organisme"]!,
                themes: fields["Thèmes"]!.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) },
                checked: fields["Vérifié le"], searchable: Self.fold(searchable)))
        }
        self.services = services
    }

    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
    }

    /// Ids of the services whose text holds every word.
    func matching(_ words: [String]) -> Set<String> {
        Set(services.filter { service in words.allSatisfy { service.searchable.contains(Self.fold($0)) } }.map(\.id))
    }

    /// A workspace holding the samples in `directory/`.
    static func workspace() throws -> TestWorkspace {
        let workspace = try TestWorkspace(extraConfig: "organisation: { name: \"CPAS de Mirevaux\" }")
        for name in try FileSystem.names(in: folder) {
            try workspace.write(try Data(contentsOf: URL(fileURLWithPath: "\(folder)/\(name)")), to: "directory/\(name)")
        }
        return workspace
    }
}
