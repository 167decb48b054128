// The page's controls (search, filters, panel, language, unresolved view), whatever draws the graph.
// A renderer (render_canvas.js: vis-network; render_webgl.js: sigma.js) is made by makeRenderer(app)
// and answers refresh(), relabel(), select(i), focus(i), labelOf(i) and settled() (a promise: the frame
// after a focus with everything drawn); it calls app.clicked(i) and app.ready().
(function () {
  "use strict";
  performance.mark("instrumap:start");
  const data = JSON.parse(document.getElementById("data").textContent);
  performance.mark("instrumap:parsed");
  const nodes = data.nodes;
  for (const n of nodes) {
    n.labels = n.labels || {}; n.titles = n.titles || {}; n.aliases = n.aliases || [];
    n.symbol = n.symbol || ""; n.date = n.date || ""; n.year = n.year || null; n.place = n.place || "";
    n.cited_by = n.cited_by || 0; n.citations = n.citations || 0; n.unresolved = !!n.unresolved;
    const look = data.types[n.type] || data.types.other || { color: "#999", shape: "dot", group: "other", label: n.type };
    n.color = look.color; n.shape = look.shape; n.group = look.group;
  }
  const byId = new Map(nodes.map((n, i) => [n.id, i]));
  // links[i]: one record per neighbour and direction: {other, fns: [function names], n: citations, relation}
  const outgoing = nodes.map(() => []), incoming = nodes.map(() => []);
  const edges = data.edges.map(([s, t, n, ...fns]) => ({ s, t, n, fns: fns.map(f => data.functions[f]), relation: "" }));
  const relations = data.relations.map(([s, t, p]) => ({ s, t, n: 0, fns: [], relation: data.predicates[p] }));
  for (const e of edges.concat(relations)) { outgoing[e.s].push(e); incoming[e.t].push(e); }
  const state = { types: new Set(Object.keys(data.types)), functions: new Set(data.functions), relations: true,
                  yearFrom: null, yearTo: null, top: null, language: data.language || "en", selected: null };

  // A label in the language asked, else in the first language of data.languages.fallback that has one.
  const fallback = data.languages.fallback, rightToLeft = new Set(data.languages.right_to_left);
  function pickLabel(n, language) {
    const lang = language === "own" ? (Object.keys(n.titles)[0] || fallback[0]) : language;
    for (const l of [lang, ...fallback]) { if (n.labels[l]) return [n.labels[l], l]; if (n.titles[l]) return [n.titles[l], l]; }
    for (const [l, text] of Object.entries(n.labels).concat(Object.entries(n.titles))) return [text, l];
    return [n.symbol || n.id.split("/").pop(), ""];
  }
  function labelFor(n, language) { return pickLabel(n, language)[0]; }
  // Right-to-left text (Arabic) is marked so; text of unknown language takes its direction from its first letters.
  function direct(elem, language) {
    if (language) elem.lang = language;
    elem.dir = rightToLeft.has(language) ? "rtl" : "auto";
    return elem;
  }
  // Drawn labels are short (a document's symbol, a title cut at a word); the full title shows on hover.
  function shortLabel(n) {
    const text = n.symbol && n.group === "document" ? n.symbol : labelFor(n, state.language);
    if (text.length <= 30) return text;
    const cut = text.slice(0, 28), space = cut.lastIndexOf(" ");
    return (space > 14 ? cut.slice(0, space) : cut) + "…";
  }
  function fullLabel(n) { const name = labelFor(n, state.language); return n.symbol && name !== n.symbol ? n.symbol + " · " + name : name; }
  function edgeColor(e) { return e.relation ? data.edge_colors.relation : (data.function_colors[e.fns[0]] || data.edge_colors.default); }

  function nodeVisible(i) {
    const n = nodes[i];
    if (!state.types.has(n.type)) return false;
    if (state.top && !state.top.has(i)) return false;
    if (n.year) {
      if (state.yearFrom !== null && n.year < state.yearFrom) return false;
      if (state.yearTo !== null && n.year > state.yearTo) return false;
    }
    return true;
  }
  function edgeVisible(e) {
    if (e.relation ? !state.relations : !(e.fns.length ? e.fns.some(f => state.functions.has(f)) : state.functions.has(""))) return false;
    return nodeVisible(e.s) && nodeVisible(e.t);
  }
  function counts() {
    let n = 0, m = 0;
    for (let i = 0; i < nodes.length; i++) if (nodeVisible(i)) n++;
    for (const e of edges) if (edgeVisible(e)) m++;
    for (const e of relations) if (edgeVisible(e)) m++;
    return { nodes: n, edges: m };
  }
  function updateCount() {
    const c = counts();
    document.getElementById("count").textContent = c.nodes + " nodes · " + c.edges + " edges";
  }

  const degreeOut = outgoing.map(list => list.length);
  const app = { data, nodes, edges, relations, byId, degreeOut, state, labelFor, shortLabel, fullLabel, edgeColor, nodeVisible, edgeVisible,
                clicked: i => select(i), ready: () => { document.body.dataset.ready = "1"; afterReady(); } };
  const view = makeRenderer(app);
  function refresh() { view.refresh(); updateCount(); }

  // Filters: node types, citation functions (grouped by family), years, top-N.
  function el(tag, text, cls) { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; }
  function checkbox(container, text, color, onChange, swatchClass) {
    const label = el("label"), box = el("input"), swatch = el("span", undefined, swatchClass);
    box.type = "checkbox"; box.checked = true; box.addEventListener("change", () => onChange(box.checked));
    swatch.style.background = color;
    label.append(box, swatch, el("span", text)); container.append(label);
    return box;
  }
  const typeBox = document.getElementById("type-filters");
  const perType = {};
  for (const n of nodes) perType[n.type] = (perType[n.type] || 0) + 1;
  for (const [type, look] of Object.entries(data.types)) {
    const box = checkbox(typeBox, look.label + " (" + (perType[type] || 0) + ")", look.color, on => { on ? state.types.add(type) : state.types.delete(type); refresh(); }, "swatch");
    box.dataset.type = type;
  }
  const fnBox = document.getElementById("function-filters");
  const familyOf = {};
  for (const [key, family] of Object.entries(data.families)) for (const fn of data.functions) if (data.function_colors[fn] === family.color) familyOf[fn] = key;
  for (const [key, family] of Object.entries(data.families)) {
    const members = data.functions.filter(fn => familyOf[fn] === key);
    if (!members.length) continue;
    const head = el("h3"); const line = el("span", undefined, "line"); line.style.background = family.color;
    head.append(line, el("span", family.label)); fnBox.append(head);
    for (const fn of members) {
      checkbox(fnBox, fn.replace(/_/g, " "), family.color, on => { on ? state.functions.add(fn) : state.functions.delete(fn); refresh(); }, "line").dataset.function = fn;
    }
  }
  for (const fn of data.functions.filter(fn => !familyOf[fn])) {
    checkbox(fnBox, fn.replace(/_/g, " "), data.edge_colors.default, on => { on ? state.functions.add(fn) : state.functions.delete(fn); refresh(); }, "line").dataset.function = fn;
  }
  state.functions.add("");  // citations whose paragraph opens with no known verb
  checkbox(fnBox, "no opening verb", data.edge_colors.default, on => { on ? state.functions.add("") : state.functions.delete(""); refresh(); }, "line").dataset.function = "";
  checkbox(fnBox, "stated relations (adopts, supplements …)", data.edge_colors.relation, on => { state.relations = on; refresh(); }, "line").dataset.function = "relation";
  let low = Infinity, high = -Infinity;
  for (const n of nodes) if (n.year) { low = Math.min(low, n.year); high = Math.max(high, n.year); }
  const yearFrom = document.getElementById("year-from"), yearTo = document.getElementById("year-to");
  if (high >= low) { yearFrom.placeholder = low; yearTo.placeholder = high; }
  function readYears() {
    state.yearFrom = yearFrom.value ? Number(yearFrom.value) : null;
    state.yearTo = yearTo.value ? Number(yearTo.value) : null;
    refresh();
  }
  yearFrom.addEventListener("change", readYears); yearTo.addEventListener("change", readYears);
  function computeTop(count) {
    if (!count) return null;
    const ranked = nodes.map((n, i) => i).filter(i => nodes[i].cited_by > 0)
      .sort((a, b) => nodes[b].cited_by - nodes[a].cited_by || (nodes[a].id < nodes[b].id ? -1 : 1)).slice(0, count);
    const keep = new Set(ranked);
    for (const i of ranked) for (const e of incoming[i]) keep.add(e.s);
    return keep;
  }
  document.getElementById("top").addEventListener("change", ev => { state.top = computeTop(Number(ev.target.value)); refresh(); });
  // The label switch: the six UN languages, each with how many nodes have a label in it (the others fall back).
  const languageSelect = document.getElementById("language");
  for (const code of data.languages.order.concat(["own"])) {
    const have = code === "own" ? null : nodes.filter(n => n.labels[code] || n.titles[code]).length;
    const option = el("option", code === "own" ? "document's own" : data.languages.names[code] + " (" + have + ")");
    option.value = code; option.dataset.labels = have === null ? "" : have;
    languageSelect.append(option);
  }
  languageSelect.title = "Nodes without a label in the language chosen show one in " + fallback.map(c => data.languages.names[c]).join(", then ");
  languageSelect.value = state.language;
  languageSelect.addEventListener("change", () => {
    state.language = languageSelect.value;
    view.relabel();
    if (state.selected !== null) showPanel(state.selected);
  });

  // Search: by symbol or by a label in any language; suggestions are filled as one types.
  const norm = s => (s || "").toLowerCase().normalize("NFKC").replace(/[《》“”"'\s]/g, "");
  const namesOf = n => [n.symbol, ...Object.values(n.labels), ...Object.values(n.titles), ...n.aliases].filter(Boolean);
  let haystack = null, exact = null;
  function index() {
    if (haystack) return;
    haystack = nodes.map(n => [n.id, ...namesOf(n)].map(norm).join("\u0001"));
    exact = new Map();
    nodes.forEach((n, i) => { for (const t of namesOf(n)) { const k = norm(t); if (!exact.has(k) || nodes[exact.get(k)].cited_by < n.cited_by) exact.set(k, i); } });
  }
  function matches(query, limit) {
    index();
    const q = norm(query), hits = [];
    if (!q) return hits;
    for (let i = 0; i < haystack.length; i++) if (haystack[i].includes(q)) hits.push(i);
    hits.sort((a, b) => nodes[b].cited_by - nodes[a].cited_by || (nodes[a].id < nodes[b].id ? -1 : 1));
    return hits.slice(0, limit);
  }
  function find(query) {
    index();
    const q = norm(query);
    if (!q) return null;
    if (exact.has(q)) return nodes[exact.get(q)].id;
    const hits = matches(query, 1);
    return hits.length ? nodes[hits[0]].id : null;
  }
  const search = document.getElementById("search"), names = document.getElementById("names");
  search.addEventListener("input", () => {
    const options = [];
    for (const i of matches(search.value, 12)) for (const t of namesOf(nodes[i]).slice(0, 2)) { const o = el("option"); o.value = t; options.push(o); }
    names.replaceChildren(...options);
  });
  search.addEventListener("keydown", ev => { if (ev.key === "Enter") focusNode(find(ev.target.value)); });
  search.addEventListener("change", ev => focusNode(find(ev.target.value)));

  function select(i) { state.selected = i; view.select(i); showPanel(i); }
  function focusNode(id) {
    if (!id || !byId.has(id)) return false;
    const i = byId.get(id), n = nodes[i];
    let changed = false;  // redraw the filters only when the node was hidden by one
    if (!state.types.has(n.type)) {
      state.types.add(n.type); changed = true;
      for (const box of typeBox.querySelectorAll("input")) if (box.dataset.type === n.type) box.checked = true;
    }
    if (state.top && !state.top.has(i)) { state.top.add(i); changed = true; }
    if (changed) refresh();
    select(i);
    view.focus(i);
    return true;
  }

  // The side panel: built with textContent only, so text from documents can never run as code.
  function link(i) {
    const a = el("a", fullLabel(nodes[i])); a.dir = "auto";
    a.href = "#node=" + encodeURIComponent(nodes[i].id); a.dataset.node = nodes[i].id;
    a.addEventListener("click", ev => { ev.preventDefault(); focusNode(nodes[i].id); });
    return a;
  }
  function functionTag(fn) { const t = el("span", fn.replace(/_/g, " "), "fn"); t.style.background = data.function_colors[fn] || data.edge_colors.default; return t; }
  // Plain comparisons, not localeCompare: a hub's "cited by" list has tens of thousands of rows. A row's
  // name is computed when a comparison needs it (a tie on date or count), once: most rows never need it.
  const nameOf = row => (row.name === undefined ? (row.name = fullLabel(nodes[row.other])) : row.name);
  const byName = (a, b) => { const x = nameOf(a), y = nameOf(b); return x < y ? -1 : x > y ? 1 : 0; };
  const sorters = {
    date: (a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : byName(a, b)),
    citations: (a, b) => b.n - a.n || byName(a, b),
    name: byName,
  };
  const ROWS_MAX = 300, ROWS_FIRST = 15, ROWS_CHUNK = 30;  // the first rows fill the panel of a hub (about 6 show)
  // The first `limit` rows in `order`, without naming every row: by date or count, rows are ranked on that
  // key alone first, and names break ties only among the rows that reach the cut. A hub's 4,299 rows mostly
  // share a few session dates: sorting them all with names computed ~4,000 labels (~12 ms of a search).
  const sortKeys = { date: row => row.date, citations: row => row.n };
  function firstRows(rows, order, limit) {
    const key = sortKeys[order];
    if (!key || rows.length <= limit) return rows.sort(sorters[order]).slice(0, limit);
    rows.sort((a, b) => { const x = key(a), y = key(b); return x < y ? 1 : x > y ? -1 : 0; });
    const cut = key(rows[limit - 1]);
    let end = limit;
    while (end < rows.length && key(rows[end]) === cut) end++;
    return rows.slice(0, end).sort(sorters[order]).slice(0, limit);
  }
  function citationRow(e, other) {
    const li = el("li"), meta = el("div", undefined, "meta");
    li.append(link(other));
    if (nodes[other].date) meta.append(nodes[other].date + " · ");
    if (e.relation) meta.append(e.relation.replace(/_/g, " "));
    for (const fn of e.fns) meta.append(functionTag(fn));
    if (e.n) meta.append(" " + e.n + (e.n === 1 ? " citation" : " citations"));
    li.append(meta);
    for (const [quote, language, places] of data.evidence[e.s + "," + e.t] || []) {
      li.append(el("div", places.join(" · "), "meta"));
      li.append(direct(el("blockquote", quote), language));
    }
    return li;
  }
  // The first rows (what the panel shows) are built at once; the rest, up to ROWS_MAX, a chunk per task
  // once the next frame is drawn: a hub's 300 rows cost ~40 ms of building and layout, which kept the
  // frame that shows a search's hit from being drawn.
  function citationList(list, side, order) {
    const ul = el("ul");
    const rows = list.map(e => ({ e, other: e[side], n: e.n, date: nodes[e[side]].date, name: undefined }));
    const shown = firstRows(rows, order, ROWS_MAX), more = rows.length - shown.length;
    let at = 0;
    const chunk = () => {  // appends the next rows; true while some are left
      const size = at ? ROWS_CHUNK : ROWS_FIRST;
      for (const { e, other } of shown.slice(at, at + size)) ul.append(citationRow(e, other));
      at += size;
      if (at < shown.length) return true;
      if (more > 0) ul.append(el("li", "… and " + more + " more", "hint"));
      return false;
    };
    const later = () => { if (chunk()) setTimeout(later, 0); };
    if (chunk()) requestAnimationFrame(() => setTimeout(later, 0));
    return ul;
  }
  function section(panel, title, list, side, order) {
    const head = el("h3", title + " (" + list.length + ")");
    const sort = el("select"); sort.dataset.sort = side;
    for (const [value, text] of [["date", "newest first"], ["citations", "most citations"], ["name", "by name"]]) { const o = el("option", text); o.value = value; sort.append(o); }
    sort.value = order;
    const make = by => { const ul = citationList(list, side, by); ul.dataset.list = title.toLowerCase().replace(/ /g, "-"); return ul; };
    let body = make(order);
    sort.addEventListener("change", () => { const next = make(sort.value); body.replaceWith(next); body = next; });
    head.append(sort);
    panel.append(head, body);
  }
  function showPanel(i) {
    const n = nodes[i], panel = document.getElementById("panel");
    panel.replaceChildren();
    const [title, titleLanguage] = pickLabel(n, state.language);
    panel.append(direct(el("h2", title), titleLanguage), el("div", (data.types[n.type] || { label: n.type }).label + (n.unresolved ? " · not in the authority data" : ""), "kind"));
    const dl = el("dl");
    const add = (k, v, language) => { if (v) { dl.append(el("dt", k), direct(el("dd", String(v)), language)); } };
    for (const [lang, text] of Object.entries(n.labels)) add("label (" + lang + ")", text, lang);
    for (const [lang, text] of Object.entries(n.titles)) add("title (" + lang + ")", text, lang);
    add("also", n.aliases.slice(0, 6).join(" · "));
    add("symbol", n.symbol); add("date", n.date); add("place", n.place);
    add("cited by", n.cited_by ? n.cited_by + " document(s), " + n.citations + " citation(s)" : "");
    const iri = el("a", n.id); iri.href = n.id; iri.target = "_blank"; iri.rel = "noopener";
    const iriCell = el("dd"); iriCell.append(iri); dl.append(el("dt", "IRI"), iriCell);
    panel.append(dl);
    if (n.unresolved && data.mentions[n.id]) {
      panel.append(el("h3", "Mentions that produced it"));
      const ul = el("ul");
      for (const [text, count] of data.mentions[n.id]) ul.append(el("li", "“" + text + "” × " + count));
      panel.append(ul);
    }
    if (!data.has_evidence) panel.append(el("p", "Quoted sentences are left out of a graph this large: draw a part of it (instrumap visualize --focus X or --top N) to read them.", "hint"));
    const cites = outgoing[i].filter(e => !e.relation), citedBy = incoming[i].filter(e => !e.relation);
    if (cites.length) section(panel, "Cites", cites, "t", "date");
    if (citedBy.length) section(panel, "Cited by", citedBy, "s", "date");
    const stated = outgoing[i].filter(e => e.relation), statedIn = incoming[i].filter(e => e.relation);
    if (stated.length) section(panel, "Stated relations", stated, "t", "name");
    if (statedIn.length) section(panel, "Stated relations to it", statedIn, "s", "name");
  }
  function showUnresolved() {
    const panel = document.getElementById("panel"), list = nodes.map((n, i) => i).filter(i => nodes[i].unresolved);
    list.sort((a, b) => nodes[b].cited_by - nodes[a].cited_by || (nodes[a].id < nodes[b].id ? -1 : 1));
    panel.replaceChildren(el("h2", "Unresolved targets (" + list.length + ")"),
      el("p", "What the authority data lacks: targets the documents cite that resolve to no known instrument, meeting or body, with the words that named them.", "hint"));
    const ul = el("ul"); ul.id = "unresolved-list";
    for (const i of list.slice(0, 500)) {
      const li = el("li"); li.append(link(i), el("div", "cited by " + nodes[i].cited_by + " document(s)", "meta"));
      for (const [text, count] of data.mentions[nodes[i].id] || []) li.append(el("div", "“" + text + "” × " + count, "meta"));
      ul.append(li);
    }
    panel.append(ul);
  }
  const unresolvedButton = document.getElementById("unresolved");
  unresolvedButton.textContent = "Unresolved (" + nodes.filter(n => n.unresolved).length + ")";
  unresolvedButton.addEventListener("click", showUnresolved);

  // graph.html#node=<IRI> opens on that node (the document view links each reference so).
  function fromFragment() {
    const m = /^#node=(.+)$/.exec(location.hash);
    if (m) focusNode(decodeURIComponent(m[1]));
  }
  window.addEventListener("hashchange", fromFragment);
  function afterReady() {
    setTimeout(index, 0);  // the search index, built once the graph is drawn, so the first search is fast
    if (data.focus) focusNode(data.focus);
    fromFragment();
  }
  updateCount();
  window.instrumap = { data, view, find, focusNode, showPanel, showUnresolved, counts, state, byId,
                       selected: () => (state.selected === null ? [] : [nodes[state.selected].id]),
                       labelOf: id => view.labelOf(byId.get(id)) };
})();
