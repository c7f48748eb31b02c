/// An announcement body as HTML for e-mails and pages: `<p>` per paragraph
/// (`<br>` between its lines), `<ul><li>` for lists, `<strong>` for bold, `<a>`
/// for links. Every piece of text is escaped; a link whose address is not
/// http, https, mailto or tel is shown as plain text. It cannot fail, and the
/// result is safe to insert as `TemplateValue.html`.
public enum BodyHTML {
    public static func render(_ body: Body) -> String {
        body.blocks.map { block in
            switch block {
            case .paragraph(let lines):
                return "<p>" + lines.map(render(line:)).joined(separator: "<br>\n") + "</p>"
            case .list(let entries):
                return "<ul>\n" + entries.map { "<li>" + render(line: $0) + "</li>\n" }.joined() + "</ul>"
            }
        }
        .joined(separator: "\n")
    }

    static func render(line: Body.Line) -> String {
        line.map { inline in
            switch inline {
            case .text(let text):
                return HTML.escape(text)
            case .strong(let text):
                return "<strong>" + HTML.escape(text) + "</strong>"
            case .link(let text, let url):
                let words = text.isEmpty ? url : text
                guard isSafeLink(url) else { return HTML.escape(words) }
                return "<a href=\"\(HTML.escape(url))\">" + HTML.escape(words) + "</a>"
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
