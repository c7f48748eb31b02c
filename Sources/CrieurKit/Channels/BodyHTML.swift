/// An announcement body as an HTML fragment, for the screen, the feed and e-mails.
///
/// Paragraphs become `<p>` (their lines kept with `<br>`), lists `<ul>`, bold
/// `<strong>`. Every piece of text goes through `HTML.escape`, so markup written
/// in an item stays text. Links are either clickable (`<a href>`, and only for
/// http, https, mailto and tel, which the parser already demands) or, for a
/// screen nobody can click, written out as their words and address. Pure; it
/// cannot fail, and the result is safe to insert as `TemplateValue.html`.
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
                guard isSafeLink(url) else { return HTML.escape(words) }
                return "<a href=\"\(HTML.escape(url))\">\(HTML.escape(words))</a>"
            case (.link, .asText):
                return HTML.escape(BodyPlainText.render(inline: inline))
            }
        }
        .joined()
    }

    /// Links Crieur writes into HTML: http, https, mailto and tel only (PRODUCT.md).
    public static func isSafeLink(_ url: String) -> Bool {
        let lower = url.lowercased()
        return ["http://", "https://", "mailto:", "tel:"].contains { lower.hasPrefix($0) }
    }
}
