extension FileSystem {
    /// Every regular file under `directory`, at any depth, as paths relative to
    /// it, sorted. Symbolic links are neither followed nor listed; a missing
    /// folder has no files.
    public static func regularFiles(under directory: String) throws -> [String] {
        guard try info(directory)?.kind == .directory else { return [] }
        var result: [String] = []
        var pending = [""]
        while let relative = pending.popLast() {
            let folder = relative.isEmpty ? directory : "\(directory)/\(relative)"
            for name in try names(in: folder) {
                let child = relative.isEmpty ? name : "\(relative)/\(name)"
                switch try info("\(directory)/\(child)")?.kind {
                case .regular?: result.append(child)
                case .directory?: pending.append(child)
                default: break
                }
            }
        }
        return result.sorted()
    }
}
