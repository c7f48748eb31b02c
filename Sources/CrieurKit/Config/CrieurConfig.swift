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

    /// The 1-based line of the first byte sequence that is not UTF-8, if any.
    static func firstLineNotUTF8(_ data: Data) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var bytes = data.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &bytes) {
            case .valid(let scalar): if scalar.count == 1 && scalar.first == UInt8(ascii: "\n") { line += 1 }
            case .emptyInput: return nil
            case .error: return line
            }
        }
    }

    /// Parses the configuration text; `file` only names it in messages.
    public static func parse(_ data: Data, file: String = relativePath) throws(ConfigError) -> CrieurConfig {
        // Foundation's JSON5 reader stops the process (a fatal error, not a
        // thrown one) on bytes that are not UTF-8 where it expects a key, as an
        // editor saving in Windows-1252 writes them: check the encoding first.
        if let line = firstLineNotUTF8(data) {
            throw ConfigError(file: file, problems: [ConfigProblem(
                "Ligne \(line) : le fichier n'est pas enregistré en UTF-8 (un accent écrit dans un autre codage ?). Enregistrez-le en UTF-8, par exemple dans le Bloc-notes avec « Enregistrer sous » et le codage « UTF-8 ».")])
        }
        let tree: JSONValue
        do {
            let decoder = JSONDecoder()
            decoder.allowsJSON5 = true
            tree = try decoder.decode(JSONValue.self, from: data)
        } catch {
            throw ConfigError(file: file, problems: [ConfigProblem(
                "Le fichier n'est pas du JSON5 valide (\(ConfigSection.describe(error))). Vérifiez les virgules, les accolades et les guillemets.")])
        }
        guard case .object(let values) = tree else {
            throw ConfigError(file: file, problems: [ConfigProblem("Le fichier doit contenir un groupe { … }.")])
        }
        let root = ConfigSection(path: "", values: values)
        var config = CrieurConfig()

        let organisation = root.section("organisation")
        config.organisation.name = organisation.string("name", default: config.organisation.name)
        config.organisation.address = organisation.string("address", default: "")
        config.organisation.phone = organisation.string("phone", default: "")
        config.organisation.email = organisation.string("email", default: "")
        config.organisation.website = organisation.string("website", default: "")

        let zoneName = root.string("timeZone", default: config.timeZone.identifier)
        if let zone = TimeZone(identifier: zoneName) {
            config.timeZone = zone
        } else {
            root.report("Fuseau horaire inconnu « \(zoneName) » pour « timeZone » : écrivez par exemple \"Europe/Brussels\".")
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
        if !problems.isEmpty { throw ConfigError(file: file, problems: problems) }
        return config
    }
}
