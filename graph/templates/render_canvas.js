// Draws the graph with vis-network (canvas): node shapes, dashed relations, nodes one can drag.
// Positions come from Python; before the page is ready, nodes whose label boxes overlap are
// pushed apart (small graphs), so every label can be read.
function makeRenderer(app) {
  "use strict";
  const { nodes, edges, relations } = app;
  const visNodes = new vis.DataSet(nodes.map((n, i) => ({
    id: n.id, index: i, label: app.shortLabel(n), title: app.fullLabel(n), shape: n.shape, x: n.x, y: n.y,
    value: 1 + n.cited_by + app.degreeOut[i] / 4, color: { background: n.color, border: "#333", highlight: { background: n.color, border: "#000" } },
    borderWidth: n.unresolved ? 2 : 1, shapeProperties: { borderDashes: n.unresolved ? [4, 3] : false },
  })));
  const all = edges.concat(relations);
  const visEdges = new vis.DataSet(all.map((e, i) => ({
    id: i, from: nodes[e.s].id, to: nodes[e.t].id, arrows: "to", dashes: !!e.relation,
    width: 1 + Math.min(4, Math.log2(1 + e.n)), color: { color: app.edgeColor(e), opacity: 0.75 },
  })));
  const nodeView = new vis.DataView(visNodes, { filter: item => app.nodeVisible(item.index) });
  const edgeView = new vis.DataView(visEdges, { filter: item => app.edgeVisible(all[item.id]) });
  const options = {
    physics: false,
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: nodes.length > 500 },
    layout: { randomSeed: 7, improvedLayout: false },
    edges: { smooth: false },
    // Node size and label size grow with citations; a label smaller than drawThreshold pixels on
    // screen is not drawn, so the labels of small nodes appear as one zooms in.
    nodes: { scaling: { min: 8, max: 34, label: { enabled: true, min: 11, max: 20, drawThreshold: 7, maxVisible: 26 } }, font: { color: "#222" } },
  };
  const network = new vis.Network(document.getElementById("network"), { nodes: nodeView, edges: edgeView }, options);
  const overlapMax = 400;

  // Push overlapping label boxes apart along the axis where they overlap least (a few rounds).
  function separate() {
    const ids = nodeView.getIds(), pad = 6;
    if (ids.length > overlapMax) return;
    const pos = network.getPositions(ids);
    const boxes = ids.map(id => { const b = network.getBoundingBox(id), p = pos[id];
      return { id, x: p.x, y: p.y, l: b.left - p.x - pad, r: b.right - p.x + pad, t: b.top - p.y - pad, b: b.bottom - p.y + pad }; });
    for (let round = 0; round < 300; round++) {
      let moved = false;
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i], c = boxes[j];
        const ox = Math.min(a.x + a.r, c.x + c.r) - Math.max(a.x + a.l, c.x + c.l);
        const oy = Math.min(a.y + a.b, c.y + c.b) - Math.max(a.y + a.t, c.y + c.t);
        if (ox <= 0 || oy <= 0) continue;
        moved = true;
        if (ox < oy) { const d = (ox / 2 + 1) * (a.x <= c.x ? 1 : -1); a.x -= d; c.x += d; }
        else { const d = (oy / 2 + 1) * (a.y <= c.y ? 1 : -1); a.y -= d; c.y += d; }
      }
      if (!moved) break;
    }
    for (const b of boxes) network.moveNode(b.id, b.x, b.y);
  }
  network.once("afterDrawing", () => {
    separate();
    network.fit({ animation: false });
    network.once("afterDrawing", () => app.ready());
    network.redraw();
  });
  network.on("click", params => { if (params.nodes.length) app.clicked(app.byId.get(params.nodes[0])); });
  return {
    network, nodes: visNodes, edges: visEdges, nodeView, edgeView,
    refresh() { nodeView.refresh(); edgeView.refresh(); },
    relabel() { visNodes.update(nodes.map(n => ({ id: n.id, label: app.shortLabel(n), title: app.fullLabel(n) }))); },
    select(i) { network.selectNodes([nodes[i].id]); },
    focus(i) { network.focus(nodes[i].id, { scale: Math.max(network.getScale(), 1.2), animation: false }); },
    settled: () => Promise.resolve(),  // vis-network draws a focus in one frame, edges with it
    labelOf(i) { return visNodes.get(nodes[i].id).label; },
  };
}
