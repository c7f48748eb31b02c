/// The desk's only script, served as a file (`/bureau.js`, so the pages allow
/// no inline script): the live readability check. About 800 ms after typing
/// stops, it posts the form's text fields (never the picture) to
/// `/verification` with the form token in `X-Crieur-Jeton`, one request at a
/// time (a change during a request sends once more after it), and shows the
/// answer (`DeskCheck.json()`) per channel, ✔ or ✘, with each finding at its
/// sentence and the suggested wording. Everything goes in through
/// `textContent`, never as HTML. Without JavaScript, the « Vérifier » button
/// does the same through the page.
///
/// It also finishes the previews, which are sandboxed frames without scripts
/// of their own (`DeskPreview`): the screen's slide shrinks its text by steps
/// as the screen page does (`ScreenPage+Script`, the same sizes), and when even
/// the smallest size does not fit, a warning under the frame says the bottom
/// will be cut on the television; the newsletter's frame grows to its page's
/// height, so nothing looks cut off that is not.
enum DeskScript {
    static let source = #"""
    (function () {
      "use strict";
      var TAILLE = \#(ScreenLegibility.bodyPixels), TAILLE_MIN = \#(ScreenLegibility.minimumBodyPixels);

      function frameDocument(frame) {
        try { return frame.contentDocument; } catch (e) { return null; }
      }

      function fitSlide(frame) {
        var doc = frameDocument(frame);
        var diapo = doc && doc.querySelector(".diapo"), texte = doc && doc.querySelector(".texte");
        if (!diapo || !texte) { return; }
        function shrink() {
          for (var taille = TAILLE; taille >= TAILLE_MIN; taille -= 2) {
            diapo.style.setProperty("--taille", String(taille));
            if (texte.scrollHeight <= texte.clientHeight + 1 && texte.scrollWidth <= texte.clientWidth + 1) { return true; }
          }
          return false;
        }
        var fits = shrink();
        var figure = diapo.querySelector("figure");
        if (!fits && figure && !figure.hidden) { figure.hidden = true; fits = shrink(); }
        var box = frame.parentNode, note = box.nextElementSibling;
        if (note && note.classList.contains("crieur-deborde")) { note.parentNode.removeChild(note); }
        frame.setAttribute("data-ajuste", fits ? "tient" : "deborde");
        if (fits) { return; }
        note = document.createElement("p");
        note.className = "crieur-deborde";
        note.textContent = "Attention : l'annonce ne tient pas sur l'écran, même en lettres plus petites. "
          + "Le bas sera coupé à la télévision, comme ici. Raccourcissez le texte, ou retirez le lieu, le lien ou l'image.";
        box.parentNode.insertBefore(note, box.nextSibling);
      }

      function fitLetter(frame) {
        var doc = frameDocument(frame);
        if (!doc || !doc.documentElement) { return; }
        frame.parentNode.style.height = "auto";
        frame.style.height = "0";
        frame.style.height = (doc.documentElement.scrollHeight + 2) + "px";
        frame.setAttribute("data-ajuste", "hauteur");
      }

      function whenLoaded(selector, fit) {
        Array.prototype.forEach.call(document.querySelectorAll(selector), function (frame) {
          frame.addEventListener("load", function () { fit(frame); });
          var doc = frameDocument(frame);
          if (doc && doc.readyState === "complete" && doc.body && doc.body.firstChild) { fit(frame); }
        });
      }
      whenLoaded(".crieur-apercu-ecran iframe", fitSlide);
      whenLoaded(".crieur-apercu-lettre iframe", fitLetter);
      window.addEventListener("resize", function () {
        Array.prototype.forEach.call(document.querySelectorAll(".crieur-apercu-lettre iframe"), fitLetter);
      });

      var form = document.getElementById("annonce");
      if (!form || !window.fetch || !window.URLSearchParams) { return; }
      var box = document.getElementById("verification-directe");
      var out = box.querySelector("div");
      var url = form.getAttribute("data-verification");
      var token = form.getAttribute("data-jeton");
      var timer = null, busy = false, again = false;

      function fields() {
        var params = new URLSearchParams();
        for (var i = 0; i < form.elements.length; i++) {
          var e = form.elements[i];
          if (!e.name || e.type === "file" || e.type === "submit" || e.type === "button") { continue; }
          if ((e.type === "checkbox" || e.type === "radio") && !e.checked) { continue; }
          params.append(e.name, e.value);
        }
        return params.toString();
      }

      function add(parent, tag, text, className) {
        var node = document.createElement(tag);
        if (text !== undefined && text !== null) { node.textContent = text; }
        if (className) { node.className = className; }
        parent.appendChild(node);
        return node;
      }

      function show(check) {
        out.textContent = "";
        var problems = check.problems || [];
        if (problems.length) {
          add(out, "p", "À corriger avant l'envoi :", "ko");
          var list = add(out, "ul");
          problems.forEach(function (p) { add(list, "li", p); });
        }
        // A channel whose remarks are the same as an earlier one's says so in one line rather than repeat them.
        var seen = {};
        (check.channels || []).forEach(function (c) {
          var heading = add(out, "h3", (c.passes ? "✔ " : "✘ ") + (c.frenchName || c.channel) + (c.passes ? " : prêt" : " : à simplifier"),
                            c.passes ? "canal-ok" : "canal-ko");
          heading.setAttribute("data-canal", c.channel || "");
          var key = JSON.stringify([c.passes, c.limits || [], c.findings || []]);
          if ((c.limits || []).length + (c.findings || []).length > 0) {
            if (seen[key]) {
              add(out, "p", "Mêmes remarques que pour « " + seen[key] + " », ci-dessus.", "memes-remarques");
              return;
            }
            seen[key] = c.frenchName || c.channel;
          }
          var items = (c.limits || []).slice();
          var ul = null;
          if (items.length || (c.findings || []).length) { ul = add(out, "ul"); }
          items.forEach(function (l) { add(ul, "li", l); });
          (c.findings || []).forEach(function (f) {
            var li = add(ul, "li", null, "constat");
            var sentence = f.sentence || f.text || f.excerpt;
            if (sentence) { add(li, "q", sentence); add(li, "span", " — "); }
            add(li, "span", f.message || "");
            if (f.suggestion) { add(li, "span", " Proposition : " + f.suggestion, "proposition"); }
          });
        });
        box.hidden = false;
      }

      function run() {
        if (busy) { again = true; return; }
        busy = true;
        box.setAttribute("aria-busy", "true");
        fetch(url, {
          method: "POST", credentials: "same-origin",
          headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Crieur-Jeton": token },
          body: fields()
        }).then(function (r) {
          if (!r.ok) { throw new Error(String(r.status)); }
          return r.json();
        }).then(show, function () {
          out.textContent = "La vérification pendant la frappe ne répond pas ; le bouton « Vérifier » reste disponible.";
          box.hidden = false;
        }).then(function () {
          busy = false;
          box.removeAttribute("aria-busy");
          if (again) { again = false; run(); }
        });
      }

      function schedule() {
        if (timer) { clearTimeout(timer); }
        timer = setTimeout(function () { timer = null; run(); }, 800);
      }

      form.addEventListener("input", schedule);
      form.addEventListener("change", schedule);
    })();
    """#
}
