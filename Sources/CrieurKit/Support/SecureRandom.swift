/// Unguessable random values: subscriber ids, unsubscribe and confirmation
/// tokens, the suppression salt. `SystemRandomNumberGenerator` reads the
/// kernel's CSPRNG (getrandom(2), the source behind /dev/urandom) and never
/// fails once the system has booted.
public enum SecureRandom {
    /// `count` random bytes.
    public static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
    }

    /// `count` random bytes in lower-case hexadecimal (2 × count characters).
    public static func hex(bytes count: Int) -> String {
        Hex.encode(bytes(count))
    }
}
