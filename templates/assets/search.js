// journal search: a small client over the index that `journal build` writes to search/.
// Shards are .js files that call JournalSearch.t / JournalSearch.d, loaded with <script> tags,
// so the page works from file:// as well as over HTTP.
(function () {
  "use strict";
  var script = document.currentScript;
  var root = (script && script.getAttribute("data-root")) || "../";
  // "index.html", or "" when the site links to folders (never over file://, where a folder
  // link opens a listing).
  var index = (script && script.getAttribute("data-index")) || "";
  if (location.protocol === "file:") index = "index.html";
  var base = root + "search/";
  var loaded = {};
  var waiting = {};
  var termShards = {};
  var docShards = {};
  var PAGE = 10;

  window.JournalSearch = {
    meta: null,
    t: function (n, table) { termShards[n] = table; },
    d: function (n, docs) { docShards[n] = docs; },
  };

  function load(name) {
    if (loaded[name]) return loaded[name];
    loaded[name] = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = base + name + ".js";
      s.onload = function () { resolve(); };
      s.onerror = function () { reject(new Error("cannot load " + s.src)); };
      document.head.appendChild(s);
    });
    return loaded[name];
  }

  // Must match SearchIndexBuilder.terms(in:) in Swift: lower-cased runs of letters and digits.
  function terms(text) {
    var out = [];
    var seen = {};
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text.toLowerCase())) !== null) {
      var t = m[0];
      if (t.length < 2 || t.length > 32 || seen[t]) continue;
      seen[t] = true;
      out.push(t);
    }
    return out;
  }

  // FNV-1a over UTF-8 bytes, as in SearchIndexBuilder.shard(of:count:).
  function shardOf(term, count) {
    var bytes = new TextEncoder().encode(term);
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % count;
  }

  function postings(encoded) {
    var ids = [];
    var last = 0;
    if (!encoded) return ids;
    if (encoded.charAt(0) === "~") {
      var bits = atob(encoded.slice(1));
      for (var b = 0; b < bits.length; b++) {
        var byte = bits.charCodeAt(b);
        for (var k = 0; k < 8; k++) if (byte & (1 << k)) ids.push(b * 8 + k);
      }
      return ids;
    }
    var parts = encoded.split(",");
    for (var i = 0; i < parts.length; i++) {
      last += parseInt(parts[i], 36);
      ids.push(last);
    }
    return ids;
  }

  function intersect(a, b) {
    var out = [];
    var i = 0, j = 0;
    while (i < a.length && j < b.length) {
      if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
      else if (a[i] < b[j]) i++;
      else j++;
    }
    return out;
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  // About 160 characters of the section's opening text, centred on the first matching word.
  function excerpt(text, words) {
    var lower = text.toLowerCase();
    var at = -1;
    words.forEach(function (w) {
      var i = lower.indexOf(w);
      if (i >= 0 && (at < 0 || i < at)) at = i;
    });
    if (text.length <= 160) return text;
    var start = Math.max(0, Math.min(at - 50, text.length - 160));
    if (start > 0) start = text.indexOf(" ", start) + 1 || start;
    var end = Math.min(text.length, start + 160);
    var cut = text.slice(start, end);
    if (end < text.length) cut = cut.replace(/\s+\S*$/, "") + "…";
    return (start > 0 ? "…" : "") + cut;
  }

  function highlight(text, words) {
    var html = escapeHTML(excerpt(text, words));
    words.forEach(function (w) {
      var safe = w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      html = html.replace(new RegExp("(^|[^\\p{L}\\p{N}])(" + safe + ")", "giu"), "$1<mark>$2</mark>");
    });
    return html;
  }

  function pageURL(url) {
    return root + url.replace(/\/(#|$)/, "/" + index + "$1");
  }

  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var generation = 0;

  function search(query) {
    var mine = ++generation;
    var words = terms(query);
    list.innerHTML = "";
    if (words.length === 0) { status.textContent = ""; return; }
    status.textContent = "Searching…";
    load("meta").then(function () {
      var meta = window.JournalSearch.meta;
      var shards = words.map(function (w) { return shardOf(w, meta.termShards); });
      return Promise.all(shards.map(function (n) { return load("t" + n); })).then(function () {
        var ids = null;
        for (var i = 0; i < words.length; i++) {
          var p = postings((termShards[shards[i]] || {})[words[i]]);
          ids = ids === null ? p : intersect(ids, p);
        }
        return { meta: meta, ids: ids || [] };
      });
    }).then(function (found) {
      if (mine !== generation) return;
      var ids = found.ids;
      status.textContent = ids.length === 0 ? "No results."
        : ids.length + (ids.length === 1 ? " result" : " results") + ", newest first.";
      show(ids, 0, found.meta.docsPerShard, words, mine);
    }).catch(function (error) {
      status.textContent = "Search failed: " + error.message;
    });
  }

  // Shows results from..from+PAGE, which appear as their document shards arrive, then a button
  // for the next ones. Each result costs at most one small shard.
  function show(ids, from, perShard, words, mine) {
    var shown = ids.slice(from, from + PAGE);
    shown.forEach(function (id) {
      var li = document.createElement("li");
      list.appendChild(li);
      var n = Math.floor(id / perShard);
      load("d" + n).then(function () {
        if (mine !== generation) return;
        var doc = docShards[n][id % perShard];
        var heading = doc[2] && doc[2] !== doc[1] ? " › " + escapeHTML(doc[2]) : "";
        li.innerHTML = '<a href="' + escapeHTML(pageURL(doc[0])) + '">'
          + escapeHTML(doc[1]) + heading + "</a>"
          + '<p class="meta"><time datetime="' + doc[3] + '">' + doc[3] + "</time></p>"
          + "<p>" + highlight(doc[4], words) + "</p>";
      });
    });
    if (from + PAGE < ids.length) {
      var more = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "More results";
      button.addEventListener("click", function () {
        list.removeChild(more);
        show(ids, from + PAGE, perShard, words, mine);
      });
      more.appendChild(button);
      list.appendChild(more);
    }
  }

  var timer = null;
  input.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(function () {
      var q = input.value;
      try {
        history.replaceState(null, "", q ? "?q=" + encodeURIComponent(q) : location.pathname);
      } catch (e) {
        // Some browsers refuse history changes on file:// pages; the search still works.
      }
      search(q);
    }, 120);
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { input.value = initial; search(initial); }
})();
