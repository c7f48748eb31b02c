import Foundation

/// A picture sent with the desk's form, checked by its content and stored
/// under a name the server chooses (32 random hexadecimal digits and the
/// extension of the type found), in the drop folder's upload directory: the
/// name or path the browser gave never reaches the file system. Only PNG and
/// JPEG whose header gives a size are kept (`ImageSize`); anything else, or
/// more than `desk.pictureMaxBytes`, is refused with a French message and
/// nothing is written.
public enum DeskUpload {
    public enum Refusal: Error, Equatable, CustomStringConvertible {
        case tooLarge(limit: Int)
        case notAPicture

        public var description: String {
            switch self {
            case .tooLarge(let limit):
                return "L'image est trop lourde : \(limit / 1_000_000 > 0 ? "\(limit / 1_000_000) Mo" : "\(limit / 1_000) ko") au plus. Réduisez-la (par exemple en l'enregistrant en JPEG) puis choisissez-la à nouveau."
            case .notAPicture:
                return "Le fichier choisi n'est pas une image PNG ou JPEG. Choisissez une photo ou une image enregistrée en PNG ou en JPEG."
            }
        }
    }

    /// The file extension for the picture's content; nil when it is not a readable PNG or JPEG.
    public static func pictureExtension(_ data: Data) -> String? {
        guard ImageSize.of(data) != nil else { return nil }
        if data.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return "png" }
        if data.starts(with: [0xFF, 0xD8, 0xFF]) { return "jpg" }
        return nil
    }

    /// A name this desk could have chosen: what a hidden field may bring back between two posts of the form.
    public static func isStoredName(_ name: String) -> Bool {
        let parts = name.split(separator: ".", omittingEmptySubsequences: false)
        return parts.count == 2 && ["png", "jpg"].contains(parts[1]) && parts[0].utf8.count == 32
            && parts[0].utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x66).contains($0) }
    }

    /// Checks and stores `data`; returns the server-chosen name.
    public static func store(_ data: Data, in directory: String, maxBytes: Int) throws -> String {
        guard data.count <= maxBytes else { throw Refusal.tooLarge(limit: maxBytes) }
        guard let fileExtension = pictureExtension(data) else { throw Refusal.notAPicture }
        let name = SecureRandom.hex(bytes: 16) + "." + fileExtension
        do {
            // A hidden temporary name, fsync, rename: the worker never sees half a picture.
            try FileSystem.writeDurably(data, to: "\(directory)/\(name)", mode: 0o644)
        } catch let error as FileSystemError where error.operation == "open" && error.path == directory && error.code == EACCES {
            // The drop folder is write-only for the web server (1730): the picture is synced and renamed, the folder cannot be opened to sync.
        }
        return name
    }
}
