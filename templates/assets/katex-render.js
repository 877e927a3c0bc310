// Typesets the TeX of math spans with KaTeX, for sites built with `journal build --math katex`.
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  if (!window.katex) return;
  document.querySelectorAll(".math.inline, .math.display").forEach(function (el) {
    window.katex.render(el.textContent, el, {
      displayMode: el.classList.contains("display"),
      throwOnError: false,
    });
  });
});
