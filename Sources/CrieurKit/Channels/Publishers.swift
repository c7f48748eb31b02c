/// The channels this version of Crieur publishes, configured, and the listing
/// pages the worker rebuilds beside them.
public enum Publishers {
    public static func all(_ config: CrieurConfig, workspace: Workspace) -> [any ChannelPublisher] {
        [FacebookPublisher(settings: config.facebook), BulletinPublisher(settings: config.bulletin, queue: workspace.queue),
         ScreenPublisher(settings: config.screen), NewsletterPublisher()]
    }

    public static func listings(_ config: CrieurConfig) -> [any ListingPage] {
        [FeedPage()]
    }
}
