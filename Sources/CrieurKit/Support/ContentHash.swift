/// A 128-bit FNV-1a hash of bytes, to tell whether generated content changed
/// (the screen's `version.json`) and to derive stable identifiers from names
/// (the feed's `urn:uuid:` ids). Not a cryptographic hash: nobody gains by
/// forging a collision here. Pure; it cannot fail.
public enum ContentHash {
    private static let offsetBasis: UInt128 = 0x6c62272e_07bb0142_62b82175_6295c58d
    private static let prime: UInt128 = 0x00000000_01000000_00000000_0000013b

    public static func fnv1a128<Bytes: Sequence>(_ bytes: Bytes) -> UInt128 where Bytes.Element == UInt8 {
        var hash = offsetBasis
        for byte in bytes {
            hash ^= UInt128(byte)
            hash = hash &* prime
        }
        return hash
    }

    /// The hash as 32 lower-case hexadecimal digits.
    public static func hex(_ text: String) -> String {
        let digits = String(fnv1a128(text.utf8), radix: 16)
        return String(repeating: "0", count: 32 - digits.count) + digits
    }

    /// An RFC 9562 version 8 (custom) UUID made from the hash of `name`:
    /// the same name always gives the same UUID.
    public static func uuid(_ name: String) -> String {
        var value = fnv1a128(name.utf8)
        value = (value & ~(UInt128(0xf) << 76)) | (UInt128(0x8) << 76)      // version 8
        value = (value & ~(UInt128(0x3) << 62)) | (UInt128(0x2) << 62)      // variant 10
        let digits = String(value, radix: 16)
        let hex = Array(String(repeating: "0", count: 32 - digits.count) + digits)
        return [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(hex[$0]) }.joined(separator: "-")
    }
}
