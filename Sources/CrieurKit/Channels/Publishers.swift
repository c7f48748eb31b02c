/// The channels this version of Crieur publishes, configured.
public enum Publishers {
    public static func all(_ config: CrieurConfig, workspace: Workspace) -> [any ChannelPublisher] {
        [FacebookPublisher(settings: config.facebook), BulletinPublisher(settings: config.bulletin, queue: workspace.queue)]
    }
}
