/// The waiting room's screen: one page of slides in `out/slides/`.
public struct ScreenChannel: ChannelModule {
    public init() {}

    public var channel: Channel { .ecran }
    public var aliases: [String] { ["screen", "slides", "tv", "tele", "television"] }
    public var frenchName: String { "écran de la salle d'attente" }
    public var outputFolderName: String { "slides" }
    public var readabilityProfile: ReadabilityProfile { ReadabilitySettings.defaultProfiles[.ecran]! }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.screen = ScreenSettings.read(root.section("ecran"))
    }

    public func publisher(config: CrieurConfig, workspace: Workspace) -> any ChannelPublisher {
        ScreenPublisher(settings: config.screen)
    }
}
