/// The channels this version of Crieur publishes, configured, and the listing
/// pages the worker rebuilds beside them.
public enum Publishers {
    /// `bulletinMailer`: sends the bulletin drafts to the commune's editor when
    /// the configuration names one (the worker passes it; `check` has no need).
    public static func all(_ config: CrieurConfig, workspace: Workspace, bulletinMailer: BulletinMailer? = nil) -> [any ChannelPublisher] {
        [FacebookPublisher(settings: config.facebook),
         BulletinPublisher(settings: config.bulletin, queue: workspace.queue, mailer: bulletinMailer),
         ScreenPublisher(settings: config.screen), NewsletterPublisher()]
    }

    public static func listings(_ config: CrieurConfig) -> [any ListingPage] {
        [FeedPage()]
    }
}
