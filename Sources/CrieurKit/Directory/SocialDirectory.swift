import Foundation

/// The social directory as read from `directory/` in the workspace: the
/// entries that can be published, and the files that cannot, each with its
/// French problems. One file per service, `NAME.txt`; other names, hidden
/// files and `.tmp`/`.part` files are ignored. A missing folder is an empty
/// directory.
///
/// An entry is refused when its file cannot be read as a directory entry
/// (`DirectoryEntryParser`), when its text is too hard to read for the
/// directory's profile (`DirectoryReadability`), or when another file already
/// gives the same identity. Nothing is moved or deleted: staff fix the file in
/// place and the next run reads it again. Throws only when the folder itself
/// cannot be read.
public struct SocialDirectory: Sendable {
    public var entries: [DirectoryEntry]
    public var refusals: [Refusal]

    public struct Refusal: Sendable {
        public var fileName: String
        public var problems: [ItemProblem]
        /// The sentences to rewrite, when the text is too hard to read.
        public var readabilityDetails: String?
    }

    public static func folder(of workspace: Workspace) -> String { workspace.path("directory") }

    public static func read(
        folder: String, parser: DirectoryEntryParser = DirectoryEntryParser(), readability: DirectoryReadability
    ) throws -> SocialDirectory {
        guard try FileSystem.info(folder)?.kind == .directory else { return SocialDirectory(entries: [], refusals: []) }
        var entries: [DirectoryEntry] = [], refusals: [Refusal] = []
        var seen: [String: String] = [:]
        for name in try FileSystem.names(in: folder) where isEntryFile(name) {
            let data: Data
            switch try FileSystem.read("\(folder)/\(name)", maxBytes: parser.maxBytes) {
            case .contents(let contents): data = contents
            case .tooLarge(let size):
                refusals.append(Refusal(fileName: name, problems: [TextDecoding.tooLargeProblem(size: size, maxBytes: parser.maxBytes)]))
                continue
            case .notRegular: continue
            }
            let entry: DirectoryEntry
            do {
                entry = try parser.parse(data, fileName: name)
            } catch {
                refusals.append(Refusal(fileName: name, problems: error.problems))
                continue
            }
            if let earlier = seen[entry.id] {
                refusals.append(Refusal(fileName: name, problems: [ItemProblem(
                    line: nil, message: "Ce fichier a le même nom, aux accents et majuscules près, que « \(earlier) ».",
                    fix: "Renommez l'un des deux fichiers, ou supprimez celui qui est en double.")]))
                continue
            }
            seen[entry.id] = name
            let verdict = readability.check(entry)
            guard verdict.pass else {
                refusals.append(Refusal(
                    fileName: name,
                    problems: [ItemProblem(
                        line: nil,
                        message: "Le texte est trop difficile à lire pour le bottin.",
                        fix: "Réécrivez les phrases indiquées ci-dessous : phrases courtes, mots de tous les jours, sigles expliqués.")],
                    readabilityDetails: verdict.reasons.map { "  – \($0)\n" }.joined() + ReadabilityReportFormatter.grouped(
                        verdict.report.findings.filter { $0.severity != .info }, in: verdict.report)))
                continue
            }
            entries.append(entry)
        }
        return SocialDirectory(entries: DirectoryThemes.sortedByName(entries), refusals: refusals)
    }

    static func isEntryFile(_ name: String) -> Bool {
        let lowered = name.lowercased()
        return !name.hasPrefix(".") && lowered.hasSuffix(".txt")
    }
}
