import Foundation

/// Writes the directory's outputs to `out/directory/`: the bottin
/// (`bottin.html`, `bottin.fodt`, and `bottin.pdf` when LibreOffice is
/// installed), the offline search page (`recherche.html`) and the JSON export
/// (`annuaire.json`). Each file is written durably and replaced whole; the
/// outputs of a directory with no entry are still written (an empty bottin
/// says so better than an old one).
///
/// Throws on a file-system error. A PDF that LibreOffice fails to make is not
/// an error of the directory: it is returned as a French warning and the
/// other files stand.
public struct DirectoryPublisher: Sendable {
    public var folder: String
    public var organisationName: String
    public var freshness: DirectoryFreshness
    public var pdfConverter: LibreOfficePDF?

    public init(folder: String, organisationName: String, freshness: DirectoryFreshness, pdfConverter: LibreOfficePDF? = LibreOfficePDF()) {
        self.folder = folder
        self.organisationName = organisationName
        self.freshness = freshness
        self.pdfConverter = pdfConverter
    }

    public static func folder(of workspace: Workspace) -> String { workspace.path("out/directory") }

    public struct Result: Sendable {
        /// Paths written; `bottin.html` last.
        public var files: [String]
        /// French warnings (no LibreOffice, a PDF that failed).
        public var warnings: [String]
    }

    public func publish(_ entries: [DirectoryEntry]) throws -> Result {
        try publish(entries, onlyIfChanged: false)!
    }

    /// Nil, writing nothing, when `bottin.html` would come out as it is on disk:
    /// the same entries on the same day (the page carries the date). The worker's
    /// job calls this on every pass, so LibreOffice runs at most once a day
    /// unless the directory changes.
    public func publishIfChanged(_ entries: [DirectoryEntry]) throws -> Result? {
        try publish(entries, onlyIfChanged: true)
    }

    private func publish(_ entries: [DirectoryEntry], onlyIfChanged: Bool) throws -> Result? {
        let today = freshness.today
        let bottin = Bottin(entries: entries, organisationName: organisationName, preparedOn: today, freshness: freshness)
        let page = Data(BottinHTMLPage.render(bottin).utf8)
        if onlyIfChanged, case .contents(page)? = try? FileSystem.read("\(folder)/bottin.html", maxBytes: page.count + 1) {
            return nil
        }
        try FileSystem.makeDirectory(folder)
        var files: [String] = [], warnings: [String] = []
        func write(_ name: String, _ data: Data) throws {
            try FileSystem.writeDurably(data, to: "\(folder)/\(name)")
            files.append("\(folder)/\(name)")
        }
        // The other files first: bottin.html, what the check above compares, is written last.
        try write("bottin.fodt", Data(BottinODF.flat(bottin).utf8))
        if let pdfConverter {
            do {
                try pdfConverter.convert("\(folder)/bottin.fodt", to: "\(folder)/bottin.pdf")
                files.append("\(folder)/bottin.pdf")
            } catch let failure as LibreOfficePDF.Failure {
                warnings.append(failure.description)
            }
        } else {
            warnings.append("LibreOffice n'est pas installé : pas de PDF. Le bottin est dans bottin.html et bottin.fodt.")
        }
        try write("recherche.html", Data(DirectorySearchPage.render(
            entries, organisationName: organisationName, preparedOn: today, freshness: freshness).utf8))
        try write("annuaire.json", DirectoryJSON.render(entries, organisationName: organisationName, preparedOn: today, freshness: freshness))
        try write("bottin.html", page)
        return Result(files: files, warnings: warnings)
    }
}
