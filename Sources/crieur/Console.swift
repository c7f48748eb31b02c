import Foundation

/// Where the command line speaks: results on stdout, messages on stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// UTF-8 bytes already encoded (a JSON report), then a line break, in one write.
    /// Consumed so that the line break goes into the caller's own buffer (which has room
    /// to spare) and the bytes are written from there: copying an 11 MB report into a
    /// `Data`, then growing it for the line break, cost two copies and their page faults.
    static func out(utf8 bytes: consuming [UInt8]) {
        bytes.append(UInt8(ascii: "\n"))
        try? FileHandle.standardOutput.write(contentsOf: bytes)
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
