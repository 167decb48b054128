// Draws the graph with sigma.js over graphology (WebGL): fluid at 50,000 nodes. Positions come
// from Python. Labels are drawn for nodes big enough on screen (more appear as one zooms in);
// edges and labels are hidden while the camera moves; filters hide items through reducers, not by
// rebuilding. Above [layout] webgl_edge_budget edges, the overview draws the strongest that many
// (most citations, into the most cited targets) as plain lines; a selected node's own are drawn over them.
function makeRenderer(app) {
  "use strict";
  const { nodes, edges, relations } = app;
  const container = document.getElementById("network"), tip = document.getElementById("tip");
  const probe = document.createElement("canvas");
  if (!(probe.getContext("webgl2") || probe.getContext("webgl"))) return unavailable(app, "this browser gives the page no WebGL");
  performance.mark("instrumap:graph-start");
  const graph = new graphology.MultiDirectedGraph({ allowSelfLoops: true });
  const alpha = (hex, a) => "rgba(" + [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16)).join(",") + "," + a + ")";
  nodes.forEach((n, i) => graph.addNode(String(i), { x: n.x, y: -n.y, size: Math.min(12, 2 + 1.6 * Math.log2(1 + n.cited_by)), color: n.color, label: app.shortLabel(n) }));
  const all = edges.concat(relations);
  const budget = app.data.edge_budget;
  const strongest = all.map((e, i) => i);
  strongest.sort((a, b) => all[b].n - all[a].n || nodes[all[b].t].cited_by - nodes[all[a].t].cited_by || a - b);
  const drawn = new Set(strongest.slice(0, budget));  // the edges in the graph: the budget, then a selected node's
  const colors = new Map();
  const addEdge = i => {
    const e = all[i], c = app.edgeColor(e);
    if (!colors.has(c)) colors.set(c, alpha(c, 0.35));
    graph.addDirectedEdgeWithKey(String(i), String(e.s), String(e.t), { color: colors.get(c), size: e.relation ? 0.5 : 1 });
  };
  for (const i of drawn) addEdge(i);
  const outgoing = nodes.map(() => []);
  all.forEach((e, i) => { outgoing[e.s].push(i); outgoing[e.t].push(i); });
  const rank = new Int32Array(all.length);
  strongest.forEach((k, r) => { rank[k] = r; });
  // A selected node's own edges (its strongest, the panel lists all) are drawn on a 2D layer over the
  // WebGL edges, never added to the graph: sigma re-indexes the whole graph on every edge dropped (40 s
  // for a hub's thousand edges at 50,000 nodes), while a thousand canvas lines cost a millisecond a frame.
  let selectedEdges = [];
  const strongestOf = i => outgoing[i].slice().sort((a, b) => rank[a] - rank[b]).slice(0, app.data.selected_edge_max);
  performance.mark("instrumap:graph-built");
  const lines = all.length > budget && Sigma.rendering && Sigma.rendering.EdgeLineProgram;
  let renderer;
  try {
    renderer = new Sigma(graph, container, {
      hideEdgesOnMove: true, hideLabelsOnMove: true, labelRenderedSizeThreshold: 8, labelDensity: 0.5, labelGridCellSize: 140,
      defaultEdgeType: lines ? "line" : "arrow", zIndex: true, labelFont: getComputedStyle(document.body).fontFamily,
      edgeProgramClasses: lines ? { line: Sigma.rendering.EdgeLineProgram } : {},
      // Nodes as GL points, not circles of triangles: in software WebGL (no GPU) 15× more frames per second.
      nodeProgramClasses: { circle: Sigma.rendering.NodePointProgram },
      nodeReducer: (key, attrs) => {
        const i = Number(key);
        if (!app.nodeVisible(i)) return { ...attrs, hidden: true };
        return app.state.selected === i ? { ...attrs, highlighted: true, zIndex: 1, forceLabel: true } : attrs;
      },
      edgeReducer: (key, attrs) => (app.edgeVisible(all[Number(key)]) ? attrs : { ...attrs, hidden: true }),
    });
  } catch (err) {
    return unavailable(app, "WebGL failed: " + err.message);
  }
  renderer.on("clickNode", ({ node }) => app.clicked(Number(node)));
  renderer.on("enterNode", ({ node, event }) => {
    tip.textContent = app.fullLabel(nodes[Number(node)]); tip.dir = "auto";
    tip.style.left = event.x + 12 + "px"; tip.style.top = event.y + 12 + "px"; tip.style.display = "block";
  });
  renderer.on("leaveNode", () => { tip.style.display = "none"; });
  renderer.createCanvasContext("selected", { afterLayer: "edges" });
  const layer = renderer.getCanvases().selected, pen = layer.getContext("2d");
  renderer.on("afterRender", () => drawSelected(renderer, layer, pen, selectedEdges.map(k => all[k]), app));
  renderer.once("afterRender", () => { performance.mark("instrumap:drawn"); app.ready(); });
  renderer.refresh();
  let previous = null;
  return {
    renderer, graph,
    refresh() { renderer.refresh(); },
    relabel() { graph.updateEachNodeAttributes((key, attrs) => ({ ...attrs, label: app.shortLabel(nodes[Number(key)]) })); },
    select(i) {  // re-process only the node selected before and the one selected now
      const changed = [String(i)].concat(previous === null ? [] : [String(previous)]);
      selectedEdges = strongestOf(i);
      previous = i;
      renderer.refresh({ partialGraph: { nodes: changed }, schedule: true });
    },
    focus(i) {
      const at = renderer.getNodeDisplayData(String(i));
      if (at) renderer.getCamera().setState({ x: at.x, y: at.y, ratio: Math.min(renderer.getCamera().ratio, nodes.length > 20000 ? 0.15 : 0.3) });
    },
    labelOf(i) { return graph.getNodeAttribute(String(i), "label"); },
    selectedEdges: () => selectedEdges.length,
  };
}

// The selected node's edges as lines on the 2D layer, in the camera's current view (redrawn every frame).
function drawSelected(renderer, layer, pen, list, app) {
  const ratio = window.devicePixelRatio || 1;
  pen.setTransform(ratio, 0, 0, ratio, 0, 0);
  pen.clearRect(0, 0, layer.width, layer.height);
  pen.lineWidth = 1.5;
  pen.globalAlpha = 0.8;
  for (const e of list) {
    if (!app.edgeVisible(e)) continue;
    const a = renderer.getNodeDisplayData(String(e.s)), b = renderer.getNodeDisplayData(String(e.t));
    if (!a || !b) continue;
    const p = renderer.framedGraphToViewport(a), q = renderer.framedGraphToViewport(b);
    pen.strokeStyle = app.edgeColor(e);
    pen.beginPath(); pen.moveTo(p.x, p.y); pen.lineTo(q.x, q.y); pen.stroke();
  }
}

// Without WebGL the page still searches, filters and explains; it says why nothing is drawn.
function unavailable(app, reason) {
  const notice = document.getElementById("notice");
  notice.hidden = false;
  notice.textContent = "The graph is not drawn: " + reason + ". A graph of " + app.nodes.length + " nodes needs WebGL " +
    "(enable hardware acceleration, or draw a part of it with instrumap visualize --top N or --focus X). Search and the panel still work.";
  setTimeout(() => app.ready(), 0);
  const none = () => {};
  return { refresh: none, relabel: none, select: none, focus: none, labelOf: i => app.shortLabel(app.nodes[i]) };
}
