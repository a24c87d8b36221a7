// What a reader notices on a page, as a list of problems (empty when the page reads well).
// Used by tests/site/test_pages.py on every page type at both widths.
() => {
  const problems = [];
  const article = document.querySelector("article.md-content__inner") || document.body;
  const visible = (el) => el.getClientRects().length > 0;

  // A table without borders: every cell must show at least one border.
  for (const cell of article.querySelectorAll("td, th")) {
    if (!visible(cell)) continue;
    const style = getComputedStyle(cell);
    const sides = ["Top", "Right", "Bottom", "Left"].filter(
      (side) => parseFloat(style[`border${side}Width`]) > 0 && style[`border${side}Style`] !== "none"
    );
    if (sides.length === 0) {
      problems.push(`table cell without borders: "${cell.textContent.trim().slice(0, 40)}"`);
      break;
    }
  }

  // A word broken mid-word in a table cell: the word's box lies on two lines.
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement.closest("td, th") || !visible(node.parentElement)) continue;
    for (const match of node.textContent.matchAll(/[^\s\-\u2010-\u2015\/]+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
      if (tops.size > 1) problems.push(`word broken across lines in a table cell: "${match[0]}"`);
    }
  }

  // A horizontal scrollbar on the page.
  if (document.documentElement.scrollWidth > window.innerWidth) {
    problems.push(`page scrolls sideways: ${document.documentElement.scrollWidth} px > ${window.innerWidth} px`);
  }

  // A flag drawn as a box: regional-indicator letters depend on an emoji font.
  if (/[\u{1F1E6}-\u{1F1FF}]/u.test(document.body.innerText)) {
    problems.push("a flag made of regional-indicator letters (a box without an emoji font)");
  }
  for (const image of document.querySelectorAll("img")) {
    if (image.complete && image.naturalWidth === 0) problems.push(`image not drawn: ${image.src}`);
  }

  // A repeated sentence in what the page writes (claims, quotes, prose). Not counted: a
  // source document's own text (a scraped page may repeat itself), the lists of who quotes a
  // paragraph, source captions, cross-references ("Quotes the passage above") and chart labels.
  const seen = new Map();
  const copy = article.cloneNode(true);
  copy.querySelectorAll(".fs-text, .fs-citers, figcaption, .fs-quote-ref, svg").forEach((el) => el.remove());
  document.body.appendChild(copy);
  const text = copy.innerText.replace(/\[quote (starts|ends)\]/g, "");
  copy.remove();
  for (const raw of text.split(/(?<=[.!?])\s+|\n+/)) {
    const sentence = raw.replace(/\s+/g, " ").trim();
    if (sentence.split(" ").length < 6) continue;
    seen.set(sentence, (seen.get(sentence) || 0) + 1);
  }
  for (const [sentence, count] of seen) {
    if (count > 1) problems.push(`sentence shown ${count} times: "${sentence.slice(0, 80)}"`);
  }
  return problems;
}
