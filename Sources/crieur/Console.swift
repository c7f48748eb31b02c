import Foundation
import Glibc

/// Where the command line speaks: results on stdout, messages on stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// UTF-8 bytes already encoded (a JSON report), then a line break, in one write.
    /// Consumed so that the line break goes into the caller's own buffer (which has room
    /// to spare) and the bytes are written from there: copying an 11 MB report into a
    /// `Data`, then growing it for the line break, cost two copies and their page faults.
    /// Written with `write(2)` straight from the array: `FileHandle.write(contentsOf:)`
    /// copied it once more on its way. A failed write is ignored, as `print` would.
    static func out(utf8 bytes: consuming [UInt8]) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(STDOUT_FILENO, buffer.baseAddress! + offset, buffer.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { return }
                offset += written
            }
        }
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
