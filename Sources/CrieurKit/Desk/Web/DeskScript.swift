/// The desk's only script, served as a file (`/bureau.js`, so the pages allow
/// no inline script): the live readability check. About 800 ms after typing
/// stops, it posts the form's text fields (never the picture) to
/// `/verification` with the form token in `X-Crieur-Jeton`, one request at a
/// time (a change during a request sends once more after it), and shows the
/// answer (`DeskCheck.json()`) per channel, ✔ or ✘, with each finding at its
/// sentence and the suggested wording. Everything goes in through
/// `textContent`, never as HTML. Without JavaScript, the « Vérifier » button
/// does the same through the page.
enum DeskScript {
    static let source = #"""
    (function () {
      "use strict";
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
        (check.channels || []).forEach(function (c) {
          var heading = add(out, "h3", (c.passes ? "✔ " : "✘ ") + (c.frenchName || c.channel) + (c.passes ? " : prêt" : " : à simplifier"),
                            c.passes ? "canal-ok" : "canal-ko");
          heading.setAttribute("data-canal", c.channel || "");
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
