/// How the waiting-room screen shows items: how long each slide stays, how many
/// words a slide may hold, how often the page looks for changes.
///
/// Read from the `ecran` section of the configuration by `read(_:)`; every key
/// is optional. A value of the wrong type or out of range, or an unknown key
/// (with the closest known one suggested), is a French configuration problem.
public struct ScreenSettings: Hashable, Sendable {
    /// The shortest time a slide stays, in seconds: the time to turn one's eyes
    /// to the screen and find the title, before reading starts.
    public var minimumSecondsPerSlide: Int
    /// The reading pace each slide is timed for, in words per minute. Adults read
    /// about 240 words a minute silently (Brysbaert 2019, non-fiction); 80 is a
    /// third of that, about the pace of a beginner reader or of someone reading a
    /// second language, so the slowest readers in the room reach the end.
    public var readingWordsPerMinute: Int
    /// Above this many words (title and text), an item does not fit a slide at
    /// television reading size and is refused for the screen.
    public var maxWordsPerSlide: Int
    /// How often the page asks the server whether the slides changed, in seconds.
    public var pollSeconds: Int

    public init(minimumSecondsPerSlide: Int = 10, readingWordsPerMinute: Int = 80, maxWordsPerSlide: Int = 70, pollSeconds: Int = 60) {
        self.minimumSecondsPerSlide = minimumSecondsPerSlide
        self.readingWordsPerMinute = readingWordsPerMinute
        self.maxWordsPerSlide = maxWordsPerSlide
        self.pollSeconds = pollSeconds
    }

    /// Seconds a slide of `words` words stays: the minimum, plus the time to read
    /// them at `readingWordsPerMinute`, rounded up.
    public func seconds(forWords words: Int) -> Int {
        minimumSecondsPerSlide + (words * 60 + readingWordsPerMinute - 1) / readingWordsPerMinute
    }

    /// The settings in `section`, defaults for what it leaves out.
    static func read(_ section: ConfigSection) -> ScreenSettings {
        let defaults = ScreenSettings()
        return ScreenSettings(
            minimumSecondsPerSlide: section.int("minimumSecondsPerSlide", default: defaults.minimumSecondsPerSlide, range: 3...600),
            readingWordsPerMinute: section.int("readingWordsPerMinute", default: defaults.readingWordsPerMinute, range: 20...400),
            maxWordsPerSlide: section.int("maxWordsPerSlide", default: defaults.maxWordsPerSlide, range: 10...100),
            pollSeconds: section.int("pollSeconds", default: defaults.pollSeconds, range: 10...3_600)
        )
    }
}
