/// The printed social directory (« bottin social ») as values, before any
/// format: a title, the themes in order with their services, and the index,
/// every service by name with the numbers of the themes it is printed under.
/// `BottinHTMLPage` and `BottinODF` render the same `Bottin`. Pure.
public struct Bottin: Sendable {
    public var title: String
    public var organisationName: String
    public var preparedOn: CivilDate
    public var themes: [DirectoryThemes.Theme]
    public var index: [IndexRow]
    /// Entry id → its « à vérifier » note, for the entries that have one.
    public var staleNotes: [String: String]

    public struct IndexRow: Sendable, Equatable {
        public var entryID: String
        public var name: String
        public var organisation: String?
        /// Number and name of each theme the service is printed under, in the bottin's order.
        public var themes: [(number: Int, name: String)]

        public static func == (a: IndexRow, b: IndexRow) -> Bool {
            a.entryID == b.entryID && a.name == b.name && a.organisation == b.organisation
                && a.themes.map(\.number) == b.themes.map(\.number) && a.themes.map(\.name) == b.themes.map(\.name)
        }
    }

    public init(entries: [DirectoryEntry], organisationName: String, preparedOn: CivilDate, freshness: DirectoryFreshness) {
        let grouped = DirectoryThemes(entries)
        title = "Bottin social — \(organisationName)"
        self.organisationName = organisationName
        self.preparedOn = preparedOn
        themes = grouped.themes
        index = DirectoryThemes.sortedByName(entries).map { entry in
            IndexRow(entryID: entry.id, name: entry.name, organisation: entry.organisation,
                     themes: grouped.themes(of: entry).map { ($0.number, $0.name) })
        }
        var notes: [String: String] = [:]
        for entry in entries { notes[entry.id] = freshness.note(entry) }
        staleNotes = notes
    }

    /// « 3. Logement »: how a theme is headed and referred to.
    public static func heading(_ theme: (number: Int, name: String)) -> String {
        "\(theme.number). \(theme.name)"
    }

    /// The line under the title.
    public var preparedLine: String {
        "Liste des services d'aide, classés par thème. Mise à jour \(FrenchDates.date(preparedOn, referenceYear: nil))."
    }

    /// How a practical detail's value is linked: web address, e-mail, phone; nil for plain text.
    static func link(label: String, value: String) -> String? {
        switch label {
        case "Site": return BodyHTML.isSafeLink(value) ? value : nil
        case "E-mail": return "mailto:" + value
        case "Téléphone":
            let digits = value.filter { $0.isNumber || $0 == "+" }
            return "tel:" + digits
        default: return nil
        }
    }
}
