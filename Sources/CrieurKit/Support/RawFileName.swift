import Foundation

/// A file name as the kernel stores it: bytes, not always UTF-8. Samba and old
/// Windows clients write `café.txt` as `caf\xE9` (Windows-1252), which no Swift
/// `String` path can reach: Foundation repairs the byte and `lstat` then finds
/// nothing. The queue reads such names as bytes (`FileSystem.rawNames`) and gives
/// the file a name it can handle (`readable`). Pure.
public struct RawFileName: Sendable, Hashable {
    public let bytes: [UInt8]

    public init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The name, when it is valid UTF-8.
    public var string: String? {
        String(validating: bytes, as: UTF8.self)
    }

    /// For messages and logs: valid UTF-8 as it is, every other byte as `\xE9`.
    public var escaped: String {
        decoded { "\\x" + String($0, radix: 16, uppercase: true).leftPadded(to: 2) }
    }

    /// A UTF-8 name for the file: valid UTF-8 kept, every other byte read as
    /// Windows-1252 (what such names nearly always are: `caf\xE9` is « café »), and
    /// the five bytes Windows-1252 leaves undefined as `_`.
    public var readable: String {
        decoded { String(data: Data([$0]), encoding: .windowsCP1252) ?? "_" }
    }

    /// Valid UTF-8 as it is, each other byte as `other` writes it.
    private func decoded(_ other: (UInt8) -> String) -> String {
        var result = ""
        var index = 0
        while index < bytes.count {
            if let (text, length) = Self.scalar(in: bytes, at: index) {
                result += text
                index += length
            } else {
                result += other(bytes[index])
                index += 1
            }
        }
        return result
    }

    /// The UTF-8 scalar starting at `index` as text, and its length in bytes.
    private static func scalar(in bytes: [UInt8], at index: Int) -> (String, Int)? {
        for length in 1...4 where index + length <= bytes.count {
            if let text = String(validating: bytes[index..<(index + length)], as: UTF8.self) { return (text, length) }
        }
        return nil
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
