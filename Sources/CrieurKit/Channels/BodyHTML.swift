/// An announcement body as an HTML fragment, for the screen and the feed.
///
/// Paragraphs become `<p>` (their lines kept with `<br>`), lists `<ul>`, bold
/// `<strong>`. Every piece of text goes through `HTML.escape`, so markup written
/// in an item stays text. Links are either clickable (`<a href>`; the parser
/// already allowed only http, https, mailto and tel) or, for a screen nobody can
/// click, written out as their words and address. Pure; it cannot fail.
public enum BodyHTML {
    public enum Links: Sendable {
        case clickable
        case asText
    }

    public static func render(_ body: Body, links: Links) -> String {
        body.blocks.map { block in
            switch block {
            case .paragraph(let lines):
                return "<p>" + lines.map { render(line: $0, links: links) }.joined(separator: "<br>\n") + "</p>"
            case .list(let entries):
                return "<ul>\n" + entries.map { "<li>" + render(line: $0, links: links) + "</li>" }.joined(separator: "\n") + "\n</ul>"
            }
        }
        .joined(separator: "\n")
    }

    private static func render(line: Body.Line, links: Links) -> String {
        line.map { inline in
            switch (inline, links) {
            case (.text(let text), _):
                return HTML.escape(text)
            case (.strong(let text), _):
                return "<strong>" + HTML.escape(text) + "</strong>"
            case (.link(let text, let url), .clickable):
                let words = text.isEmpty ? url : text
                return "<a href=\"\(HTML.escape(url))\">\(HTML.escape(words))</a>"
            case (.link, .asText):
                return HTML.escape(BodyPlainText.render(inline: inline))
            }
        }
        .joined()
    }
}
