import Foundation

extension ConsentLedger {
    public static let sealFileName = "consent.seal"

    /// `data/consent.seal`: the size the ledger had after its last change. The
    /// ledger only grows between changes, and every rewrite (erasure, repair)
    /// writes its new size here first; so a ledger found shorter than its seal,
    /// or missing while the seal says it held something, lost lines — maybe
    /// withdrawals — and nothing may be sent from it.
    struct Seal: Codable {
        var size: Int
    }

    var sealPath: String { "\(workspace.dataDirectory)/\(ConsentLedger.sealFileName)" }

    /// Records `size` (the current size of the ledger when nil). Called with the lock held.
    func writeSeal(size: Int? = nil) throws {
        let value = try size ?? (log.identityAndSize()?.size ?? 0)
        try FileSystem.writeDurably(try AppendOnlyLog.encodeLine(Seal(size: value)) + Data([0x0A]), to: sealPath, mode: 0o600)
    }

    /// The sealed size; nil when there is no seal (a workspace from before
    /// seals, or a new one). An unreadable seal counts as none: it is a guard,
    /// and the delivery records still witness a lost ledger.
    func sealedSize() throws -> Int? {
        guard try FileSystem.info(sealPath) != nil,
              case .contents(let data) = try FileSystem.read(sealPath, maxBytes: 4096) else { return nil }
        return try? JSONDecoder().decode(Seal.self, from: data).size
    }

    /// Throws `ConsentUncertainty` when the ledger, now `size` bytes long (nil:
    /// missing), lost lines: shorter than sealed, or missing or empty while the
    /// seal or delivery records say it held subscribers.
    func checkIntegrity(size: Int?) throws {
        let size = size ?? 0
        if let sealed = try sealedSize() {
            if size == 0 && sealed > 0 {
                throw ConsentUncertainty.missing(evidence: "à sa dernière écriture, il contenait \(sealed) octets")
            }
            if size < sealed { throw ConsentUncertainty.truncated(size: size, sealed: sealed) }
            return
        }
        if size == 0, let records = try deliveryRecordFile() {
            throw ConsentUncertainty.missing(evidence: "\(records) nomme des abonnés")
        }
    }

    /// The first non-empty file of delivery records, relative to the workspace:
    /// `data/deliveries.jsonl`, or any file under `data/deliveries/` (records
    /// kept per issue) but those of the bulletin drafts sent to the commune,
    /// which name no subscriber.
    func deliveryRecordFile() throws -> String? {
        let single = workspace.path(DeliveryLog.legacyPath)
        if let info = try FileSystem.info(single), info.kind == .regular, info.size > 0 { return DeliveryLog.legacyPath }
        let folder = workspace.path(DeliveryLog.folderPath)
        for name in try FileSystem.regularFiles(under: folder)
        where try !name.hasPrefix(BulletinMailer.issuePrefix) && (FileSystem.info("\(folder)/\(name)")?.size ?? 0) > 0 {
            return "\(DeliveryLog.folderPath)/\(name)"
        }
        return nil
    }

    /// `crieur consent repair --accept-loss`: after a person checked what could
    /// be recovered, takes the ledger as it is now as the reference.
    public func acceptLoss() throws {
        try withLock { try writeSeal() }
    }
}
