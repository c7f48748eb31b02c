import Foundation

/// An announcement body as plain text, for places that show no markup
/// (Facebook, and any channel that needs the same).
///
/// Paragraph lines keep their breaks, a blank line separates blocks, list
/// entries start with `• `, bold becomes ordinary text, and a link shows its
/// address in brackets after its words (or alone when the words are the address).
/// Text is copied as written: nothing in it is interpreted. It cannot fail.
public enum BodyPlainText {
    public static func render(_ body: Body) -> String {
        body.blocks.map { block in
            switch block {
            case .paragraph(let lines):
                return lines.map(render(line:)).joined(separator: "\n")
            case .list(let entries):
                return entries.map { "• " + render(line: $0) }.joined(separator: "\n")
            }
        }
        .joined(separator: "\n\n")
    }

    public static func render(line: Body.Line) -> String {
        line.map(render(inline:)).joined()
    }

    public static func render(inline: Body.Inline) -> String {
        switch inline {
        case .text(let text), .strong(let text):
            return text
        case .link(let text, let url):
            // A reader calls the number or writes to the address; the scheme is noise to them.
            var address = url
            for scheme in ["mailto:", "tel:"] where address.lowercased().hasPrefix(scheme) {
                address = String(address.dropFirst(scheme.count))
            }
            let words = text.trimmingCharacters(in: .whitespaces)
            if words.isEmpty || words == url || words == address {
                return address
            }
            return "\(text) (\(address))"
        }
    }
}
