import Foundation

/// The settings of one workspace, read from `config/crieur.json5`. Every value
/// has a default, so an empty file works; a misspelt or mistyped setting is an
/// error the administrator sees in French, never silently ignored.
public struct CrieurConfig: Sendable {
    public var organisation = Organisation()
    /// IANA zone in which staff's dates and times are meant.
    public var timeZone = TimeZone(identifier: "Europe/Brussels")!
    public var queue = QueueSettings()
    public var facebook = FacebookSettings()
    public var bulletin = BulletinSettings()
    public var screen = ScreenSettings()
    /// How long the listing channels show an item without an end.
    public var window = DisplayWindowSettings()
    public var readability = ReadabilitySettings()
    public var newsletter = NewsletterSettings()
    public var smtp = SMTPSettings()
    /// The settings of channels that are not built into this struct, by channel id.
    private var channelSettings: [String: any Sendable] = [:]
    /// `directory`: when entries are « à vérifier », when the « service de la semaine » comes out.
    public var directory = DirectorySettings()
    /// `calendar`: where the website serves `out/calendar/`, for « Ajouter à mon agenda » links.
    public var calendar = CalendarSettings()
    /// `web`: the public subscription pages served through `crieur web` (CGI).
    public var web = WebSettings()
    /// `desk`: the staff desk's users and roles, and which channels need approval.
    public var desk = DeskSettings()
    /// `mailbox`: the IMAP mailbox where bounces and unsubscribe e-mails arrive; nil: none is read.
    public var mailbox: MailboxSettings?

    public init() {}

    /// What `channel`'s module read from its group (`ChannelModule.readConfig`);
    /// nil when it stored nothing, or something of another type.
    public func channelSettings<T: Sendable>(_ type: T.Type, for channel: Channel) -> T? {
        channelSettings[channel.id] as? T
    }

    /// Kept for `channel` by its module while it reads its group.
    public mutating func setChannelSettings(_ settings: any Sendable, for channel: Channel) {
        channelSettings[channel.id] = settings
    }

    public struct Organisation: Sendable, Equatable {
        public var name = "CPAS"
        /// The name after « de », with the article French gives it (« du CPAS de
        /// Soumagne », « de la Commune de Blegny »); nil: guessed from `name` (`withDe`).
        public var nameWithDe: String?
        public var address = ""
        public var phone = ""
        public var email = ""
        public var website = ""
    }

    public struct QueueSettings: Sendable, Equatable {
        /// Largest announcement accepted, in bytes.
        public var maxItemBytes = 1_048_576
        /// A file in `incoming/` is taken once its size and date have not changed for this long.
        public var settleSeconds = 2
        /// Full rescan of the queue even without a notification, in seconds.
        public var rescanSeconds = 30
        /// Delay before trying again after a temporary failure (disk full, …), in minutes.
        public var retryMinutes = 15
        /// Refusals and their reports older than this many days go to `rejected/ancien/`.
        public var rejectedArchiveDays = 30
    }

    public static let relativePath = "config/crieur.json5"

    /// `problems` sorted by position (stable), those without one last.
    static func inFileOrder(_ problems: [ConfigProblem]) -> [ConfigProblem] {
        problems.enumerated().sorted { a, b in
            switch (a.element.position, b.element.position) {
            case let (x?, y?): return x != y ? x < y : a.offset < b.offset
            case (nil, nil): return a.offset < b.offset
            case (_?, nil): return true
            case (nil, _?): return false
            }
        }.map(\.element)
    }

    /// Parses the configuration text; `file` only names it in messages. The
    /// text is read by `JSON5Reader` (a syntax error names its line and column),
    /// then each group through `ConfigSection` (a problem with a key or a value
    /// names its line and column too). Problems come in the order of the file.
    public static func parse(_ data: Data, file: String = relativePath) throws(ConfigError) -> CrieurConfig {
        let tree: JSON5Node
        do {
            tree = try JSON5Reader.read([UInt8](data))
        } catch {
            throw ConfigError(file: file, problems: [ConfigProblem(error.message, at: error.position)])
        }
        guard case .object(let object) = tree.content else {
            throw ConfigError(file: file, problems: [ConfigProblem(
                "Le fichier doit contenir un groupe { … } qui entoure tous les réglages, pas \(tree.typeNameInFrench).",
                at: tree.position)])
        }
        let root = ConfigSection(path: "", object: object, position: tree.position)
        var config = CrieurConfig()

        let organisation = root.section("organisation")
        config.organisation.name = organisation.string("name", default: config.organisation.name)
        config.organisation.nameWithDe = Organisation.readNameWithDe(organisation)
        config.organisation.address = organisation.string("address", default: "")
        config.organisation.phone = organisation.string("phone", default: "")
        config.organisation.email = organisation.string("email", default: "")
        config.organisation.website = organisation.string("website", default: "")

        let zoneName = root.string("timeZone", default: config.timeZone.identifier)
        if let zone = TimeZone(identifier: zoneName) {
            config.timeZone = zone
        } else {
            root.report("Fuseau horaire inconnu « \(zoneName) » pour « timeZone » : écrivez par exemple \"Europe/Brussels\".",
                        about: "timeZone")
        }

        let queue = root.section("queue")
        config.queue.maxItemBytes = queue.int("maxItemBytes", default: config.queue.maxItemBytes, range: 1_024...104_857_600)
        config.queue.settleSeconds = queue.int("settleSeconds", default: config.queue.settleSeconds, range: 0...3_600)
        config.queue.rescanSeconds = queue.int("rescanSeconds", default: config.queue.rescanSeconds, range: 1...3_600)
        config.queue.retryMinutes = queue.int("retryMinutes", default: config.queue.retryMinutes, range: 1...1_440)
        config.queue.rejectedArchiveDays = queue.int(
            "rejectedArchiveDays", default: config.queue.rejectedArchiveDays, range: 1...3_650)

        // Each channel reads its own group (`bulletin`, `facebook`, `ecran`, `newsletter`…).
        for module in ChannelRegistry.current.modules { module.readConfig(root, into: &config) }
        config.window = DisplayWindowSettings.read(root.section("window"))
        config.readability = root.decode(ReadabilitySettings.self, "readability", default: config.readability)
        config.smtp = SMTPSettings.read(root.section("smtp"))
        // The parts that are not channels (the social directory) read theirs too.
        for module in ChannelRegistry.current.workspaceModules { module.readConfig(root, into: &config) }
        config.calendar = CalendarSettings.read(root.section("calendar"))

        let problems = root.allProblems()
        if !problems.isEmpty { throw ConfigError(file: file, problems: inFileOrder(problems)) }
        return config
    }
}
