extension ScreenPage {
    // Plain ES5 plus fetch and Promise, for the older browsers of television
    // sticks. Item text is only ever read from the DOM the server escaped; the
    // script never builds HTML from text.
    static let script = """

        (function () {
          "use strict";
          var JOURS = ["dimanche", "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi"];
          var MOIS = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
            "septembre", "octobre", "novembre", "décembre"];
          var TAILLE = \(ScreenLegibility.bodyPixels), TAILLE_MIN = \(ScreenLegibility.minimumBodyPixels);
          var corps = document.body;
          // No line break inside "2 décembre" or "12 h 00".
          var INSECABLE = "\\u00a0";
          var CLE = "crieur-ecran";

          // "Now": the device's clock, or the moment given as ?maintenant=… (then running).
          var decalage = 0;
          var demande = /[?&]maintenant=([^&]*)/.exec(location.search);
          if (demande) {
            var voulu = Date.parse(decodeURIComponent(demande[1]));
            if (!isNaN(voulu)) { decalage = voulu - Date.now(); }
          }
          function maintenant() { return Date.now() + decalage; }

          // Day and time on the centre's clock, whatever the device's zone.
          function partiesLocales(instant) {
            try {
              var format = new Intl.DateTimeFormat("en-GB", { timeZone: corps.getAttribute("data-fuseau"),
                year: "numeric", month: "numeric", day: "numeric", hour: "numeric", minute: "numeric", hourCycle: "h23" });
              var parties = {};
              format.formatToParts(new Date(instant)).forEach(function (p) { parties[p.type] = parseInt(p.value, 10); });
              return parties;
            } catch (erreur) {
              var d = new Date(instant);
              return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate(), hour: d.getHours(), minute: d.getMinutes() };
            }
          }

          function horloge() {
            var p = partiesLocales(maintenant());
            var jour = new Date(Date.UTC(p.year, p.month - 1, p.day)).getUTCDay();
            document.getElementById("date").textContent =
              JOURS[jour] + " " + (p.day === 1 ? "1er" : p.day) + INSECABLE + MOIS[p.month - 1] + " " + p.year;
            document.getElementById("heure").textContent =
              (p.hour % 24) + INSECABLE + "h" + INSECABLE + (p.minute < 10 ? "0" : "") + p.minute;
          }

          function annonces() {
            return Array.prototype.slice.call(document.querySelectorAll("#diapos .diapo[data-debut]"));
          }

          // Marks every slide "a-venir", "actuelle" or "terminee" at this instant.
          function dater() {
            var t = maintenant();
            annonces().forEach(function (diapo) {
              var debut = Date.parse(diapo.getAttribute("data-debut"));
              var fin = diapo.hasAttribute("data-fin") ? Date.parse(diapo.getAttribute("data-fin")) : Infinity;
              diapo.setAttribute("data-etat", t < debut ? "a-venir" : t > fin ? "terminee" : "actuelle");
            });
            return annonces().filter(function (diapo) { return diapo.getAttribute("data-etat") === "actuelle"; });
          }

          // Shrinks a crowded slide's text by steps, never under TAILLE_MIN; a slide
          // still too full gives up its picture before its words.
          function ajuster(diapo) {
            if (tenir(diapo)) { return; }
            var figure = diapo.querySelector("figure");
            if (figure && !figure.hidden) {
              figure.hidden = true;
              if (tenir(diapo)) { return; }
            }
            diapo.setAttribute("data-deborde", "oui");
          }

          function tenir(diapo) {
            var texte = diapo.querySelector(".texte");
            for (var taille = TAILLE; taille >= TAILLE_MIN; taille -= 2) {
              diapo.style.setProperty("--taille", String(taille));
              if (texte.scrollHeight <= texte.clientHeight + 1 && texte.scrollWidth <= texte.clientWidth + 1) {
                return true;
              }
            }
            return false;
          }

          function toutAjuster() {
            Array.prototype.forEach.call(document.querySelectorAll("#diapos .diapo"), function (diapo) {
              var cachee = diapo.hidden;
              diapo.hidden = false;
              ajuster(diapo);
              diapo.hidden = cachee;
            });
            Array.prototype.forEach.call(document.querySelectorAll("#diapos img"), function (image) {
              // A missing picture leaves its place to the text rather than a broken icon.
              image.onerror = function () { image.parentNode.hidden = true; };
              if (image.complete && image.naturalWidth === 0) { image.parentNode.hidden = true; }
            });
          }

          var affichee = null, minuterie = null;

          function montrer(diapo) {
            Array.prototype.forEach.call(document.querySelectorAll("#diapos .diapo"), function (autre) {
              autre.hidden = autre !== diapo;
            });
            affichee = diapo;
            clearTimeout(minuterie);
            minuterie = setTimeout(suivante, (parseInt(diapo.getAttribute("data-secondes"), 10) || 20) * 1000);
          }

          function suivante() {
            var actuelles = dater();
            if (actuelles.length === 0) {
              montrer(document.querySelector("#diapos .accueil"));
            } else {
              montrer(actuelles[(actuelles.indexOf(affichee) + 1) % actuelles.length]);
            }
          }

          // Every second: the clock, and a slide that just ended (or a first item
          // that just started while the welcome slide shows) moves on at once.
          function seconde() {
            horloge();
            var actuelles = dater();
            var accueil = affichee && affichee.classList.contains("accueil");
            if ((accueil && actuelles.length > 0) || (!accueil && actuelles.indexOf(affichee) < 0)) { suivante(); }
          }

          // The slides as the server wrote them, before the script touched them,
          // kept for a restart while the server is down. Storage may be refused
          // (private mode, full): the page works the same without it.
          function garder(diapos, centre) {
            try {
              var garde = { diapos: diapos.outerHTML, centre: centre };
              ["data-version", "data-construit", "data-sonde", "data-fuseau"].forEach(function (nom) {
                garde[nom] = corps.getAttribute(nom);
              });
              localStorage.setItem(CLE, JSON.stringify(garde));
            } catch (erreur) {}
          }

          // At start: slides kept from a page built later than this one replace it.
          function reprendre() {
            var garde;
            try { garde = JSON.parse(localStorage.getItem(CLE)); } catch (erreur) { return false; }
            if (!garde || typeof garde.diapos !== "string" ||
                !(Date.parse(garde["data-construit"]) > Date.parse(corps.getAttribute("data-construit")))) { return false; }
            var nouvelle = new DOMParser().parseFromString("<!DOCTYPE html><html><body>" + garde.diapos + "</body></html>", "text/html");
            if (!nouvelle.getElementById("diapos")) { return false; }
            ["data-version", "data-construit", "data-sonde", "data-fuseau"].forEach(function (nom) {
              if (typeof garde[nom] === "string") { corps.setAttribute(nom, garde[nom]); }
            });
            installer(nouvelle.getElementById("diapos"), String(garde.centre || ""));
            return true;
          }

          function installer(diapos, centre) {
            document.getElementById("diapos").parentNode.replaceChild(document.importNode(diapos, true), document.getElementById("diapos"));
            if (centre) { document.getElementById("centre").textContent = centre; }
          }

          function remplacer(nouvelle, version) {
            var centre = nouvelle.getElementById("centre");
            ["data-sonde", "data-fuseau", "data-construit"].forEach(function (nom) {
              if (nouvelle.body.hasAttribute(nom)) { corps.setAttribute(nom, nouvelle.body.getAttribute(nom)); }
            });
            corps.setAttribute("data-version", version);
            garder(nouvelle.getElementById("diapos"), centre ? centre.textContent : "");
            installer(nouvelle.getElementById("diapos"), centre ? centre.textContent : "");
            affichee = null;
            toutAjuster();
            suivante();
          }

          // Asks whether the slides changed; any failure keeps the current ones.
          function sonder() {
            if (!window.fetch) { return; }
            fetch("version.json", { cache: "no-store" })
              .then(function (reponse) { if (!reponse.ok) { throw new Error(reponse.status); } return reponse.json(); })
              .then(function (fichier) {
                var version = fichier && fichier.version;
                if (typeof version !== "string" || version === corps.getAttribute("data-version")) { return; }
                return fetch("index.html", { cache: "no-store" })
                  .then(function (reponse) { if (!reponse.ok) { throw new Error(reponse.status); } return reponse.text(); })
                  .then(function (texte) {
                    var nouvelle = new DOMParser().parseFromString(texte, "text/html");
                    // A page from before or after this version: wait for the next round.
                    if (nouvelle.getElementById("diapos") && nouvelle.body.getAttribute("data-version") === version) {
                      remplacer(nouvelle, version);
                    }
                  });
              })
              .catch(function () {});
          }

          function planifierSonde() {
            setTimeout(function () { sonder(); planifierSonde(); },
              Math.max(10, parseInt(corps.getAttribute("data-sonde"), 10) || 60) * 1000);
          }

          if (!reprendre()) { garder(document.getElementById("diapos"), document.getElementById("centre").textContent); }
          horloge();
          toutAjuster();
          suivante();
          setInterval(seconde, 1000);
          planifierSonde();
        })();

        """
}
