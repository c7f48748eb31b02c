import Foundation

/// Reads an announcement file at the edge of the system, for the worker,
/// `enqueue` and `check` alike. Symbolic and hard links could make Crieur publish
/// a file from outside the queue (a system file, say): they are refused, never
/// followed; so are folders and FIFOs. Refusals are `ItemRejection`s in French;
/// failures of the world are `FileSystemError`s.
public enum ItemFile {
    public static func read(_ path: String, maxBytes: Int) throws -> Data {
        guard let info = try FileSystem.info(path) else {
            // The command line repairs a name that is not UTF-8 (caf\xE9.txt) into U+FFFD,
            // a character no real name holds: say what is wrong with the name.
            if path.contains("\u{FFFD}") {
                throw ItemRejection([ItemProblem(
                    line: nil,
                    message: "Le nom de ce fichier contient un caractère illisible (il n'est pas écrit en UTF-8, "
                        + "souvent un accent venu d'un ancien partage Windows) : Crieur ne peut pas l'ouvrir sous ce nom.",
                    fix: "Renommez le fichier (par exemple sans accents) puis recommencez.")])
            }
            throw ItemRejection([ItemProblem(
                line: nil, message: "Fichier introuvable.", fix: "Vérifiez le nom et le dossier du fichier.")])
        }
        if let problem = kindProblem(info) { throw ItemRejection([problem]) }
        switch try FileSystem.read(path, maxBytes: maxBytes) {
        case .contents(let data): return data
        case .tooLarge(let size):
            throw ItemRejection([TextDecoding.tooLargeProblem(size: max(size, info.size), maxBytes: maxBytes)])
        case .notRegular: throw ItemRejection([notAFile])
        }
    }

    /// Largest picture accepted beside an item.
    public static let maxImageBytes = 20 << 20

    /// Reads the picture an item names (`Image:`), with the same refusals.
    public static func readImage(_ path: String, fileName: String) throws -> Data {
        guard QueueLayout.isImage(fileName) else {
            throw ItemRejection([ItemProblem(
                line: nil, message: "L'image « \(fileName) » n'est pas une photo reconnue.",
                fix: "Utilisez une image JPG, PNG, GIF ou WEBP et écrivez son nom complet dans « Image ».")])
        }
        guard let info = try FileSystem.info(path) else { throw ItemRejection([missingImage(fileName)]) }
        if let problem = kindProblem(info) {
            throw ItemRejection([ItemProblem(
                line: nil, message: "Image « \(fileName) » : " + problem.message.prefix(1).lowercased() + problem.message.dropFirst(),
                fix: problem.fix)])
        }
        switch try FileSystem.read(path, maxBytes: maxImageBytes) {
        case .contents(let data): return data
        case .notRegular: throw ItemRejection([notAFile])
        case .tooLarge:
            throw ItemRejection([ItemProblem(
                line: nil, message: "L'image « \(fileName) » est trop lourde (plus de 20 Mo).",
                fix: "Réduisez la taille de la photo (par exemple 1920 pixels de large) et déposez-la à nouveau.")])
        }
    }

    public static func missingImage(_ fileName: String) -> ItemProblem {
        ItemProblem(
            line: nil, message: "L'image « \(fileName) » n'est pas à côté de l'annonce.",
            fix: "Déposez d'abord l'image dans le même dossier que l'annonce, puis le fichier de l'annonce, "
                + "et vérifiez son nom dans « Image ».")
    }

    /// Why a file of this kind is not read, or nil for an ordinary file.
    public static func kindProblem(_ info: FileSystem.Info) -> ItemProblem? {
        switch info.kind {
        case .symbolicLink:
            return ItemProblem(
                line: nil, message: "Ce fichier est un raccourci (lien symbolique) : Crieur ne suit pas les raccourcis.",
                fix: "Copiez le vrai fichier dans le dossier au lieu d'un raccourci.")
        case .directory, .other:
            return notAFile
        case .regular:
            guard info.linkCount <= 1 else {
                return ItemProblem(
                    line: nil, message: "Ce fichier est lié à un autre fichier (lien physique) : Crieur ne le lit pas.",
                    fix: "Déposez une copie ordinaire du fichier.")
            }
            return nil
        }
    }

    static let notAFile = ItemProblem(
        line: nil, message: "Ce n'est pas un fichier ordinaire (un dossier ou un fichier spécial).",
        fix: "Déposez un fichier texte (.txt) ou JSON (.json) par annonce.")
}
