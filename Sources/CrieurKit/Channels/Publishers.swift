/// The channels of the registry in use, configured, and the listing pages the
/// worker rebuilds beside them.
public enum Publishers {
    public static func all(_ config: CrieurConfig, workspace: Workspace) -> [any ChannelPublisher] {
        ChannelRegistry.current.modules.map { $0.publisher(config: config, workspace: workspace) }
    }

    public static func listings(_ config: CrieurConfig) -> [any ListingPage] {
        [FeedPage(), CalendarPage()]
    }
}
