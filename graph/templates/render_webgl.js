// Draws the graph with sigma.js over graphology (WebGL): fluid at 50,000 nodes. Positions come
// from Python. Labels are drawn for nodes big enough on screen (more appear as one zooms in),
// edges are hidden while the camera moves, and filters hide items through reducers, not by rebuilding.
function makeRenderer(app) {
  "use strict";
  const { nodes, edges, relations } = app;
  const container = document.getElementById("network"), tip = document.getElementById("tip");
  const probe = document.createElement("canvas");
  if (!(probe.getContext("webgl2") || probe.getContext("webgl"))) return unavailable(app, "this browser gives the page no WebGL");
  const graph = new graphology.MultiDirectedGraph({ allowSelfLoops: true });
  const alpha = (hex, a) => "rgba(" + [1, 3, 5].map(k => parseInt(hex.slice(k, k + 2), 16)).join(",") + "," + a + ")";
  nodes.forEach((n, i) => graph.addNode(String(i), { x: n.x, y: -n.y, size: Math.min(24, 2.5 + 2.2 * Math.log2(1 + n.cited_by)), color: n.color, label: app.shortLabel(n) }));
  const all = edges.concat(relations);
  const colors = new Map();
  all.forEach((e, i) => {
    const c = app.edgeColor(e);
    if (!colors.has(c)) colors.set(c, alpha(c, 0.35));
    graph.addDirectedEdgeWithKey(String(i), String(e.s), String(e.t), { color: colors.get(c), size: e.relation ? 0.5 : 1 });
  });
  let renderer;
  try {
    renderer = new Sigma(graph, container, {
      hideEdgesOnMove: true, labelRenderedSizeThreshold: 7, labelDensity: 0.6, labelGridCellSize: 120,
      defaultEdgeType: "arrow", zIndex: true, labelFont: getComputedStyle(document.body).fontFamily,
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
  renderer.once("afterRender", () => app.ready());
  renderer.refresh();
  let previous = null;
  return {
    renderer, graph,
    refresh() { renderer.refresh(); },
    relabel() { graph.updateEachNodeAttributes((key, attrs) => ({ ...attrs, label: app.shortLabel(nodes[Number(key)]) })); },
    select(i) {  // re-process only the node selected before and the one selected now
      const changed = [String(i)].concat(previous === null ? [] : [String(previous)]);
      previous = i;
      renderer.refresh({ partialGraph: { nodes: changed } });
    },
    focus(i) {
      const at = renderer.getNodeDisplayData(String(i));
      if (at) renderer.getCamera().setState({ x: at.x, y: at.y, ratio: Math.min(renderer.getCamera().ratio, nodes.length > 2000 ? 0.08 : 0.5) });
    },
    labelOf(i) { return graph.getNodeAttribute(String(i), "label"); },
  };
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
