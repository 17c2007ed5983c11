// Stapteam: small enhancements on top of pages that work without JavaScript.
// - the menu folds away behind a button on a phone;
// - a warning two minutes before an idle session ends, with "Ingelogd blijven";
// - focus on the error summary after a failed submit;
// - wide tables that scroll sideways can be reached with the keyboard.
(function () {
  "use strict";

  function menu() {
    var knop = document.querySelector(".kop__menuknop");
    var nav = document.getElementById("hoofdmenu");
    if (!knop || !nav) return;
    var smal = window.matchMedia("(max-width: 47.99rem)");
    function zet(open) {
      knop.setAttribute("aria-expanded", open ? "true" : "false");
      if (open) nav.removeAttribute("data-dicht"); else nav.setAttribute("data-dicht", "");
    }
    knop.hidden = false;
    zet(!smal.matches);
    knop.addEventListener("click", function () {
      zet(knop.getAttribute("aria-expanded") !== "true");
    });
    smal.addEventListener("change", function (e) { zet(!e.matches); });
  }

  function sessie() {
    var seconden = parseInt(document.body.dataset.sessieSeconden || "0", 10);
    var dialoog = document.getElementById("sessie-dialoog");
    if (!seconden || !dialoog || typeof dialoog.showModal !== "function") return;
    var waarschuwVooraf = Math.min(120, Math.floor(seconden / 2));
    var rest = dialoog.querySelector("[data-sessie-rest]");
    var form = dialoog.querySelector("form");
    var waarschuwing, einde, teller;

    function plan() {
      clearTimeout(waarschuwing); clearTimeout(einde); clearInterval(teller);
      waarschuwing = setTimeout(waarschuw, (seconden - waarschuwVooraf) * 1000);
      einde = setTimeout(verlopen, seconden * 1000);
    }
    function waarschuw() {
      var over = waarschuwVooraf;
      rest.textContent = over + " seconden";
      teller = setInterval(function () {
        over -= 10;
        if (over > 0) rest.textContent = over + " seconden";
      }, 10000);
      dialoog.showModal();
    }
    function verlopen() {
      window.location.href = "/accounts/login/?next=" + encodeURIComponent(window.location.pathname);
    }
    form.addEventListener("submit", function (e) {
      e.preventDefault();
      fetch(form.action, { method: "POST", body: new FormData(form), credentials: "same-origin" })
        .then(function (antwoord) {
          if (antwoord.ok) { dialoog.close(); plan(); } else { verlopen(); }
        })
        .catch(function () { dialoog.close(); plan(); });
    });
    plan();
  }

  // After a failed submit, move focus to the list of errors so it is read out first.
  function foutsamenvatting() {
    var samenvatting = document.querySelector("[data-foutsamenvatting]");
    if (samenvatting) samenvatting.focus();
  }

  // Buttons with data-afdrukken open the browser's print dialog (the plan to discuss).
  function afdrukken() {
    document.querySelectorAll("[data-afdrukken]").forEach(function (knop) {
      knop.addEventListener("click", function () { window.print(); });
    });
  }

  // A table wider than the screen scrolls sideways; keyboard users must be able to reach
  // that scroll region, so it becomes focusable and gets the table's caption as its name.
  function scrollbareTabellen() {
    document.querySelectorAll(".tabel-wrap").forEach(function (wrap) {
      if (wrap.scrollWidth <= wrap.clientWidth || wrap.hasAttribute("tabindex")) return;
      var bijschrift = wrap.querySelector("caption");
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", bijschrift ? bijschrift.textContent.trim() : "Tabel");
    });
  }

  // A form with data-bezig runs long on the server (a workbook import): on submit its
  // button is disabled and the text says it is busy, announced to screen readers.
  function bezig() {
    document.querySelectorAll("form[data-bezig]").forEach(function (form) {
      form.addEventListener("submit", function () {
        var knop = form.querySelector("button[type=submit]");
        if (knop) knop.disabled = true;
        var status = document.createElement("p");
        status.setAttribute("role", "status");
        status.textContent = form.getAttribute("data-bezig");
        form.appendChild(status);
      });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    menu();
    bezig();
    sessie();
    foutsamenvatting();
    afdrukken();
    scrollbareTabellen();
    // A phone turned upright can make a table too wide that fitted before.
    window.addEventListener("resize", scrollbareTabellen);
  });
})();
