/// The channels this version of Crieur publishes, configured, and the listing
/// pages the worker rebuilds beside them.
public enum Publishers {
    public static func all(_ config: CrieurConfig) -> [any ChannelPublisher] {
        [FacebookPublisher(settings: config.facebook), ScreenPublisher(settings: config.screen)]
    }

    public static func listings(_ config: CrieurConfig) -> [any ListingPage] {
        [FeedPage()]
    }
}
