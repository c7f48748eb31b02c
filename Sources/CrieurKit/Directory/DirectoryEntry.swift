/// One service of the social directory (« bottin social »), read from
/// `directory/NAME.txt` and validated: it has a name, an offer, at least one
/// theme and one way to reach it; the phone, e-mail, website and date are
/// well formed. A plain value; rendering and rotation take it as it is.
public struct DirectoryEntry: Hashable, Sendable {
    /// The file's stem (`cpas-energie` for `cpas-energie.txt`): stable across edits,
    /// it names the entry in the rotation history and in links.
    public var id: String
    public var name: String
    public var organisation: String?
    /// What the service offers: the text under `---`.
    public var offer: Body
    /// The offer as written (LF line ends), for the readability checker and the search.
    public var offerText: String
    /// « Pour qui ».
    public var audience: String?
    public var address: String?
    public var hours: String?
    public var phone: String?
    public var email: String?
    public var website: String?
    public var languages: [String]
    public var accessibility: String?
    /// As written, in the order written, without duplicates (case and accents folded).
    public var themes: [String]
    /// « Vérifié le »: the day someone last checked the information; nil when never said.
    public var checked: CivilDate?
    /// 1-based lines of the name and of the offer's first line, for readability findings.
    public var nameLine: Int
    public var offerFirstLine: Int

    public init(
        id: String, name: String, organisation: String? = nil, offer: Body, offerText: String, audience: String? = nil,
        address: String? = nil, hours: String? = nil, phone: String? = nil, email: String? = nil, website: String? = nil,
        languages: [String] = [], accessibility: String? = nil, themes: [String], checked: CivilDate? = nil,
        nameLine: Int = 1, offerFirstLine: Int = 1
    ) {
        self.id = id
        self.name = name
        self.organisation = organisation
        self.offer = offer
        self.offerText = offerText
        self.audience = audience
        self.address = address
        self.hours = hours
        self.phone = phone
        self.email = email
        self.website = website
        self.languages = languages
        self.accessibility = accessibility
        self.themes = themes
        self.checked = checked
        self.nameLine = nameLine
        self.offerFirstLine = offerFirstLine
    }

    /// The practical lines every output prints under the offer, label then value, in this order.
    public var details: [(label: String, value: String)] {
        var lines: [(String, String)] = []
        if let audience { lines.append(("Pour qui", audience)) }
        if let address { lines.append(("Adresse", address)) }
        if let hours { lines.append(("Horaires", hours)) }
        if let phone { lines.append(("Téléphone", phone)) }
        if let email { lines.append(("E-mail", email)) }
        if let website { lines.append(("Site", website)) }
        if !languages.isEmpty { lines.append(("Langues", languages.joined(separator: ", "))) }
        if let accessibility { lines.append(("Accessibilité", accessibility)) }
        return lines
    }
}
