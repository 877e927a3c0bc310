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
  var loaded = Object.create(null);
  var termShards = Object.create(null);
  var docShards = Object.create(null);
  var PAGE = 10;

  window.JournalSearch = {
    meta: null,
    t: function (n, table) {
      // A null-prototype copy: "constructor" is a word like any other.
      var own = Object.create(null);
      Object.keys(table).forEach(function (term) { own[term] = table[term]; });
      termShards[n] = own;
    },
    d: function (n, docs) { docShards[n] = docs; },
    lengths: null,
    // The index terms of a text, as the index was made: for the tests.
    terms: function (text) { return words(text).map(function (w) { return w.stem; }); },
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

  // A lower-cased word without diacritics, as SearchIndexBuilder.fold(_:) in Swift.
  function fold(word) { return word.normalize("NFD").replace(/\p{M}/gu, ""); }

  // Porter's stemmer over a word's UTF-8 bytes, as SQLite FTS5's `porter` tokenizer (and
  // PorterStemmer.swift, which builds the index) applies it; see PorterStemmer.swift.
  var stem = (function () {
    function rules(list, condition) {
      return list.map(function (r) {
        return { suffix: bytesOf(r[0]), out: bytesOf(r[1]), cond: r[2] || condition };
      });
    }
    function bytesOf(s) { return Array.from(new TextEncoder().encode(s)); }
    var A = 97, E = 101, I = 105, L = 108, O = 111, S = 115, T = 116, U = 117, W = 119, X = 120,
      Y = 121, Z = 122;
    var step1B = rules([["eed", "ee", "m0"], ["ed", "", "v"], ["ing", "", "v"]]);
    var step1B2 = rules([["at", "ate"], ["bl", "ble"], ["iz", "ize"]], "none");
    var step2 = rules([["ational", "ate"], ["tional", "tion"], ["enci", "ence"], ["anci", "ance"],
      ["izer", "ize"], ["logi", "log"], ["bli", "ble"], ["alli", "al"], ["entli", "ent"],
      ["eli", "e"], ["ousli", "ous"], ["ization", "ize"], ["ation", "ate"], ["ator", "ate"],
      ["alism", "al"], ["iveness", "ive"], ["fulness", "ful"], ["ousness", "ous"],
      ["aliti", "al"], ["iviti", "ive"], ["biliti", "ble"]], "m0");
    var step3 = rules([["ical", "ic"], ["ness", ""], ["icate", "ic"], ["iciti", "ic"],
      ["ful", ""], ["ative", ""], ["alize", "al"]], "m0");
    var step4 = rules(["al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment",
      "ent", "ion", "ou", "ism", "ate", "iti", "ous", "ive", "ize"].map(function (s) {
        return [s, "", s === "ion" ? "m1st" : "m1"];
      }));

    function isVowel(c, y) { return c === A || c === E || c === I || c === O || c === U || (y && c === Y); }
    // Where the first vowel-consonant run of b[start..end) ends, or 0.
    function endOfVC(b, start, end, cons) {
      var k = start;
      for (; k < end; k++) { cons = !isVowel(b[k], cons); if (!cons) break; }
      for (k++; k < end; k++) { cons = !isVowel(b[k], cons); if (cons) return k + 1; }
      return 0;
    }
    function m0(b, n) { return endOfVC(b, 0, n, false) !== 0; }
    function m1(b, n) { var k = endOfVC(b, 0, n, false); return k !== 0 && endOfVC(b, k, n, true) !== 0; }
    function mEq1(b, n) { var k = endOfVC(b, 0, n, false); return k !== 0 && endOfVC(b, k, n, true) === 0; }
    function cvc(b, n) {
      if (n <= 0) return false;
      var c = b[n - 1];
      if (c === W || c === X || c === Y) return false;
      var mask = 0, cons = false;
      for (var k = 0; k < n; k++) { cons = !isVowel(b[k], cons); mask = ((mask << 1) | (cons ? 1 : 0)) & 7; }
      return mask === 5;
    }
    function vowel(b, n) { for (var k = 0; k < n; k++) if (isVowel(b[k], k > 0)) return true; return false; }
    function ends(b, n, suffix) {
      if (n <= suffix.length) return false;
      for (var k = 0; k < suffix.length; k++) if (b[n - suffix.length + k] !== suffix[k]) return false;
      return true;
    }
    // Applies the first rule whose suffix ends the word if its condition holds: the new length,
    // or -1.
    function apply(b, n, list) {
      for (var r = 0; r < list.length; r++) {
        var rule = list[r];
        if (!ends(b, n, rule.suffix)) continue;
        var at = n - rule.suffix.length;
        var ok = rule.cond === "none" || (rule.cond === "m0" && m0(b, at))
          || (rule.cond === "m1" && m1(b, at)) || (rule.cond === "v" && vowel(b, at))
          || (rule.cond === "m1st" && at > 0 && (b[at - 1] === S || b[at - 1] === T) && m1(b, at));
        if (!ok) return -1;
        for (var k = 0; k < rule.out.length; k++) b[at + k] = rule.out[k];
        return at + rule.out.length;
      }
      return -1;
    }
    return function (word) {
      var b = bytesOf(word);
      var n = b.length;
      if (n < 3 || n > 64) return word;
      if (b[n - 1] === S) {
        if (b[n - 2] === E) n -= (n > 4 && b[n - 4] === S && b[n - 3] === S) || (n > 3 && b[n - 3] === I) ? 2 : 1;
        else if (b[n - 2] !== S) n -= 1;
      }
      var before = n, m = apply(b, n, step1B);
      if (m >= 0) n = m;
      if (m >= 0 && m < before - 1) {
        m = apply(b, n, step1B2);
        if (m >= 0) n = m;
        else {
          var c = b[n - 1];
          if (!isVowel(c, false) && c !== L && c !== S && c !== Z && n >= 2 && c === b[n - 2]) n--;
          else if (mEq1(b, n) && cvc(b, n)) b[n++] = E;
        }
      }
      if (b[n - 1] === Y && vowel(b, n - 1)) b[n - 1] = I;
      [step2, step3, step4].forEach(function (list) { var m = apply(b, n, list); if (m >= 0) n = m; });
      if (b[n - 1] === E && (m1(b, n - 1) || (mEq1(b, n - 1) && !cvc(b, n - 1)))) n--;
      if (n > 1 && b[n - 1] === L && b[n - 2] === L && m1(b, n - 1)) n--;
      return new TextDecoder().decode(new Uint8Array(b.slice(0, n)));
    };
  })();

  // The words of a query as the index cut its text (SearchIndexBuilder.terms(in:)): runs of
  // letters and digits, 2 to 32 long, lower-cased, folded; each with its stem.
  function words(text) {
    var out = [];
    var seen = Object.create(null);
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text.toLowerCase())) !== null) {
      var t = m[0];
      if (t.length < 2 || t.length > 32) continue;
      var folded = fold(t);
      var s = stem(folded);
      if (seen[s]) continue;
      seen[s] = true;
      out.push({ word: folded, stem: s, prefix: false });
    }
    // The word being typed also stands for the words it begins.
    if (out.length > 0 && /[\p{L}\p{N}]$/u.test(text) && Array.from(out[out.length - 1].word).length >= 3) {
      out[out.length - 1].prefix = true;
    }
    return out;
  }

  // Whether an index term answers a query word: its stem, or, for the word being typed, a term
  // it begins ("seri" finds "serial"), or the stem of a longer form of it ("serializat" finds
  // "serializ" and "serial": a stem is a word's start less at most a few letters).
  function answers(term, w) {
    if (term === w.stem) return true;
    if (!w.prefix) return false;
    if (term.lastIndexOf(w.word, 0) === 0) return true;
    return term.length >= 4 && w.word.length - term.length <= 4 && w.word.lastIndexOf(term, 0) === 0;
  }

  // FNV-1a over the UTF-8 bytes of the first three characters, as in
  // SearchIndexBuilder.shard(of:count:).
  function shardOf(term, count) {
    var bytes = new TextEncoder().encode(Array.from(term).slice(0, 3).join(""));
    var h = 0x811c9dc5;
    for (var i = 0; i < bytes.length; i++) {
      h ^= bytes[i];
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h % count;
  }

  // A posting list: document number to how often the term is in it (`*n` after its gap; a
  // heading's word counts ten, as in `journal search`); a bitmap (`~`, for the commonest terms)
  // counts each once.
  function postings(encoded) {
    var tf = new Map();
    if (!encoded) return tf;
    if (encoded.charAt(0) === "~") {
      var bits = atob(encoded.slice(1));
      for (var b = 0; b < bits.length; b++) {
        var byte = bits.charCodeAt(b);
        for (var k = 0; k < 8; k++) if (byte & (1 << k)) tf.set(b * 8 + k, 1);
      }
      return tf;
    }
    var parts = encoded.split(",");
    var last = 0;
    for (var i = 0; i < parts.length; i++) {
      var star = parts[i].indexOf("*");
      last += parseInt(star < 0 ? parts[i] : parts[i].slice(0, star), 36);
      tf.set(last, star < 0 ? 1 : parseInt(parts[i].slice(star + 1), 10));
    }
    return tf;
  }

  // A section's length in words from its letter in search/len.js (SearchIndexBuilder.lengthCode).
  var LENGTH_DIGITS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
  function sectionLength(id, meta) {
    var lengths = window.JournalSearch.lengths;
    if (!lengths || id >= lengths.length) return meta.avgdl || 1;
    return Math.pow(meta.lengthBase, LENGTH_DIGITS.indexOf(lengths.charAt(id)));
  }

  // Sections holding every word of the query, best first, scored by BM25 as SQLite's bm25()
  // does for `journal search` (k1 = 1.2, b = 0.75, an IDF floor of 1e-6); a word being typed
  // scores by the best of the terms it begins. Ties: newest first.
  function rank(ws, meta) {
    var N = meta.docs;
    var avgdl = meta.avgdl || 1;
    var scores = null;
    ws.forEach(function (w) {
      var best = new Map();
      var shards = [shardOf(w.stem, meta.termShards)];
      if (w.prefix) shards.push(shardOf(w.word, meta.termShards));
      var seen = Object.create(null);
      shards.forEach(function (n) {
        var table = termShards[n] || Object.create(null);
        Object.keys(table).forEach(function (term) {
          if (seen[term] || !answers(term, w)) return;
          seen[term] = true;
          var tf = postings(table[term]);
          var df = tf.size;
          var idf = Math.log((N - df + 0.5) / (df + 0.5));
          if (idf <= 0) idf = 1e-6;
          tf.forEach(function (count, id) {
            var dl = sectionLength(id, meta);
            var score = idf * (count * 2.2) / (count + 1.2 * (0.25 + 0.75 * dl / avgdl));
            if (!(best.get(id) >= score)) best.set(id, score);
          });
        });
      });
      if (scores === null) { scores = best; return; }
      scores.forEach(function (score, id) {
        if (best.has(id)) scores.set(id, score + best.get(id));
        else scores.delete(id);
      });
    });
    var ids = Array.from((scores || new Map()).keys());
    ids.sort(function (a, b) { return scores.get(b) - scores.get(a) || a - b; });
    return ids;
  }

  function escapeHTML(s) {
    return s.replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }

  // Whether a word of a result's text is one the query asked for.
  function matches(token, ws) {
    var folded = fold(token.toLowerCase());
    var s = stem(folded);
    return ws.some(function (w) {
      return s === w.stem || (w.prefix && folded.lastIndexOf(w.word, 0) === 0);
    });
  }

  // About 160 characters of the section's text around its first word that matches the query,
  // with the matching words marked, as HTML.
  function snippet(text, ws) {
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    var spans = [];
    while ((m = re.exec(text)) !== null) {
      if (matches(m[0], ws)) spans.push([m.index, m.index + m[0].length]);
    }
    var start = 0;
    var end = text.length;
    if (text.length > 160) {
      var at = spans.length ? spans[0][0] : 0;
      start = Math.max(0, Math.min(at - 50, text.length - 160));
      if (start > 0) start = text.indexOf(" ", start) + 1 || start;
      if (spans.length && start > at) start = at;
      end = Math.min(text.length, start + 160);
      var space = text.lastIndexOf(" ", end);
      if (end < text.length && space > start + 80) end = space;
    }
    var html = start > 0 ? "…" : "";
    var from = start;
    spans.forEach(function (span) {
      if (span[0] < start || span[1] > end) return;
      html += escapeHTML(text.slice(from, span[0])) + "<mark>"
        + escapeHTML(text.slice(span[0], span[1])) + "</mark>";
      from = span[1];
    });
    return html + escapeHTML(text.slice(from, end)) + (end < text.length ? "…" : "");
  }

  // A short text as HTML, its words that match the query marked.
  function marked(text, ws) {
    var html = "";
    var from = 0;
    var re = /[\p{L}\p{N}]+/gu;
    var m;
    while ((m = re.exec(text)) !== null) {
      if (!matches(m[0], ws)) continue;
      html += escapeHTML(text.slice(from, m.index)) + "<mark>" + escapeHTML(m[0]) + "</mark>";
      from = m.index + m[0].length;
    }
    return html + escapeHTML(text.slice(from));
  }

  function pageURL(url) {
    return root + url.replace(/\/(#|$)/, "/" + index + "$1");
  }

  var input = document.getElementById("q");
  var status = document.getElementById("search-status");
  var list = document.getElementById("search-results");
  var generation = 0;
  if (!input || !status || !list) return;

  function search(query) {
    var mine = ++generation;
    var ws = words(query);
    list.innerHTML = "";
    if (ws.length === 0) { status.textContent = ""; return; }
    status.textContent = "Searching…";
    load("meta").then(function () {
      var meta = window.JournalSearch.meta;
      var names = meta.avgdl ? ["len"] : [];
      ws.forEach(function (w) {
        names.push("t" + shardOf(w.stem, meta.termShards));
        if (w.prefix) names.push("t" + shardOf(w.word, meta.termShards));
      });
      return Promise.all(names.map(load)).then(function () {
        return { meta: meta, ids: rank(ws, meta) };
      });
    }).then(function (found) {
      if (mine !== generation) return;
      var ids = found.ids;
      status.textContent = ids.length === 0 ? "No results."
        : ids.length + (ids.length === 1 ? " result" : " results") + ", best first.";
      show(ids, 0, found.meta.docsPerShard, ws, mine);
    }).catch(function (error) {
      status.textContent = "Search failed: " + error.message;
    });
  }

  // Shows results from..from+PAGE, which appear as their document shards arrive, then a button
  // for the next ones. Each result costs at most one small shard.
  function show(ids, from, perShard, ws, mine) {
    var shown = ids.slice(from, from + PAGE);
    shown.forEach(function (id) {
      var li = document.createElement("li");
      list.appendChild(li);
      var n = Math.floor(id / perShard);
      load("d" + n).then(function () {
        if (mine !== generation) return;
        var doc = docShards[n][id % perShard];
        var heading = doc[2] && doc[2] !== doc[1] ? " › " + marked(doc[2], ws) : "";
        li.innerHTML = '<a href="' + escapeHTML(pageURL(doc[0])) + '">'
          + marked(doc[1], ws) + heading + "</a>"
          + '<p class="meta"><time datetime="' + doc[3] + '">' + doc[3] + "</time></p>"
          + "<p>" + snippet(doc[4], ws) + "</p>";
      });
    });
    if (from + PAGE < ids.length) {
      var more = document.createElement("li");
      var button = document.createElement("button");
      button.type = "button";
      button.textContent = "More results";
      button.addEventListener("click", function () {
        list.removeChild(more);
        show(ids, from + PAGE, perShard, ws, mine);
      });
      more.appendChild(button);
      list.appendChild(more);
    }
  }

  // Arrow keys move between the search box and the results' links (and "More results"),
  // Escape goes back to the box; Enter follows a link as usual.
  function targets() {
    return [input].concat(Array.from(list.querySelectorAll("li > a, li > button")));
  }
  document.addEventListener("keydown", function (event) {
    if (event.key !== "ArrowDown" && event.key !== "ArrowUp" && event.key !== "Escape") return;
    var all = targets();
    var at = all.indexOf(document.activeElement);
    if (at < 0) return;
    var to = event.key === "Escape" ? 0 : at + (event.key === "ArrowDown" ? 1 : -1);
    if (to < 0 || to >= all.length || (event.key === "Escape" && at === 0)) return;
    event.preventDefault();
    all[to].focus();
  });

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
