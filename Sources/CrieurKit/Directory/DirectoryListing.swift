/// What `crieur directory list` and `crieur directory check` print: the
/// entries with their themes and whether they are « à vérifier », and the
/// files refused with what to fix. French for staff; JSON for programs. Pure.
public struct DirectoryListing: Sendable, Encodable {
    public struct Row: Sendable, Encodable {
        public var file: String
        public var id: String
        public var name: String
        public var themes: [String]
        public var checked: String?
        public var toCheck: Bool
    }

    public struct Refused: Sendable, Encodable {
        public var file: String
        public var problems: [String]
        /// The file can be read, but its text is too hard (exit code 1, not 65).
        public var tooHard: Bool
    }

    public var services: [Row]
    public var refused: [Refused]
    let staleNotes: [String]
    let details: [String: String]

    private enum CodingKeys: String, CodingKey { case services, refused }

    public init(_ directory: SocialDirectory, freshness: DirectoryFreshness) {
        services = directory.entries.map { entry in
            Row(file: "\(entry.id).txt", id: entry.id, name: entry.name, themes: entry.themes,
                checked: entry.checked?.description, toCheck: freshness.isStale(entry))
        }
        refused = directory.refusals.map { refusal in
            Refused(file: refusal.fileName, problems: refusal.problems.map(Self.line), tooHard: refusal.readabilityDetails != nil)
        }
        staleNotes = directory.entries.compactMap { entry in freshness.note(entry).map { "\(entry.name) (\(entry.id).txt) — \($0)" } }
        var details: [String: String] = [:]
        for refusal in directory.refusals { details[refusal.fileName] = refusal.readabilityDetails }
        self.details = details
    }

    static func line(_ problem: ItemProblem) -> String {
        (problem.line.map { "Ligne \($0) : " } ?? "") + problem.message + " Que faire : " + problem.fix
    }

    /// `crieur directory list`: one line per service, then the refused files in one line each.
    public func listText() -> String {
        var out = services.isEmpty ? "Le bottin est vide : ajoutez un fichier par service dans le dossier « directory ».\n"
            : "\(services.count) service\(services.count > 1 ? "s" : "") dans le bottin :\n"
        for row in services {
            out += "  \(row.name) — \(row.themes.joined(separator: ", "))\(row.toCheck ? " — à vérifier" : "") (\(row.file))\n"
        }
        if !refused.isEmpty {
            out += "\n\(refused.count) fiche\(refused.count > 1 ? "s" : "") refusée\(refused.count > 1 ? "s" : "") "
                + "(voyez « crieur directory check ») : " + refused.map(\.file).joined(separator: ", ") + "\n"
        }
        return out
    }

    /// `crieur directory check`: every problem of every refused file, then the entries to check again.
    public func checkText() -> String {
        var out = ""
        for file in refused {
            out += "✘ \(file.file)\n"
            for (index, problem) in file.problems.enumerated() { out += "  \(index + 1). \(problem)\n" }
            if let details = details[file.file], !details.isEmpty { out += details + "\n" }
            out += "\n"
        }
        if !staleNotes.isEmpty {
            out += "À vérifier (\(staleNotes.count)) : ces fiches restent dans le bottin, marquées « à vérifier », "
                + "mais ne sont pas proposées comme « service de la semaine ». Vérifiez-les, puis changez la ligne « Vérifié le ».\n"
            for note in staleNotes { out += "  \(note)\n" }
            out += "\n"
        }
        out += "\(services.count) fiche\(services.count > 1 ? "s" : "") correcte\(services.count > 1 ? "s" : ""), "
            + "\(refused.count) refusée\(refused.count > 1 ? "s" : ""), \(staleNotes.count) à vérifier.\n"
        return out
    }
}
