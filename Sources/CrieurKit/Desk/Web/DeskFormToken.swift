import Foundation

/// The staff desk's protection against forged requests (CSRF) without
/// sessions: every form and the live check carry a token that is the
/// HMAC-SHA-256 of the user (`REMOTE_USER`) and an eight-hour window, under a
/// secret only the desk reads (`web/bureau/secret`, see `DeskSecret`). A page
/// of another site cannot read the token, so it cannot make a staff member's
/// browser post in their name. A token is accepted during its window and the
/// next one (8 to 16 hours), so a form left open over lunch still sends.
/// Pure: the clock's time is passed in.
public struct DeskFormToken: Sendable {
    /// The form field and, for the script's requests, the header (`X-Crieur-Jeton`).
    public static let field = "jeton"
    public static let windowSeconds: TimeInterval = 8 * 3600

    let secret: [UInt8]

    public init(secret: [UInt8]) {
        precondition(secret.count >= 16, "a form-token secret of at least 16 bytes")
        self.secret = secret
    }

    static func window(of time: Date) -> Int { Int((time.timeIntervalSince1970 / windowSeconds).rounded(.down)) }

    /// `WINDOW.HEX`: the window number and the tag.
    public func token(user: String, now: Date) -> String {
        let window = Self.window(of: now)
        return "\(window)." + Hex.encode(tag(user: user, window: window))
    }

    /// Whether `token` was made for `user` by this desk, in the current or the previous window.
    public func isValid(_ token: String, user: String, now: Date) -> Bool {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].utf8.count <= 12, let window = Int(parts[0]),
              let given = Hex.decode(String(parts[1])) else { return false }
        let current = Self.window(of: now)
        guard window == current || window == current - 1 else { return false }
        return HMAC.constantTimeEqual(given, tag(user: user, window: window))
    }

    private func tag(user: String, window: Int) -> [UInt8] {
        HMAC.sha256(key: secret, message: Array("crieur-bureau\u{0}\(user)\u{0}\(window)".utf8))
    }
}
