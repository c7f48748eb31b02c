extension ScreenPage {
    // Sizes and colours come from ScreenLegibility, where the rules behind them
    // are written down. Every length is a number of --u, one pixel of a screen
    // 1080 pixels on its short side: a 720p or a 4K television shows the same
    // layout as a 1080p one, each letter at the same share of the screen, and a
    // portrait 1080×1920 screen the same type size, the picture under the text.
    // The slide's text follows --taille (in those units), which the script
    // lowers step by step (never under ScreenLegibility.minimumBodyPixels) when
    // a slide overflows. The header wraps rather than cut the centre's name or
    // the clock.
    static let style = """

        :root { --u: calc(100vmin / 1080); }
        html, body { margin: 0; height: 100%; overflow: hidden; }
        body { background: \(ScreenLegibility.background); color: \(ScreenLegibility.text);
          font-family: "DejaVu Sans", Verdana, Arial, "Liberation Sans", sans-serif; line-height: 1.3;
          display: flex; flex-direction: column; }
        header { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center;
          column-gap: calc(48 * var(--u)); padding: calc(16 * var(--u)) calc(64 * var(--u)); background: \(ScreenLegibility.headerBackground);
          font-size: calc(\(ScreenLegibility.headerPixels) * var(--u)); font-weight: bold; }
        header p { margin: 0; overflow-wrap: anywhere; }
        #horloge { color: \(ScreenLegibility.accent); margin-left: auto; text-align: right; }
        main { flex: 1; min-height: 0; padding: calc(32 * var(--u)) calc(64 * var(--u)); }
        .diapo { --taille: \(ScreenLegibility.bodyPixels); height: 100%; display: flex; gap: calc(64 * var(--u)); }
        .diapo[hidden] { display: none; }
        .texte { flex: 1; min-width: 0; min-height: 0; overflow: hidden; font-size: calc(var(--taille) * var(--u)); overflow-wrap: anywhere; }
        h1 { font-size: calc(var(--taille) * var(--u) * \(ScreenLegibility.titleScale)); line-height: 1.2; margin: 0 0 0.3em;
          color: \(ScreenLegibility.accent); }
        .urgent { float: left; margin: 0.35em 0.5em 0 0; padding: 0.05em 0.4em; line-height: 1.3; font-weight: bold; letter-spacing: 0.05em;
          color: \(ScreenLegibility.background); background: \(ScreenLegibility.accent); }
        .corps p, .corps ul { margin: 0 0 0.4em; }
        .corps ul { padding-left: 1.2em; }
        .corps strong { font-weight: bold; }
        .pratique { margin: 0.5em 0 0; display: grid; grid-template-columns: auto 1fr; column-gap: 0.4em; row-gap: 0.2em; }
        .pratique dt { font-weight: bold; color: \(ScreenLegibility.accent); white-space: nowrap; }
        .pratique dd { margin: 0; min-width: 0; }
        figure { margin: 0; flex: 0 0 36%; min-height: 0; display: flex; align-items: center; justify-content: center; }
        figure[hidden] { display: none; }
        figure img { max-width: 100%; max-height: 100%; object-fit: contain; }
        .accueil .texte { display: flex; flex-direction: column; justify-content: center; text-align: center; }
        @media (orientation: portrait) {
          .diapo { flex-direction: column; }
          figure { flex: 0 0 30%; }
        }

        """
}
