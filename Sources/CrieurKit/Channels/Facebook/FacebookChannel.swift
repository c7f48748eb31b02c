/// Facebook: posts staff copy from `out/facebook/index.html`.
public struct FacebookChannel: ChannelModule {
    public init() {}

    public var channel: Channel { .facebook }
    public var frenchName: String { "Facebook" }
    public var readabilityProfile: ReadabilityProfile { ReadabilitySettings.defaultProfiles[.facebook]! }

    public func readConfig(_ root: ConfigSection, into config: inout CrieurConfig) {
        config.facebook = root.decode(FacebookSettings.self, "facebook", default: config.facebook)
    }

    public func publisher(config: CrieurConfig, workspace: Workspace) -> any ChannelPublisher {
        FacebookPublisher(settings: config.facebook)
    }
}
