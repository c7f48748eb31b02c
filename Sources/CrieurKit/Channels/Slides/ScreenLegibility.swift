/// The type sizes and colours of the screen page, and the rules that chose them.
///
/// Size. The page is read from 4 metres on a 1920×1080 television; the smallest
/// common waiting-room set is 43 inches, whose picture is 53.5 cm high, so one
/// pixel is 0.496 mm. Reading stays fluent while the x-height (height of an
/// "x") subtends at least about 0.2°, 12 arc-minutes: Legge's critical print
/// size, a good way above the 5 arc-minute letters that 20/20 vision can just
/// make out, so older eyes and poor glasses still read at ease. At 4 m, 12′ is
/// 14.0 mm, 28 px on a 43-inch set; sans-serif faces (DejaVu Sans, Arial) have
/// an x-height of about 0.55 em, hence body text at 56 px (13.1′ on 43 inches).
/// A slide that would not fit shrinks its text by steps, never under 48 px
/// (11.2′ on 43 inches, 13.1′ on 50 inches). Titles are 1.5 times the body.
///
/// These are pixels of a 1080-row screen: on another screen the page scales
/// every size by its short side over 1080 (`ScreenPage.style`), so the letters
/// keep their angle on a 720p, 768p or 4K set of the same size, and a portrait
/// screen (1080 wide) keeps the 1080p type size.
///
/// Colour. White text and yellow titles on a dark blue: a dark background does
/// not dazzle in a dim room and shows fingerprints and glare less. Every pair
/// has a WCAG 2 contrast ratio above 7:1 (level AAA); `ScreenLegibilityTests`
/// computes them: white on #0b1e33 16.8:1, #ffd966 on #0b1e33 12.3:1, white on
/// the header's #06111f 19.0:1, #ffd966 on #06111f 13.9:1.
enum ScreenLegibility {
    /// Body text size before any shrinking, in CSS pixels (= screen pixels at 1080p).
    static let bodyPixels = 56
    /// The smallest body size a crowded slide may shrink to.
    static let minimumBodyPixels = 48
    /// Titles are this many times the body size.
    static let titleScale = 1.5
    /// Header (centre's name, date and time) size.
    static let headerPixels = 52

    static let background = "#0b1e33"
    static let headerBackground = "#06111f"
    static let text = "#ffffff"
    static let accent = "#ffd966"

    /// Every foreground/background pair the page uses.
    static let pairs: [(foreground: String, background: String)] = [
        (text, background), (accent, background), (text, headerBackground), (accent, headerBackground),
    ]

    /// Reading distance and the smallest screen the rule is checked for.
    static let viewingDistanceMillimetres = 4_000.0
    static let screenDiagonalInches = 43.0
    static let screenPixelRows = 1_080.0
    /// x-height of the fonts the page asks for, as a fraction of the font size.
    static let xHeightPerEm = 0.55
}
