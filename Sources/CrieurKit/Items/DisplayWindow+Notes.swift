/// What `crieur check` tells staff about an item's display window when they
/// gave it no end: how long each listing channel will show it, and until when.
extension DisplayWindow {
    /// French sentences, one per listing channel the item is shown on (the feed
    /// shows every item), then how to choose; empty when `Fin:` is given.
    /// `today` stands for the publication day when the item has none.
    public static func notes(for item: Item, settings: DisplayWindowSettings, today: CivilDate) -> [String] {
        guard item.expires == nil else { return [] }
        let start = item.publication ?? ItemMoment(date: today)
        if let lastDay = item.when?.lastDay {
            return ["Sans date de fin, l'annonce sera montrée jusqu'au dernier jour de son « Quand » "
                + "(\(FrenchDates.date(lastDay, referenceYear: start.date.year)))."]
        }
        var places: [(days: Int, where: String)] = []
        if item.channels.contains(.ecran) { places.append((settings.screenDays, "à l'écran")) }
        if item.channels.contains(.bulletin) { places.append((settings.bulletinDays, "dans le bulletin communal")) }
        places.append((settings.feedDays, "dans le flux du site"))
        var notes = places.map { place in
            let window = DisplayWindow(start: start, expires: nil, when: nil, defaultDays: place.days)
            let until = window.lastMoment.map { FrenchDates.day($0.date, referenceYear: start.date.year) } ?? ""
            return "Sans date de fin, l'annonce restera \(place.days) jours \(place.where) (jusqu'au \(until))."
        }
        notes.append("Pour choisir, ajoutez une ligne « Fin: » (dernier jour montré) ou « Quand: » (le jour de l'événement).")
        return notes
    }
}
