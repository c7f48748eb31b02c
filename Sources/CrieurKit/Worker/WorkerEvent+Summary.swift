import Foundation

extension WorkerEvent {
    /// What happened, for staff in French (`crieur demo`): each channel says
    /// where its output is (`ChannelModule.describeOutput`).
    public func frenchSummary(calendar: CivilCalendar) -> String {
        switch self {
        case .published(let item, let outputs, let unsupported, let warnings):
            var lines = ["Publiée : « \(item) »"]
            for channel in Channel.allCases {
                if let files = outputs[channel], let module = ChannelRegistry.current.module(channel) {
                    // The bulletin and the screen may write nothing per item: their pages gather the items.
                    lines.append("  \(channel.frenchName) : " + module.describeOutput(files: files, folder: "out/\(channel.outputFolderName)/"))
                }
            }
            if !unsupported.isEmpty {
                lines.append("  " + unsupported.map(\.frenchName).joined(separator: ", ") + " : pas encore dans cette version (l'annonce est gardée pour plus tard)")
            }
            lines += warnings.map { "  Remarque : \($0)" }
            return lines.joined(separator: "\n")
        case .leftOut(let item, let channels, let report):
            return "  Pas publiée sur : " + channels.map(\.frenchName).joined(separator: ", ")
                + " — « \(item) » : lisez queue/done/\(report)"
        case .unchanged(let item, _):
            return "Déjà publiée telle quelle : « \(item) » (rien ne change)"
        case .withdrawn(let item, let identity):
            return "Retirée partout : « \(identity) » (par « \(item) »)"
        case .superseded(let item, _):
            return "Remplacée par une version plus récente : « \(item) »"
        case .rejected(let item, let report):
            return "Refusée : « \(item) » — lisez queue/rejected/\(report)"
        case .deferred(let item, let until):
            return "En attente : « \(item) » jusqu'au \(calendar.frenchWords(until, referenceYear: nil, article: false))"
        case .expired(let item):
            return "Expirée : « \(item) » (date de fin passée avant la publication, rien n'est publié) — lisez queue/done/\(item)\(QueueLayout.reportSuffix)"
        case .retry(let item, let reason, _):
            return "Problème passager pour « \(item) » : \(reason)"
        case .recovered(let item):
            return "Reprise : « \(item) »"
        case .changedWhileRead(let item):
            return "Remise dans la file : « \(item) » changeait encore pendant sa lecture"
        case .periodicFailure(let reason, _):
            return "Lettre d'information : envoi interrompu, \(reason)"
        case .periodicSettingsError(let reason, _):
            return "Lettre d'information : envoi arrêté, un réglage est à corriger : \(reason)"
        case .periodicBlocked(let reason):
            return "Lettre d'information : envoi bloqué jusqu'à votre intervention.\n\(reason)"
        }
    }
}
