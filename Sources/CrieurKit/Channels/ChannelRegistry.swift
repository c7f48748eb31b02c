/// The channels this version of Crieur publishes. `builtIn` lists them; code
/// reads `current`, which a test (or an embedding program) replaces for the
/// time of a call with a registry extended by its own channels:
///
///     try ChannelRegistry.$current.withValue(.builtIn.adding(ToyChannel())) { … }
///
/// A task-local value: it holds for the tasks and calls inside `withValue`
/// (Swift Testing runs tests in parallel, each sees its own), not for threads
/// started there (the sender's lanes see the built-in registry, which they only
/// need for the built-in channels). A new built-in channel is one more line in
/// `builtIn`, nothing else in CrieurKit.
public struct ChannelRegistry: Sendable {
    /// In order: `Channel.allCases`, reports and listings follow it.
    public let modules: [any ChannelModule]
    private let byID: [String: any ChannelModule]
    /// Every accepted spelling in `Canaux:` (ids and aliases), folded.
    public let aliases: [String: Channel]
    /// The parts that are not channels but join the worker (the social directory).
    public let workspaceModules: [any WorkspaceModule]

    /// The built-in channels: one line per channel.
    public static let builtIn = ChannelRegistry([
        NewsletterChannel(),
        BulletinChannel(),
        FacebookChannel(),
        ScreenChannel(),
        FlyerChannel(),
    ], workspaceModules: [
        DirectoryModule(),
        WebModule(),
        DeskModule(),
        MailboxModule(),
    ])

    /// The registry in use (the built-in one unless a caller bound another).
    @TaskLocal public static var current = builtIn

    public init(_ modules: [any ChannelModule], workspaceModules: [any WorkspaceModule] = []) {
        var byID: [String: any ChannelModule] = [:]
        var aliases: [String: Channel] = [:]
        for module in modules {
            precondition(byID[module.channel.id] == nil, "channel \(module.channel.id) registered twice")
            byID[module.channel.id] = module
            for name in [module.channel.id] + module.aliases {
                let folded = NameFolding.fold(name)
                precondition(aliases[folded] == nil, "channel alias \(name) registered twice")
                aliases[folded] = module.channel
            }
        }
        self.modules = modules
        self.workspaceModules = workspaceModules
        self.byID = byID
        self.aliases = aliases
    }

    /// This registry with more channels after its own.
    public func adding(_ more: any ChannelModule...) -> ChannelRegistry {
        ChannelRegistry(modules + more, workspaceModules: workspaceModules)
    }

    public var channels: [Channel] { modules.map(\.channel) }

    public func module(id: String) -> (any ChannelModule)? { byID[id] }

    public func module(_ channel: Channel) -> (any ChannelModule)? { byID[channel.id] }
}
