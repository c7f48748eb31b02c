import Foundation
import Testing
@testable import CrieurKit

#if canImport(Glibc)
import Glibc
#endif

@Test func fileSystemErrorsReadAsFrenchSentences() {
    #expect(FileSystemError(operation: "open", path: "/srv/x.txt", code: EPERM).description
        == "impossible d'ouvrir « /srv/x.txt » : opération non permise (droits insuffisants)")
    #expect(FileSystemError(operation: "rename", path: "/srv/q", code: ENOSPC).description
        == "impossible de déplacer ou renommer « /srv/q » : le disque est plein")
}

@Test(arguments: [EPERM, EACCES, ENOENT, ENOSPC, EDQUOT, EROFS, EIO, EEXIST, ENOTDIR, EISDIR, ELOOP, EWOULDBLOCK, EXDEV, ESTALE])
func noEnglishSystemTextReachesStaff(code: Int32) {
    let english = String(cString: strerror(code))
    let text = FileSystemError(operation: "write", path: "/x", code: code).description
    #expect(!text.contains(english), "\(text)")
    #expect(!text.contains("erreur système"), "\(code) deserves its own French words")
}

@Test func everyOperationTheQueueCallsHasAFrenchVerb() {
    for operation in ["open", "opendir", "read", "pread", "write", "rename", "lstat", "fstat", "fsync", "fdatasync",
                      "fchmod", "mkdir", "rmdir", "unlink", "flock", "utimensat", "inotify_init1", "inotify_add_watch"] {
        #expect(SystemErrorText.action(operation) != operation, "\(operation)")
    }
}
