/// The channels this version of Crieur publishes, configured.
public enum Publishers {
    public static func all(_ config: CrieurConfig) -> [any ChannelPublisher] {
        [FacebookPublisher(settings: config.facebook), BulletinPublisher(settings: config.bulletin)]
    }
}
