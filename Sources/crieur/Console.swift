import Foundation

/// Where the command line speaks: results on stdout, messages on stderr.
enum Console {
    static func out(_ text: String) {
        FileHandle.standardOutput.write(Data((text + "\n").utf8))
    }

    /// UTF-8 bytes already encoded (a JSON report), then a line break, in one write.
    static func out(utf8 bytes: [UInt8]) {
        var data = Data(bytes)
        data.append(UInt8(ascii: "\n"))
        FileHandle.standardOutput.write(data)
    }

    static func err(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }
}
