// The search page and its script. Matching runs in the page, over the index script beside it:
// every word typed must appear in the node's id, kind, owner, tier or description, and
// `owner:`, `kind:` and `tier:` narrow to one field. Results are drawn with textContent, never
// as markup, so nothing in the graph can become a tag.

import { htmlPage, type SiteStamp } from "./page-shell.js";

export function renderSearchPage(stamp: SiteStamp, nodeCount: number): string {
  const body = `<h1>Search</h1>
<form class="search" role="search" aria-label="Nodes" onsubmit="return false"><label for="q">Search ${nodeCount.toLocaleString("en")} nodes by id, kind, owner, tier or description (<code>owner:team</code>, <code>kind:iam-role</code>, <code>tier:0</code> narrow to one field)</label><br>
<input id="q" name="q" type="search" autocomplete="off" autofocus></form>
<p id="status" role="status" aria-live="polite"></p>
<ol id="results" class="results"></ol>
<noscript><p>Search needs JavaScript; the <a href="kinds.html">kinds</a> and <a href="owners.html">owners</a> pages list every node without it.</p></noscript>`;
  return htmlPage({
    path: "search.html",
    title: "Search",
    body,
    stamp,
    scripts: ["search-index.js", "search.js"],
  });
}

/** The search page's script. Plain ES2017, no dependency. */
export const SEARCH_JS = `(function () {
  "use strict";
  var rows = window.BLASTRADIUS_INDEX || [];
  var lower = rows.map(function (r) {
    return [r[0].toLowerCase(), r[1].toLowerCase(), r[2].toLowerCase(), String(r[3]), r[4].toLowerCase()];
  });
  var input = document.getElementById("q");
  var list = document.getElementById("results");
  var status = document.getElementById("status");
  var LIMIT = 100;
  function pageOf(r) {
    // The index writes a page's path only where it is not the id itself (search-index.ts).
    return r[5] || "nodes/" + r[0] + ".html";
  }
  function score(i, words, fields) {
    var l = lower[i], s = 0;
    for (var f in fields) {
      var at = f === "owner" ? 2 : f === "kind" ? 1 : 3;
      if (l[at] !== fields[f]) return -1;
    }
    for (var w = 0; w < words.length; w++) {
      var word = words[w];
      if (l[0] === word) s += 100;
      else if (l[0].indexOf(word) === 0 || l[0].indexOf("/" + word) >= 0) s += 50;
      else if (l[0].indexOf(word) >= 0) s += 30;
      else if (l[1].indexOf(word) >= 0 || l[2].indexOf(word) >= 0) s += 10;
      else if (l[4].indexOf(word) >= 0) s += 5;
      else return -1;
    }
    return s;
  }
  function run() {
    var q = input.value.trim().toLowerCase();
    list.textContent = "";
    if (!q) { status.textContent = ""; return; }
    var words = [], fields = {};
    q.split(/\\s+/).forEach(function (t) {
      var m = /^(owner|kind|tier):(.+)$/.exec(t);
      if (m) fields[m[1]] = m[2]; else words.push(t);
    });
    var hits = [];
    for (var i = 0; i < rows.length; i++) {
      var s = score(i, words, fields);
      if (s >= 0) hits.push([s, i]);
    }
    hits.sort(function (a, b) { return b[0] - a[0] || (rows[a[1]][0] < rows[b[1]][0] ? -1 : 1); });
    status.textContent = hits.length + (hits.length === 1 ? " node" : " nodes") + " found" + (hits.length > LIMIT ? ", showing the first " + LIMIT : "") + ".";
    hits.slice(0, LIMIT).forEach(function (h) {
      var r = rows[h[1]];
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = pageOf(r);
      a.textContent = r[0];
      li.appendChild(a);
      var meta = " " + r[1] + (r[2] ? " · " + r[2] : " · no owner") + (r[3] >= 0 ? " · tier " + r[3] : "") + (r[4] ? ": " + r[4] : "");
      li.appendChild(document.createTextNode(meta));
      list.appendChild(li);
    });
  }
  input.addEventListener("input", run);
  var given = new URLSearchParams(location.search).get("q");
  if (given) { input.value = given; }
  run();
})();
`;
