import Foundation
import Glibc

/// Where the command line speaks: results on stdout, messages on stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// UTF-8 bytes already encoded (a piece of a JSON report), as they are: the caller
    /// writes the final line break. Written with `write(2)` straight from the buffer:
    /// `FileHandle.write(contentsOf:)` copied it once more on its way. A failed write is
    /// ignored, as `print` would.
    static func write(utf8 buffer: UnsafeBufferPointer<UInt8>) {
        guard let base = buffer.baseAddress else { return }
        var offset = 0
        while offset < buffer.count {
            let written = Glibc.write(STDOUT_FILENO, base + offset, buffer.count - offset)
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            offset += written
        }
    }

    /// A value as the JSON that `--format json` prints: indented, keys sorted.
    static func json<Value: Encodable>(_ value: Value) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
