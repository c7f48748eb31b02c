/// What the `flyer` channel needs from the configuration: the centre's contact
/// block and logo, printed at the foot of every poster and flyer.
public struct FlyerSettings: Sendable, Equatable {
    /// Lines of the contact block, in order (name, address, phone, hours…).
    /// Empty: `contact(for:)` makes them from the `organisation` section.
    public var contactLines: [String]
    /// The logo's path, relative to the workspace root (PNG, JPEG, GIF or SVG); nil for none.
    public var logoPath: String?
    /// The public address where the calendar folder (`out/calendar/`) is served,
    /// for the « Ajouter à mon agenda » line; nil prints none.
    public var calendarBaseURL: String?

    public init(contactLines: [String] = [], logoPath: String? = nil, calendarBaseURL: String? = nil) {
        self.contactLines = contactLines
        self.logoPath = logoPath
        self.calendarBaseURL = calendarBaseURL
    }

    /// The contact block to print under the organisation's name: `contactLines`,
    /// else the organisation's address, phone, e-mail and website, those given.
    public func contact(for organisation: CrieurConfig.Organisation) -> [String] {
        if !contactLines.isEmpty { return contactLines }
        return [
            organisation.address,
            organisation.phone.isEmpty ? "" : "Téléphone : \(organisation.phone)",
            organisation.email.isEmpty ? "" : "E-mail : \(organisation.email)",
            organisation.website,
        ].filter { !$0.isEmpty }
    }
}

extension FlyerSettings {
    /// The `flyer` group of the configuration; `calendarBaseURL` comes from the
    /// `calendar` group (`CalendarSettings`), shared with the other channels.
    static func read(_ section: ConfigSection) -> FlyerSettings {
        FlyerSettings(contactLines: section.strings("contactLines", default: []).filter { !$0.isEmpty },
                      logoPath: section.optionalString("logoPath"))
    }
}
