/// An issue's two bodies (plain text and HTML) filled in once, with gaps where
/// each recipient's own values go: the name and the unsubscribe link, the only
/// personal values the templates see. A newsletter goes to thousands of people,
/// so each message only joins pieces instead of walking the templates again.
///
/// Made by filling the templates in with markers in place of those two values:
/// random private-use text that no item or setting can hold and that HTML
/// escaping leaves as it is. Whether a name is given can change what a
/// template shows (`{{#abonne.nom}}`), so the issue is filled in twice, with a
/// name and without. A value goes into a gap as the template would put it:
/// escaped in the HTML body, as it is in the text. The result is the same text
/// as filling the templates in for that recipient (tested), for any template.
struct NewsletterBodyTemplate: Sendable {
    enum Piece: Sendable, Equatable {
        case fixed([UInt8])
        case name
        case link
    }

    struct Bodies: Sendable {
        var text: [Piece]
        var html: [Piece]
    }

    private let named: Bodies
    private let unnamed: Bodies

    /// `fill(name, link)` fills the templates in with those values; nil when it
    /// fails (then so does every recipient's message, through the slow path).
    init?(fill: (_ name: String?, _ link: String) -> (text: String, html: String)?) {
        var generator = SystemRandomNumberGenerator()
        let mark = String(generator.next() as UInt64, radix: 16) + String(generator.next() as UInt64, radix: 16)
        let nameMarker = "\u{E000}\(mark)n\u{E001}", linkMarker = "\u{E000}\(mark)l\u{E001}"
        guard HTML.escape(nameMarker) == nameMarker, HTML.escape(linkMarker) == linkMarker,
              let named = fill(nameMarker, linkMarker), let unnamed = fill(nil, linkMarker) else { return nil }
        let markers = (name: Array(nameMarker.utf8), link: Array(linkMarker.utf8))
        self.named = Bodies(text: Self.pieces(named.text, markers), html: Self.pieces(named.html, markers))
        self.unnamed = Bodies(text: Self.pieces(unnamed.text, markers), html: Self.pieces(unnamed.html, markers))
    }

    /// The bodies of the recipient with that name (nil or empty: none) and unsubscribe link.
    func bodies(name: String?, link: String) -> (text: String, html: String) {
        let name = name ?? ""
        let bodies = name.isEmpty ? unnamed : named
        return (Self.join(bodies.text, name: name, link: link), Self.join(bodies.html, name: HTML.escape(name), link: HTML.escape(link)))
    }

    private static func join(_ pieces: [Piece], name: String, link: String) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(pieces.reduce(0) { total, piece in
            if case .fixed(let fixed) = piece { return total + fixed.count }
            return total + 128
        })
        for piece in pieces {
            switch piece {
            case .fixed(let fixed): bytes += fixed
            case .name: bytes += name.utf8
            case .link: bytes += link.utf8
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Cuts the filled-in text at every marker, on UTF-8 bytes (a marker is
    /// whole bytes of valid UTF-8, whatever characters surround it).
    private static func pieces(_ filled: String, _ markers: (name: [UInt8], link: [UInt8])) -> [Piece] {
        let bytes = Array(filled.utf8)
        var pieces: [Piece] = []
        var start = 0, index = 0
        func matches(_ marker: [UInt8], at index: Int) -> Bool {
            index + marker.count <= bytes.count && bytes[index..<index + marker.count].elementsEqual(marker)
        }
        while index < bytes.count {
            let found: (Piece, Int)? = matches(markers.name, at: index) ? (.name, markers.name.count)
                : matches(markers.link, at: index) ? (.link, markers.link.count) : nil
            guard let (piece, length) = found else {
                index += 1
                continue
            }
            if index > start { pieces.append(.fixed(Array(bytes[start..<index]))) }
            pieces.append(piece)
            index += length
            start = index
        }
        if start < bytes.count { pieces.append(.fixed(Array(bytes[start...]))) }
        return pieces
    }
}
