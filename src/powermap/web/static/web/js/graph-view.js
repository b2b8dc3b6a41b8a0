// The network view: actors and relationships drawn with Cytoscape.js (vendored).
// Data comes from the JSON endpoint named in data-src; labels from a json_script block.
import cytoscape from "../vendor/cytoscape-3.34.4/cytoscape.esm.min.mjs";

const STANCE_COLOURS = { "-2": "#b2182b", "-1": "#ef8a62", "0": "#9e9e9e", "1": "#67a9cf", "2": "#2166ac" };

const container = document.getElementById("network");
const note = document.getElementById("network-note");

function csrfToken() {
  const match = document.cookie.match(/(?:^|; )csrftoken=([^;]+)/);
  if (match) return decodeURIComponent(match[1]);
  const input = document.querySelector("input[name=csrfmiddlewaretoken]");
  return input ? input.value : "";
}

function elements(data) {
  const nodes = data.nodes.map((n) => ({
    group: "nodes",
    data: { id: n.id, key: n.key, label: n.name, kind: n.kind,
            colour: STANCE_COLOURS[String(n.stance ?? 0)],
            size: 18 + 8 * (n.influence ?? 0) },
    position: n.x === null || n.y === null ? undefined : { x: n.x, y: n.y },
  }));
  const edges = data.edges.map((e) => ({
    group: "edges",
    data: { id: e.id, source: e.source, target: e.target, label: e.type.replace("_", " "),
            width: 1 + 4 * e.strength },
  }));
  return { nodes, edges };
}

async function draw() {
  const params = new URLSearchParams(window.location.search);
  const response = await fetch(`${container.dataset.src}?${params}`, { credentials: "same-origin" });
  const data = await response.json();
  note.textContent = data.note || "";
  const { nodes, edges } = elements(data);
  const placed = nodes.length > 0 && nodes.every((n) => n.position);
  // Cytoscape keeps and moves the position objects it is given: keep our own copies.
  const saved = new Map(nodes.filter((n) => n.position).map((n) => [n.data.id, { ...n.position }]));
  const cy = cytoscape({
    container,
    elements: [...nodes, ...edges],
    layout: { name: "preset" },
    wheelSensitivity: 0.3,
    style: [
      { selector: "node", style: { "background-color": "data(colour)", width: "data(size)",
          height: "data(size)", label: "data(label)", "font-size": 11, "text-valign": "bottom",
          "text-margin-y": 4, "text-wrap": "ellipsis", "text-max-width": 140 } },
      { selector: "edge", style: { width: "data(width)", "line-color": "#b9bcc6",
          "target-arrow-color": "#b9bcc6", "target-arrow-shape": "triangle",
          "curve-style": "bezier", label: "data(label)", "font-size": 9, color: "#777" } },
      { selector: `node[key = "${CSS.escape(data.ego || "")}"]`, style: { "border-width": 3, "border-color": "#000" } },
      { selector: "node.on-path", style: { "border-width": 4, "border-color": "#e08e0b", "font-weight": "bold" } },
      { selector: "edge.on-path", style: { width: 5, "line-color": "#e08e0b", "target-arrow-color": "#e08e0b", "z-index": 10 } },
    ],
  });
  window.powermapNetwork = cy; // for tests and the console
  highlightPath(cy, params.get("path"));
  if (placed) {
    container.dataset.ready = String(nodes.length);
  } else {
    const layout = cy.layout({ name: "cose", animate: false, randomize: false });
    layout.one("layoutstop", () => {
      // The layout placed everyone; actors an editor arranged keep their saved place.
      saved.forEach((position, id) => cy.getElementById(id).position(position));
      cy.fit(undefined, 30);
      container.dataset.ready = String(nodes.length);
    });
    layout.run();
  }
  cy.on("tap", "node", (event) => {
    const key = event.target.data("key");
    window.location.href = container.dataset.actorUrl.replace("KEY", encodeURIComponent(key));
  });
  if (container.dataset.save) {
    cy.on("dragfree", "node", (event) => savePositions(event.target));
  }
}

// `?path=a,b,c` (from an ask's page): mark the path's actors and the links between them.
function highlightPath(cy, path) {
  const nodes = (path || "").split(",").filter(Boolean)
    .map((key) => cy.nodes().filter((n) => n.data("key") === key));
  nodes.forEach((n) => n.addClass("on-path"));
  nodes.slice(1).forEach((n, i) => nodes[i].edgesWith(n).addClass("on-path"));
}

async function savePositions(node) {
  const positions = {};
  const moved = node.selected() ? node.cy().$("node:selected") : node;
  moved.forEach((n) => { positions[n.id()] = [n.position("x"), n.position("y")]; });
  await fetch(container.dataset.save, {
    method: "POST",
    credentials: "same-origin",
    headers: { "Content-Type": "application/json", "X-CSRFToken": csrfToken() },
    body: JSON.stringify({ positions }),
  });
}

draw();
