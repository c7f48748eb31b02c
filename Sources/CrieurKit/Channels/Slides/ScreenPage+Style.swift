extension ScreenPage {
    // A fixed 1920×1080 frame: header band, then the slide. Sizes and colours come
    // from ScreenLegibility, where the rules behind them are written down. The
    // slide's text sizes follow --taille, which the script lowers step by step
    // (never under ScreenLegibility.minimumBodyPixels) when a slide overflows.
    static let style = """

        html, body { margin: 0; height: 100%; overflow: hidden; }
        body { background: \(ScreenLegibility.background); color: \(ScreenLegibility.text);
          font-family: "DejaVu Sans", Verdana, Arial, "Liberation Sans", sans-serif; line-height: 1.3;
          display: flex; flex-direction: column; }
        header { display: flex; justify-content: space-between; align-items: center; gap: 48px;
          padding: 16px 64px; background: \(ScreenLegibility.headerBackground);
          font-size: \(ScreenLegibility.headerPixels)px; font-weight: bold; }
        header p { margin: 0; white-space: nowrap; overflow: hidden; text-overflow: ellipsis; }
        #horloge { color: \(ScreenLegibility.accent); }
        main { flex: 1; min-height: 0; padding: 40px 64px 48px; }
        .diapo { --taille: \(ScreenLegibility.bodyPixels)px; height: 100%; display: flex; gap: 64px; }
        .diapo[hidden] { display: none; }
        .texte { flex: 1; min-width: 0; overflow: hidden; font-size: var(--taille); overflow-wrap: anywhere; }
        h1 { font-size: calc(var(--taille) * \(ScreenLegibility.titleScale)); line-height: 1.15; margin: 0 0 0.4em;
          color: \(ScreenLegibility.accent); }
        .corps p, .corps ul { margin: 0 0 0.5em; }
        .corps ul { padding-left: 1.2em; }
        .corps strong { font-weight: bold; }
        .pratique { margin: 0.8em 0 0; }
        .pratique div { margin: 0 0 0.2em; }
        .pratique dt { display: inline; font-weight: bold; color: \(ScreenLegibility.accent); }
        .pratique dd { display: inline; margin: 0; }
        figure { margin: 0; flex: 0 0 36%; display: flex; align-items: center; justify-content: center; }
        figure[hidden] { display: none; }
        figure img { max-width: 100%; max-height: 100%; object-fit: contain; }
        .accueil .texte { display: flex; flex-direction: column; justify-content: center; text-align: center; }

        """
}
