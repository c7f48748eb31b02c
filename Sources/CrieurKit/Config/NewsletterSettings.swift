/// The newsletter's lists and consent settings, from the `newsletter` group of
/// `config/crieur.json5`:
///
/// ```
/// newsletter: {
///   lists: { infos: { title: "Les nouvelles du CPAS", doubleOptIn: false } },
///   defaultList: "infos",
///   consentWording: "2026-01",
///   schedule: { frequency: "mensuel", weekday: "lundi", week: 1, time: "09:00" },
/// }
/// ```
///
/// Read through `ConfigSection`, so a misspelt key gets a "did you mean". A list
/// name is what the administrator types (`--list infos`) and what the ledger
/// records; it must be short lower-case ASCII. Problems are reported on the
/// section; the defaults stay in place.
public struct NewsletterSettings: Sendable, Equatable {
    /// One mailing list a person can subscribe to.
    public struct MailingList: Sendable, Equatable {
        /// Name used in commands and in the ledger: `a-z`, `0-9` and `-`.
        public var name: String
        /// Title shown to subscribers (in the e-mails and confirmation messages).
        public var title: String
        /// A new subscriber first gets a confirmation e-mail, and nothing else until confirmed.
        public var doubleOptIn: Bool

        public init(name: String, title: String, doubleOptIn: Bool) {
            self.name = name
            self.title = title
            self.doubleOptIn = doubleOptIn
        }
    }

    public var lists: [MailingList] = [MailingList(name: "infos", title: "Les nouvelles du CPAS", doubleOptIn: false)]
    /// The list a command uses when it names none.
    public var defaultList = "infos"
    /// Version of the consent text shown on the forms; each subscription records the one agreed to.
    public var consentWording = "1"
    /// When regular issues go out; by default the first Monday of the month at 9:00.
    public var schedule = NewsletterSchedule()

    public init() {}

    public func list(named name: String) -> MailingList? {
        lists.first { $0.name == name }
    }

    /// Reads the group; problems go to `section`, which reports them with the rest.
    static func read(_ section: ConfigSection) -> NewsletterSettings {
        var settings = NewsletterSettings()
        let listsSection = section.section("lists")
        if listsSection.isPresent {
            var lists: [MailingList] = []
            for name in listsSection.keys {
                let group = listsSection.section(name)
                let list = MailingList(name: name, title: group.string("title", default: name),
                                       doubleOptIn: group.bool("doubleOptIn", default: false))
                guard isValidListName(name) else {
                    listsSection.report("Nom de liste « \(name) » non valable dans « newsletter.lists » : "
                        + "utilisez des minuscules sans accents, des chiffres et des tirets (par exemple « infos-seniors »).", about: name)
                    continue
                }
                lists.append(list)
            }
            if lists.isEmpty {
                listsSection.report("« newsletter.lists » doit contenir au moins une liste, par exemple infos: { title: \"Les nouvelles du CPAS\" }.")
            } else {
                settings.lists = lists
                settings.defaultList = lists[0].name
            }
        }
        settings.defaultList = section.string("defaultList", default: settings.defaultList)
        if settings.list(named: settings.defaultList) == nil {
            section.report("« newsletter.defaultList » vaut « \(settings.defaultList) », qui n'est pas dans « newsletter.lists » "
                + "(\(settings.lists.map(\.name).joined(separator: ", "))).", about: "defaultList")
        }
        settings.consentWording = section.string("consentWording", default: settings.consentWording)
        if settings.consentWording.isEmpty || settings.consentWording.contains(where: \.isNewline) {
            section.report("« newsletter.consentWording » doit être une version sur une ligne, par exemple \"2026-01\".", about: "consentWording")
        }
        settings.schedule = section.decode(NewsletterSchedule.self, "schedule", default: settings.schedule)
        return settings
    }

    static func isValidListName(_ name: String) -> Bool {
        !name.isEmpty && name.utf8.count <= 40 && !name.hasPrefix("-")
            && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
