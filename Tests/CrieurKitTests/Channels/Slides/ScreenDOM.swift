import Foundation

/// The slides of a screen page as Chromium serialised its DOM after the
/// page's scripts ran: enough to say what a person in the room sees.
struct ScreenDOM {
    struct Slide {
        var title: String
        /// `data-etat` the script set: "actuelle", "terminee", "a-venir"; nil for the welcome slide.
        var state: String?
        var hidden: Bool
        var overflows: Bool
        var isWelcome: Bool
        /// The slide's markup, as serialised.
        var markup: String
    }

    let html: String
    let slides: [Slide]

    init(_ html: String) {
        self.html = html
        var slides: [Slide] = []
        for chunk in html.components(separatedBy: "<section ").dropFirst() {
            let markup = chunk.components(separatedBy: "</section>").first ?? chunk
            let openingTag = markup.prefix(while: { $0 != ">" })
            let title = markup.components(separatedBy: "<h1>").dropFirst().first?.components(separatedBy: "</h1>").first ?? ""
            slides.append(Slide(
                title: Self.unescape(title),
                state: Self.attribute("data-etat", in: String(openingTag)),
                hidden: openingTag.contains(" hidden"),
                overflows: openingTag.contains("data-deborde"),
                isWelcome: openingTag.contains("accueil"),
                markup: markup))
        }
        self.slides = slides
    }

    var currentTitles: Set<String> { Set(slides.filter { $0.state == "actuelle" }.map(\.title)) }
    var shown: [Slide] { slides.filter { !$0.hidden } }

    func slide(titled title: String) -> Slide? { slides.first { $0.title == title } }

    static func attribute(_ name: String, in tag: String) -> String? {
        guard let start = tag.range(of: "\(name)=\"") else { return nil }
        return String(tag[start.upperBound...].prefix(while: { $0 != "\"" }))
    }

    /// Chromium escapes only `&`, `<`, `>` (and no-break spaces) in text. A
    /// no-break space reads as a space here: tests compare words; line breaks
    /// are `ScreenSizesTests`' concern.
    static func unescape(_ text: String) -> String {
        text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&nbsp;", with: " ").replacingOccurrences(of: "&amp;", with: "&")
    }
}
