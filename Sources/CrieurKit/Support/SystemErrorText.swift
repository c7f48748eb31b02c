#if canImport(Glibc)
import Glibc
#endif

/// The one place where a system call's failure becomes French for staff: the
/// C library's own text (`strerror`) is English (« Operation not permitted »)
/// and has no French catalogue on the servers Crieur runs on. Pure.
public enum SystemErrorText {
    /// What went wrong, for errno `code`: « accès refusé », « disque plein », …
    public static func reason(_ code: Int32) -> String {
        switch code {
        case EACCES: return "accès refusé (droits insuffisants sur le fichier ou le dossier)"
        case EPERM: return "opération non permise (droits insuffisants)"
        case ENOENT: return "fichier ou dossier introuvable"
        case ENOTDIR: return "un élément du chemin n'est pas un dossier"
        case EISDIR: return "c'est un dossier, pas un fichier"
        case EEXIST: return "un fichier de ce nom existe déjà"
        case ENOTEMPTY: return "le dossier n'est pas vide"
        case ENOSPC: return "le disque est plein"
        case EDQUOT: return "le quota de disque est dépassé"
        case EROFS: return "le disque est en lecture seule"
        case EIO: return "erreur de lecture ou d'écriture sur le disque"
        case ENAMETOOLONG: return "nom de fichier trop long"
        case ELOOP: return "c'est un raccourci (lien symbolique), que Crieur ne suit pas"
        case EMFILE, ENFILE: return "trop de fichiers ouverts en même temps"
        case EWOULDBLOCK: return "déjà verrouillé par un autre programme"
        case EBUSY: return "fichier ou dossier occupé"
        case EXDEV: return "les deux dossiers sont sur des disques différents"
        case ENOMEM: return "mémoire insuffisante"
        case EINVAL: return "demande invalide pour ce fichier"
        case ETXTBSY: return "fichier en cours d'utilisation"
        case EINTR: return "opération interrompue"
        case ESTALE: return "partage réseau déconnecté (fichier périmé)"
        case ETIMEDOUT: return "délai dépassé"
        case ECONNREFUSED: return "connexion refusée"
        case ENOSYS, EOPNOTSUPP: return "opération non prise en charge par ce système de fichiers"
        default: return "erreur système n° \(code)"
        }
    }

    /// The attempted action, for the name of a system call: « renommer », « lire », …
    public static func action(_ operation: String) -> String {
        switch operation {
        case "open": return "ouvrir"
        case "opendir": return "lire le dossier"
        case "read", "pread": return "lire"
        case "write": return "écrire"
        case "rename": return "déplacer ou renommer"
        case "lstat", "fstat", "stat": return "examiner"
        case "fsync", "fdatasync": return "enregistrer sur le disque"
        case "fchmod", "chmod": return "changer les droits de"
        case "mkdir": return "créer le dossier"
        case "rmdir": return "supprimer le dossier vide"
        case "unlink": return "supprimer"
        case "flock": return "verrouiller"
        case "utimensat": return "dater"
        case "inotify_init1", "inotify_add_watch": return "surveiller"
        default: return operation
        }
    }
}
