/// A place where Crieur publishes an item, known by its id: the name staff
/// write in `Canaux:` and the name of the channel's folder in `templates/`.
/// What a channel is (its aliases, French name, folder, profile, publisher…)
/// is declared once by its `ChannelModule` in `ChannelRegistry`; a channel of
/// no registered module (a record written by a later version) still reads.
public struct Channel: RawRepresentable, Sendable, Hashable, Codable, CodingKeyRepresentable, CustomStringConvertible {
    /// The id, lower-case ASCII (`newsletter`, `ecran`).
    public let id: String

    /// A channel of this id, whether or not a module declares it.
    public init(id: String) {
        self.id = id
    }

    /// The registered channel of this id; nil when no module declares it.
    public init?(rawValue: String) {
        guard ChannelRegistry.current.module(id: rawValue) != nil else { return nil }
        self.id = rawValue
    }

    public var rawValue: String { id }
    public var description: String { id }

    public static let newsletter = Channel(id: "newsletter")
    public static let bulletin = Channel(id: "bulletin")
    public static let facebook = Channel(id: "facebook")
    public static let ecran = Channel(id: "ecran")

    /// Every registered channel, in the registry's order.
    public static var allCases: [Channel] { ChannelRegistry.current.channels }

    /// Accepted spellings in `Canaux:`, already lower-cased and without accents.
    public static var aliases: [String: Channel] { ChannelRegistry.current.aliases }

    /// Names staff use for channels Crieur does not have yet, with the channel
    /// to choose meanwhile: refused with that suggestion, never guessed. A
    /// registered alias wins over this list.
    public static let notYet: [String: (frenchName: String, instead: Channel)] = [:]

    /// The channel staff mean by `name`, whatever its case and accents
    /// (« Écran », « email »); nil when it names none.
    public init?(named name: String) {
        guard let channel = ChannelRegistry.current.aliases[NameFolding.fold(name)] else { return nil }
        self = channel
    }

    /// The channel's folder in `out/` (PRODUCT.md: the screen's is `out/slides/`).
    public var outputFolderName: String {
        ChannelRegistry.current.module(id: id)?.outputFolderName ?? id
    }

    /// How the channel is named for staff, in French.
    public var frenchName: String {
        ChannelRegistry.current.module(id: id)?.frenchName ?? id
    }

    public init(from decoder: Decoder) throws {
        id = try decoder.singleValueContainer().decode(String.self)
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(id)
    }

    public init?<T: CodingKey>(codingKey: T) {
        self.init(id: codingKey.stringValue)
    }

    public var codingKey: any CodingKey { ChannelCodingKey(stringValue: id) }
}

private struct ChannelCodingKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
