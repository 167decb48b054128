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
      hideEdgesOnMove: false, hideLabelsOnMove: true,  // edges: see edgeDrawing
      labelDensity: 0.5, labelGridCellSize: 140, ...zoomSettings(),
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
  labelsFollowZoom(renderer);
  const edgesLater = edgeDrawing(renderer);
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
    // Re-process only the node selected before and the one selected now, and skip the re-indexation:
    // without skipIndexation a partial refresh still re-indexes all 50,000 nodes in the next frame (40 to
    // 80 ms of a search). What indexation would redo (the z order, the label grid) the selection does not
    // need: the selected node is drawn again, on top, by sigma's highlighted-nodes layer, and keeps its label.
    select(i) {
      const changed = [String(i)].concat(previous === null ? [] : [String(previous)]);
      selectedEdges = strongestOf(i);
      previous = i;
      renderer.refresh({ partialGraph: { nodes: changed }, skipIndexation: true, schedule: true });
    },
    focus(i) {  // in one frame (no camera animation), the overview's edges in the next (edgesAfterFocus)
      const at = renderer.getNodeDisplayData(String(i));
      if (!at) return;
      edgesLater.leaveOut();
      renderer.getCamera().setState({ x: at.x, y: at.y, ratio: Math.min(renderer.getCamera().ratio, nodes.length > 20000 ? 0.15 : 0.3) });
    },
    settled: () => edgesLater.settled(),
    labelOf(i) { return graph.getNodeAttribute(String(i), "label"); },
    selectedEdges: () => selectedEdges.length,
  };
}

// Node discs keep their size on screen as one zooms in (they still shrink as one zooms out). Discs grown
// with the zoom (sigma's default: by the square root) cover one another in a dense graph: the view around
// a hub becomes one blotch, and software WebGL (no GPU) paints each covered pixel many times; at 50,000
// nodes that alone took ~150 ms of a search's focus frame. labelsFollowZoom keeps which labels show.
const LABEL_RENDERED_SIZE = 8;  // px: nodes this big on screen at zoom 1 get labels (more as one zooms in)
function zoomSettings() {
  return { zoomToSizeRatioFunction: ratio => Math.sqrt(Math.max(ratio, 1)), labelRenderedSizeThreshold: LABEL_RENDERED_SIZE };
}

// The label threshold falls with the zoom as disc sizes used to grow, so zooming in still labels the
// same small nodes as before (size / √ratio ≥ 8 ⇔ size ≥ 8·√ratio). Set on the settings object before
// each frame: setSetting() would schedule a full refresh (every node re-processed) on every zoom step.
function labelsFollowZoom(renderer) {
  renderer.on("beforeRender", () => {
    renderer.settings.labelRenderedSizeThreshold = LABEL_RENDERED_SIZE * Math.sqrt(Math.min(renderer.getCamera().ratio, 1));
  });
}

// When the overview's edges (up to the budget, 10,000 lines) are drawn. Not while the camera moves
// (sigma's hideEdgesOnMove, done here instead: after a drag, sigma re-indexes the whole graph just to
// draw them again, 60 to 80 ms that landed in a search made right after). And not in a focus frame (a
// search's hit, centred): software WebGL takes ~70 ms to draw them, a third of that frame; they follow in
// the next frame. A focus frame still draws every node, the labels, the hit highlighted and its own edges
// (the 2D layer). leaveOut() applies to the next render; settled() resolves once a frame has drawn them.
function edgeDrawing(renderer) {
  let leftOut = false, pending = false, finish = () => {}, done = Promise.resolve();
  const mouse = renderer.getMouseCaptor(), camera = renderer.getCamera();
  const moving = () => camera.isAnimated() || mouse.isMoving || mouse.draggedEvents > 0 || mouse.currentWheelDirection !== 0;
  for (const program of Object.values(renderer.edgePrograms)) {  // sigma 3.0 keeps its edge programs here
    const draw = program.render.bind(program);
    program.render = params => { if (!leftOut && !moving()) draw(params); };
  }
  // sigma resets draggedEvents in a timeout after mouseup; this one runs after it and redraws, edges included.
  mouse.on("mouseup", () => setTimeout(() => renderer.scheduleRender(), 0));
  renderer.on("afterRender", () => {
    if (!leftOut) { finish(); return; }
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {  // the frame after the focus frame: redraw now, nothing re-processed
      pending = false; leftOut = false;
      renderer.refresh({ partialGraph: {}, skipIndexation: true });
    });
  });
  return {
    leaveOut() { if (!leftOut) { leftOut = true; done = new Promise(resolve => { finish = resolve; }); } },
    settled: () => done,
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
  return { refresh: none, relabel: none, select: none, focus: none, settled: () => Promise.resolve(), labelOf: i => app.shortLabel(app.nodes[i]) };
}
