/// The addresses a bulletin draft may turn into live links: only `http`,
/// `https`, `mailto` and `tel`, whatever an archive record holds. Anything
/// else is shown as text. Pure.
enum BulletinLink {
    static func isAllowed(_ url: String) -> Bool {
        let lower = url.lowercased()
        return ["http://", "https://", "mailto:", "tel:"].contains { lower.hasPrefix($0) }
            && !url.contains(where: { $0.isWhitespace || $0.asciiValue.map { $0 < 0x20 || $0 == 0x7F } == true })
    }
}
