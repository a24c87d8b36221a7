/* Fact cards: "Copy link" and "Cite this fact" (plain text and CSL-JSON for Zotero).
   The pages read without this script: the permalink stays a link. Text from the facts is only
   ever set with textContent, never parsed as HTML. */
(function () {
  "use strict";

  function factUrl(article) {
    var link = article.querySelector(".fs-permalink");
    return link ? link.href : location.href;
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } catch (error) { /* the text stays selectable */ }
    area.remove();
  }

  function copy(text, button) {
    var label = button.textContent;
    var done = function () {
      button.textContent = "Copied";
      setTimeout(function () { button.textContent = label; }, 1500);
    };
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(done, function () { fallbackCopy(text); done(); });
    } else {
      fallbackCopy(text);
      done();
    }
  }

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  function citePanel(article) {
    var data = JSON.parse(article.getAttribute("data-cite"));
    var url = factUrl(article);
    // The build date and data version, from the generated build.js (one file for every page).
    var build = window.factsheetBuild || { built: null, shown: "?", version: "?" };
    data.csl[0].URL = url;
    if (build.built) {
      data.csl[0].issued = { "date-parts": [build.built] };
      data.csl[0].accessed = { "date-parts": [build.built] };
    }
    data.csl[0].version = build.version;
    var text = data.text.split("{URL}").join(url).split("{BUILT}").join(build.shown)
      .split("{VERSION}").join(build.version);
    var csl = JSON.stringify(data.csl, null, 2);
    var panel = element("div", "fs-cite");
    panel.appendChild(element("p", "fs-cite-label", "Cite this fact"));
    panel.appendChild(element("p", "fs-cite-text", text));
    var tools = element("p", "fs-cite-tools");
    var copyText = element("button", "fs-copy-text", "Copy text");
    copyText.type = "button";
    copyText.addEventListener("click", function () { copy(text, copyText); });
    var copyCsl = element("button", "fs-copy-csl", "Copy CSL-JSON");
    copyCsl.type = "button";
    copyCsl.addEventListener("click", function () { copy(csl, copyCsl); });
    var save = element("a", "fs-save-csl", "Download CSL-JSON (Zotero: File, Import)");
    save.href = URL.createObjectURL(new Blob([csl], { type: "application/json" }));
    save.download = (article.querySelector(".fs-claim").id || "fact") + ".json";
    tools.append(copyText, " ", copyCsl, " ", save);
    panel.appendChild(tools);
    panel.appendChild(element("pre", "fs-cite-csl", csl));
    return panel;
  }

  function setUp(article) {
    var copyLink = article.querySelector(".fs-copy");
    var cite = article.querySelector(".fs-cite-button");
    if (copyLink) {
      copyLink.hidden = false;
      copyLink.addEventListener("click", function () { copy(factUrl(article), copyLink); });
    }
    if (cite) {
      cite.hidden = false;
      cite.addEventListener("click", function () {
        var open = article.querySelector(".fs-cite");
        if (open) {
          open.remove();
        } else {
          article.appendChild(citePanel(article));
        }
        cite.setAttribute("aria-expanded", open ? "false" : "true");
      });
    }
  }

  document.querySelectorAll(".fs-fact[data-cite]").forEach(setUp);

  // A link to a fact of a list on numbered pages, made before the fact moved to another of
  // them (facts were added before it): look for it on the list's other pages and go there.
  // Over http(s) only: a page read from disk cannot fetch its neighbours and stays as it is.
  function findMovedFact() {
    var id = decodeURIComponent(location.hash.slice(1));
    var pager = document.querySelector(".fs-pager");
    if (!/^fact-[a-z0-9-]+$/.test(id) || document.getElementById(id) || !pager ||
        !/^https?:$/.test(location.protocol) || !window.fetch) { return; }
    var pages = Array.prototype.map.call(pager.querySelectorAll("a:not([rel])"),
      function (link) { return link.href; });
    var marker = 'id="' + id + '"';
    (function look(index) {
      if (index >= pages.length) { return; }
      fetch(pages[index]).then(function (response) { return response.ok ? response.text() : ""; })
        .then(function (text) {
          if (text.indexOf(marker) >= 0) {
            location.replace(pages[index] + "#" + id);
          } else {
            look(index + 1);
          }
        }, function () { look(index + 1); });
    })(0);
  }

  findMovedFact();

  // Material's search overlay is a dialog without a name (axe: aria-dialog-name).
  var search = document.querySelector(".md-search[role=dialog]");
  if (search && !search.hasAttribute("aria-label")) { search.setAttribute("aria-label", "Search"); }
})();
