import Foundation

/// Streams a request body of known length from standard input into a
/// temporary file (`.corps-RANDOM`, 0600, skipped by every folder scan as it
/// starts with a dot) in the desk's upload folder, 64 KiB at a time, so a
/// picture is never held whole in memory while it arrives. The caller maps
/// the file, hands it to the gateway and removes it. A body shorter than
/// announced gives what came (the multipart parser then refuses it).
public enum DeskBodySpool {
    public static func stream(_ input: FileHandle, length: Int, into directory: String) throws -> String {
        try FileSystem.makeDirectory(directory)
        let path = "\(directory)/.corps-\(SecureRandom.hex(bytes: 16))"
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw FileSystemError(operation: "open", path: path) }
        defer { close(fd) }
        var remaining = length
        do {
            while remaining > 0 {
                let chunk = input.readData(ofLength: min(remaining, 65_536))
                if chunk.isEmpty { break }
                try FileSystem.writeAll(fd: fd, data: chunk, path: path)
                remaining -= chunk.count
            }
        } catch {
            unlink(path)
            throw error
        }
        return path
    }
}
