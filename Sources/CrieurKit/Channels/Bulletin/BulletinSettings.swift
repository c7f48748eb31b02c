/// How the quarterly bulletin draft is prepared: the centre's contact block
/// printed under each article, the commune's length limits, and the deadlines
/// by which the commune wants the articles.
///
/// Read from the `bulletin` section of the configuration. Every key is optional:
/// the contact block falls back to `organisation`, the limits to the defaults
/// below, and a quarter without a deadline gets no automatic draft (the command
/// `crieur bulletin` still builds it). A mistyped value is a French problem in
/// the configuration report, never silently ignored.
public struct BulletinSettings: Sendable, Equatable {
    public var contact = Contact()
    /// Characters per article, spaces included, as the commune counts them.
    public var maxCharactersPerArticle = 1_500
    /// Characters for all the centre's articles of one issue.
    public var maxCharactersTotal = 6_000
    /// The commune's deadline for each quarter's issue, by quarter number (1–4).
    public var deadlines: [Int: MonthDay] = [:]
    /// The worker writes a quarter's draft from this many days before its deadline.
    public var daysBeforeDeadline = 14
    /// The commune's bulletin editor: when set, the worker e-mails each new or
    /// changed draft there through the newsletter's transport (`BulletinMailer`).
    public var editorAddress: String?

    public init() {}

    /// The lines that close every article; empty ones are left out.
    public struct Contact: Sendable, Equatable {
        public var name = ""
        public var address = ""
        public var phone = ""
        public var email = ""
        public var openingHours = ""

        public var lines: [String] {
            [
                name, address,
                phone.isEmpty ? "" : "Téléphone : \(phone)",
                email.isEmpty ? "" : "E-mail : \(email)",
                openingHours.isEmpty ? "" : "Heures d'ouverture : \(openingHours)",
            ].filter { !$0.isEmpty }
        }
    }

    /// A day of the year without the year (`09-01`), repeated every year.
    public struct MonthDay: Sendable, Equatable {
        public var month: Int
        public var day: Int

        /// Reads `MM-JJ`; 29 February is refused (it does not come every year).
        public init?(_ text: String) {
            let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            guard parts.count == 2, parts.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCII) }),
                  let month = Int(parts[0]), let day = Int(parts[1]),
                  CivilDate(year: 2001, month: month, day: day).isValid else { return nil }
            self.month = month
            self.day = day
        }
    }

    /// The deadline of the quarter's issue: the last time the configured day
    /// comes on or before the quarter's last day (`12-01` for T1 2027 is
    /// 1 December 2026; `10-15` for T4 2026 is 15 October 2026).
    public func deadline(of quarter: Quarter) -> CivilDate? {
        guard let day = deadlines[quarter.number] else { return nil }
        let sameYear = CivilDate(year: quarter.year, month: day.month, day: day.day)
        return sameYear <= quarter.lastDay ? sameYear : CivilDate(year: quarter.year - 1, month: day.month, day: day.day)
    }

    /// Reads the `bulletin` group; `organisation` fills the contact block's gaps.
    static func read(_ section: ConfigSection, organisation: CrieurConfig.Organisation) -> BulletinSettings {
        var settings = BulletinSettings()
        let contact = section.section("contact")
        settings.contact.name = contact.string("name", default: organisation.name)
        settings.contact.address = contact.string("address", default: organisation.address)
        settings.contact.phone = contact.string("phone", default: organisation.phone)
        settings.contact.email = contact.string("email", default: organisation.email)
        settings.contact.openingHours = contact.string("openingHours", default: "")
        settings.maxCharactersPerArticle = section.int(
            "maxCharactersPerArticle", default: settings.maxCharactersPerArticle, range: 100...100_000)
        settings.maxCharactersTotal = section.int(
            "maxCharactersTotal", default: settings.maxCharactersTotal, range: 100...1_000_000)
        settings.daysBeforeDeadline = section.int(
            "daysBeforeDeadline", default: settings.daysBeforeDeadline, range: 0...180)
        if let address = section.optionalString("editorAddress") {
            if MailAddress.isValid(address) {
                settings.editorAddress = address
            } else {
                section.report("« bulletin.editorAddress » vaut « \(address) », qui n'est pas une adresse e-mail : "
                    + "écrivez l'adresse de la personne qui fait le bulletin à la commune, par exemple \"bulletin@commune.be\".")
            }
        }
        let deadlines = section.section("deadlines")
        for number in 1...4 {
            guard let text = deadlines.optionalString("T\(number)") else { continue }
            guard let day = MonthDay(text) else {
                deadlines.report("« bulletin.deadlines.T\(number) » vaut « \(text) » : écrivez le mois et le jour, par exemple \"09-01\" pour le 1er septembre.", about: "T\(number)")
                continue
            }
            settings.deadlines[number] = day
        }
        return settings
    }
}
