/// How long the listing channels show an item that has neither `Fin:` nor a
/// `Quand:` with a last day (`DisplayWindow`), in days, the publication day
/// counting as the first. Read from the `window` section of the configuration;
/// every key is optional. The newsletter needs none: each item goes out once.
public struct DisplayWindowSettings: Hashable, Sendable {
    /// The waiting-room screen.
    public var screenDays: Int
    /// The Atom feed for the commune's website.
    public var feedDays: Int
    /// The bulletin: the item goes into the drafts of the quarters its window touches.
    public var bulletinDays: Int

    public init(screenDays: Int = 30, feedDays: Int = 30, bulletinDays: Int = 90) {
        self.screenDays = screenDays
        self.feedDays = feedDays
        self.bulletinDays = bulletinDays
    }

    /// The settings in `section`, defaults for what it leaves out.
    static func read(_ section: ConfigSection) -> DisplayWindowSettings {
        let defaults = DisplayWindowSettings()
        return DisplayWindowSettings(
            screenDays: section.int("ecran", default: defaults.screenDays, range: 1...3_660),
            feedDays: section.int("feed", default: defaults.feedDays, range: 1...3_660),
            bulletinDays: section.int("bulletin", default: defaults.bulletinDays, range: 1...3_660)
        )
    }
}
