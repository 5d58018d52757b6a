/* ghatna web app: map, timeline and table over the same filters (kept in the URL), an article view
   with highlights, and an actor view.  Plain JavaScript; text from the store is only ever set as
   textContent, never parsed as HTML. */
(function () {
  "use strict";

  const FILTERS = ["type", "country", "actor", "start", "end", "lang", "q"];
  const PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#393b79", "#ad494a", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"];
  const QUAD_COLOURS = { 1: "#2ca02c", 2: "#1f77b4", 3: "#ff7f0e", 4: "#d62728" };
  const state = { meta: null, typeColour: {}, quadOf: {}, nextCursor: null, map: null, cluster: null,
    countryLayer: null, countryCounts: {}, loads: 0 };

  // -- small helpers -------------------------------------------------------------------------------
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined) continue;
      if (k === "class") node.className = v;
      else if (k.startsWith("on")) node.addEventListener(k.slice(2), v);
      else if (k === "dataset") Object.assign(node.dataset, v);
      else node.setAttribute(k, v);
    }
    for (const c of children) if (c !== null && c !== undefined) node.append(c);
    return node;
  }
  function svg(tag, attrs, ...children) {
    const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    for (const c of children) node.append(c);
    return node;
  }
  const $ = (id) => document.getElementById(id);
  function params() { return new URLSearchParams(location.search); }
  function filterParams(extra) {
    const p = params(), out = new URLSearchParams();
    for (const k of FILTERS) if (p.get(k)) out.set(k, p.get(k));
    for (const [k, v] of Object.entries(extra || {})) if (v !== null && v !== undefined) out.set(k, v);
    return out;
  }
  async function api(path, query) {
    const url = query ? `${path}?${query}` : path;
    const r = await fetch(url);
    const body = await r.json();
    if (!r.ok) throw new Error(body.error || `${r.status} ${r.statusText}`);
    return body;
  }
  function showError(err) {
    const box = $("error");
    if (!err) { box.hidden = true; box.textContent = ""; return; }
    box.hidden = false; box.textContent = String(err.message || err);
  }
  function colourOf(type, quad) {
    if ($("f-colour").value === "quad") return QUAD_COLOURS[quad] || "#7f7f7f";
    return state.typeColour[type] || "#7f7f7f";
  }
  function actorLinks(refs) {
    const span = el("span");
    refs.forEach((r, i) => {
      if (i) span.append(", ");
      span.append(el("a", { class: "actor-link", title: r.code ? `${r.id} · ${r.code}` : r.id,
        onclick: (e) => { e.stopPropagation(); openActor(r.code || r.id); } }, r.name));
    });
    return span;
  }
  function setUrl(p, push) {
    const url = `${location.pathname}${p.toString() ? "?" + p.toString() : ""}`;
    if (push) history.pushState(null, "", url); else history.replaceState(null, "", url);
  }
  function busy(delta) {
    state.loads += delta;
    document.body.dataset.loading = state.loads > 0 ? "true" : "false";
  }

  // -- filters -------------------------------------------------------------------------------------
  function fillFilters() {
    const m = state.meta;
    for (const t of m.codebooks.types) $("f-type").append(el("option", { value: t.type }, t.type));
    for (const [c, n] of Object.entries(m.summary.countries)) $("f-country").append(el("option", { value: c }, `${c} (${n})`));
    for (const [l, n] of Object.entries(m.summary.langs)) $("f-lang").append(el("option", { value: l }, `${l} (${n})`));
  }
  function readFiltersIntoForm() {
    const p = params();
    for (const k of FILTERS) {
      const input = $(`f-${k}`);
      if (input) input.value = p.get(k) || "";
    }
    $("clear-dates").hidden = !(p.get("start") || p.get("end"));
  }
  function applyForm(push) {
    const p = params();
    for (const k of FILTERS) {
      const v = ($(`f-${k}`).value || "").trim();
      if (v) p.set(k, v); else p.delete(k);
    }
    setUrl(p, push);
    refresh();
  }
  function setFilter(name, value) {
    const p = params();
    if (value) p.set(name, value); else p.delete(name);
    setUrl(p, true);
    readFiltersIntoForm();
    refresh();
  }

  let actorTimer = null;
  function suggestActors() {
    clearTimeout(actorTimer);
    actorTimer = setTimeout(async () => {
      const prefix = $("f-actor").value.trim();
      if (!prefix) return;
      try {
        const body = await api("/api/actors", new URLSearchParams({ prefix, limit: "15" }));
        const list = $("actor-options");
        list.replaceChildren(...body.actors.map((a) =>
          el("option", { value: a.key }, `${a.name} · ${a.kind} · ${a.as_actor + a.as_recipient} events`)));
      } catch (err) { showError(err); }
    }, 200);
  }

  // -- map -----------------------------------------------------------------------------------------
  async function initMap() {
    const map = L.map("map", { worldCopyJump: false, minZoom: 1, maxZoom: 12, zoomSnap: 0.5,
      maxBounds: [[-85, -200], [85, 200]], attributionControl: true }).setView([20, 15], 1.5);
    map.attributionControl.setPrefix("Leaflet").addAttribution("Natural Earth (public domain)");
    const world = await (await fetch("/static/vendor/countries-110m.geojson")).json();
    state.countryLayer = L.geoJSON(world, { style: countryStyle, onEachFeature: (f, layer) => {
      layer.on("click", () => { if (f.properties.iso3 && state.countryCounts[f.properties.iso3]) setFilter("country", f.properties.iso3); });
      layer.bindTooltip(() => `${f.properties.name}: ${state.countryCounts[f.properties.iso3] || 0} events`, { sticky: true });
    } }).addTo(map);
    state.cluster = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 40,
      iconCreateFunction: (cluster) => {
        const n = cluster.getAllChildMarkers().reduce((s, m) => s + m.options.n, 0);
        const size = Math.min(56, 24 + Math.log2(n + 1) * 4);
        return L.divIcon({ html: `<div class="cluster-pin" style="width:${size}px;height:${size}px">${n}</div>`,
          className: "cluster-icon", iconSize: [size, size] });
      } }).addTo(map);
    state.map = map;
    document.body.dataset.basemap = String(world.features.length);
  }
  function countryStyle(feature) {
    const n = state.countryCounts[feature.properties.iso3] || 0;
    const max = Math.max(1, ...Object.values(state.countryCounts));
    const t = n ? 0.15 + 0.55 * Math.sqrt(n / max) : 0;
    return { color: "#8a94a6", weight: 0.6, fillColor: n ? "#c0392b" : "#eceae4", fillOpacity: n ? t : 1 };
  }
  function drawMap(agg) {
    state.countryCounts = Object.fromEntries(agg.countries.map((c) => [c.country, c.n]));
    state.countryLayer.setStyle(countryStyle);
    state.cluster.clearLayers();
    const markers = agg.points.map((p) => {
      const size = Math.min(34, 14 + Math.log2(p.n + 1) * 3);
      const quad = Object.entries(p.quad_classes).sort((a, b) => b[1] - a[1])[0];
      const colour = colourOf(p.top_type, quad ? quad[0] : null);
      const icon = L.divIcon({ className: "event-icon",
        html: `<div class="marker-pin" style="width:${size}px;height:${size}px;background:${colour}">${p.n}</div>`,
        iconSize: [size, size] });
      const m = L.marker([p.lat, p.lon], { icon, n: p.n, title: `${p.name || p.place_id}: ${p.n} events` });
      m.on("click", () => placePopup(m, p));
      return m;
    });
    state.cluster.addLayers(markers);
    const total = agg.points.reduce((s, p) => s + p.n, 0);
    $("map-info").textContent = `${total} events at ${agg.points.length} places` +
      (agg.truncated ? " (busiest places only)" : "") + (agg.unplaced ? ` · ${agg.unplaced} without a place` : "");
    $("map").dataset.points = String(agg.points.length);
    $("map").dataset.events = String(total);
  }
  async function placePopup(marker, point) {
    const box = el("div", { class: "place-popup" }, el("strong", {}, point.name || point.place_id),
      ` · ${point.n} events`);
    marker.bindPopup(box, { maxWidth: 320 }).openPopup();
    try {
      const body = await api("/api/events", filterParams({ place: point.place_id, limit: "15",
        fields: "id,type,day,trigger_text,title" }));
      box.append(el("ul", { class: "popup-events" }, ...body.events.map((e) => el("li", {},
        el("a", { dataset: { eventId: e.id }, onclick: () => openArticle(e.id) },
          `${e.day || "undated"} · ${e.type} · ${e.trigger_text}`)))));
      marker.getPopup().update();
    } catch (err) { showError(err); }
  }

  // -- timeline ------------------------------------------------------------------------------------
  function intervalFor() {
    const p = params(), s = state.meta.summary;
    const start = new Date(p.get("start") || s.first_day || "2000-01-01");
    const end = new Date(p.get("end") || s.last_day || "2000-01-01");
    const days = (end - start) / 86400000;
    return days <= 120 ? "day" : days <= 1100 ? "week" : "month";
  }
  function addInterval(date, interval) {
    const d = new Date(date);
    if (interval === "day") d.setUTCDate(d.getUTCDate() + 1);
    else if (interval === "week") d.setUTCDate(d.getUTCDate() + 7);
    else d.setUTCMonth(d.getUTCMonth() + 1);
    return d;
  }
  function drawStacked(node, tl, opts) {
    const w = node.clientWidth || 400, h = node.clientHeight || 160, pad = { l: 30, r: 6, t: 6, b: 18 };
    node.replaceChildren();
    node.setAttribute("viewBox", `0 0 ${w} ${h}`);
    node.dataset.buckets = String(tl.buckets.length);
    node.dataset.total = String(tl.buckets.reduce((s, b) => s + b.total, 0));
    if (!tl.buckets.length) {
      node.append(svg("text", { x: w / 2, y: h / 2, "text-anchor": "middle", fill: "#5b6475" },
        document.createTextNode(tl.undated ? `no dated events (${tl.undated} undated)` : "no events")));
      return null;
    }
    const t0 = new Date(tl.buckets[0].start).getTime();
    const t1 = addInterval(tl.buckets[tl.buckets.length - 1].start, tl.interval).getTime();
    const x = (t) => pad.l + (t - t0) / Math.max(1, t1 - t0) * (w - pad.l - pad.r);
    const ymax = Math.max(...tl.buckets.map((b) => b.total));
    const y = (v) => h - pad.b - v / ymax * (h - pad.t - pad.b);
    const bars = svg("g", { class: "bars" });
    for (const b of tl.buckets) {
      const bx = x(new Date(b.start).getTime()), bw = Math.max(1, x(addInterval(b.start, tl.interval).getTime()) - bx - 0.5);
      let acc = 0;
      for (const k of tl.keys) {
        const v = b.counts[k]; if (!v) continue;
        const rect = svg("rect", { x: bx, y: y(acc + v), width: bw, height: Math.max(0.5, y(acc) - y(acc + v)),
          fill: opts.colour(k) });
        rect.append(svg("title", {}, document.createTextNode(`${b.start}: ${k} ${v}`)));
        bars.append(rect); acc += v;
      }
    }
    const axis = svg("g", { class: "axis" });
    axis.append(svg("line", { x1: pad.l, x2: w - pad.r, y1: h - pad.b, y2: h - pad.b, stroke: "#999" }));
    axis.append(svg("text", { x: 2, y: pad.t + 8 }, document.createTextNode(String(ymax))));
    const ticks = 5;
    for (let i = 0; i <= ticks; i++) {
      const t = t0 + (t1 - t0) * i / ticks;
      axis.append(svg("text", { x: x(t), y: h - 4, "text-anchor": i === 0 ? "start" : i === ticks ? "end" : "middle" },
        document.createTextNode(new Date(t).toISOString().slice(0, tl.interval === "month" ? 7 : 10))));
    }
    node.append(bars, axis);
    return { x, t0, t1, pad, w, h };
  }
  function drawTimeline(tl) {
    const node = $("timeline");
    const scale = drawStacked(node, tl, { colour: (k) => state.typeColour[k] || "#7f7f7f" });
    $("timeline-info").textContent = `per ${tl.interval}` + (tl.undated ? ` · ${tl.undated} undated` : "") +
      " · drag to pick dates";
    $("legend").replaceChildren(...tl.keys.map((k) => el("span", {}, el("i", { style: `background:${state.typeColour[k] || "#7f7f7f"}` }), k)));
    node.onmousedown = scale ? (e) => brushStart(e, node, scale) : null;
  }
  function brushStart(e, node, scale) {
    const box = node.getBoundingClientRect();
    const toX = (ev) => Math.min(scale.w - scale.pad.r, Math.max(scale.pad.l, (ev.clientX - box.left) * scale.w / box.width));
    const x0 = toX(e);
    const rect = svg("rect", { class: "brush", x: x0, y: scale.pad.t, width: 0, height: scale.h - scale.pad.t - scale.pad.b });
    node.append(rect);
    const move = (ev) => { const x1 = toX(ev); rect.setAttribute("x", Math.min(x0, x1)); rect.setAttribute("width", Math.abs(x1 - x0)); };
    const up = (ev) => {
      window.removeEventListener("mousemove", move); window.removeEventListener("mouseup", up);
      const x1 = toX(ev);
      if (Math.abs(x1 - x0) < 3) { rect.remove(); return; }
      const toDate = (px) => new Date(scale.t0 + (px - scale.pad.l) / (scale.w - scale.pad.l - scale.pad.r) * (scale.t1 - scale.t0));
      const a = toDate(Math.min(x0, x1)), b = toDate(Math.max(x0, x1));
      const p = params();
      p.set("start", a.toISOString().slice(0, 10)); p.set("end", b.toISOString().slice(0, 10));
      setUrl(p, true); readFiltersIntoForm(); refresh();
    };
    window.addEventListener("mousemove", move); window.addEventListener("mouseup", up);
  }

  // -- table ---------------------------------------------------------------------------------------
  function eventRow(e) {
    return el("tr", { dataset: { eventId: e.id, type: e.type, country: e.country || "" }, onclick: () => openArticle(e.id) },
      el("td", {}, e.day || "—"),
      el("td", {}, el("span", { class: "type-tag", style: `background:${colourOf(e.type, e.quad_class)}` }, e.type)),
      el("td", {}, actorLinks(e.actors)), el("td", {}, actorLinks(e.recipients)),
      el("td", {}, e.place_name ? `${e.place_name}${e.country ? " (" + e.country + ")" : ""}` : "—"),
      el("td", { lang: e.lang || null }, e.trigger_text || ""), el("td", {}, e.lang || ""),
      el("td", {}, e.confidence === null ? "" : e.confidence.toFixed(2)));
  }
  function drawTable(page, append) {
    const body = $("events").tBodies[0];
    const rows = page.events.map(eventRow);
    if (append) body.append(...rows); else body.replaceChildren(...rows);
    $("event-count").textContent = `${page.total} matching`;
    $("events").dataset.total = String(page.total);
    state.nextCursor = page.next;
    $("more").hidden = !page.next;
    for (const fmt of ["csv", "jsonl", "geojson"]) {
      $(`download-${fmt}`).href = `/api/events?${filterParams({ format: fmt, limit: String(state.meta.limits.download) })}`;
    }
  }
  async function moreRows() {
    try {
      drawTable(await api("/api/events", filterParams({ limit: "100", cursor: state.nextCursor })), true);
    } catch (err) { showError(err); }
  }

  // -- refresh every view from the URL -------------------------------------------------------------
  let generation = 0;
  async function refresh() {
    const mine = ++generation;
    showError(null);
    busy(1);
    try {
      const [page, agg, tl] = await Promise.all([
        api("/api/events", filterParams({ limit: "100" })),
        api("/api/agg/map", filterParams()),
        api("/api/agg/timeline", filterParams({ interval: intervalFor() })),
      ]);
      if (mine !== generation) return;  // a newer filter change won
      drawTable(page, false); drawMap(agg); drawTimeline(tl);
      document.body.dataset.filters = filterParams().toString();
    } catch (err) { showError(err); } finally { busy(-1); }
    routeView();
  }

  // -- article view --------------------------------------------------------------------------------
  function renderHighlights(text, highlights, current) {
    const cuts = new Set([0, text.length]);
    for (const h of highlights) { cuts.add(h.start); cuts.add(h.end); }
    const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
    const frag = document.createDocumentFragment();
    let active = [], next = 0;
    const sorted = highlights.slice().sort((a, b) => a.start - b.start);
    for (let i = 0; i < points.length - 1; i++) {
      const a = points[i], b = points[i + 1];
      while (next < sorted.length && sorted[next].start <= a) active.push(sorted[next++]);
      active = active.filter((h) => h.end > a);
      const covering = active.filter((h) => h.start <= a && h.end >= b);
      const piece = text.slice(a, b);
      if (!covering.length) { frag.append(piece); continue; }
      const kinds = new Set(covering.map((h) => h.kind));
      const isCurrent = covering.some((h) => h.ref === current && ["trigger", "actor", "recipient"].includes(h.kind));
      const cls = [...kinds].map((k) => `hl hl-${k}`).join(" ") + (isCurrent ? " current" : "");
      frag.append(el("span", { class: cls, title: covering.map((h) => h.label).join(" · "),
        dataset: { kinds: [...kinds].join(" ") } }, piece));
    }
    return frag;
  }
  async function openArticle(eventId) {
    const p = params();
    p.set("view", "article"); p.set("event", eventId); p.delete("key");
    setUrl(p, true);
    routeView();
  }
  async function showArticle(eventId) {
    busy(1);
    try {
      const detail = await api(`/api/events/${encodeURIComponent(eventId)}`);
      const doc = await api(`/api/documents/${encodeURIComponent(detail.event.doc_id)}`);
      const ev = detail.event;
      $("article-title").textContent = doc.title || doc.source || doc.doc_id;
      $("article-meta").textContent = [doc.published, doc.lang, doc.source, doc.url].filter(Boolean).join(" · ");
      const text = $("article-text");
      text.setAttribute("lang", doc.lang || "");
      text.replaceChildren(renderHighlights(doc.text, doc.highlights, ev.id));
      const fields = [["id", ev.id], ["type", `${ev.type}${ev.mode ? " / " + ev.mode : ""}`], ["CAMEO", ev.cameo],
        ["quad class", ev.quad_class], ["intensity", ev.intensity], ["date", ev.date ? `${ev.date} (${ev.date_precision})` : (ev.day ? `${ev.day} (publication date)` : null)],
        ["actors", actorLinks(ev.actors)], ["recipients", actorLinks(ev.recipients)],
        ["place", ev.place_name ? `${ev.place_name} ${ev.country ? "(" + ev.country + ")" : ""}` : null],
        ["trigger", `${ev.trigger_text} [${ev.trigger_start}–${ev.trigger_end}]`],
        ["modality", `${ev.modality}${ev.negated ? ", negated" : ""}`], ["confidence", ev.confidence],
        ["sentence", `#${detail.provenance.sentence} [${detail.provenance.sentence_span.start}–${detail.provenance.sentence_span.end}]`]];
      $("event-fields").replaceChildren(...fields.filter(([, v]) => v !== null && v !== undefined && v !== "")
        .map(([k, v]) => el("tr", {}, el("td", {}, k), el("td", {}, v instanceof Node ? v : String(v)))));
      $("article-events").replaceChildren(...doc.events.map((e) => el("li", { class: e.id === ev.id ? "current" : "",
        dataset: { eventId: e.id }, onclick: () => openArticle(e.id) }, `${e.type}: ${e.trigger_text}`)));
      $("article").hidden = false; $("actor").hidden = true;
      $("article").dataset.event = ev.id;
      const mark = text.querySelector(".current.hl-trigger");
      if (mark) mark.scrollIntoView({ block: "center" });
    } catch (err) { showError(err); } finally { busy(-1); }
  }

  // -- actor view ----------------------------------------------------------------------------------
  function openActor(key) {
    const p = params();
    p.set("view", "actor"); p.set("key", key); p.delete("event");
    setUrl(p, true);
    routeView();
  }
  async function showActor(key) {
    busy(1);
    try {
      const found = (await api("/api/actors", new URLSearchParams({ key }))).actors[0];
      $("actor-name").textContent = found.kind === "code" ? `${found.key}` : found.name;
      $("actor-meta").textContent = `${found.kind === "code" ? "actor code" : "entity " + found.key}` +
        `${found.code && found.kind !== "code" ? " · code " + found.code : ""} · ${found.as_actor} events as actor, ` +
        `${found.as_recipient} as recipient · also named: ${found.names.join(", ")}`;
      const base = filterParams(); base.delete("actor");
      const interval = "month";
      const by = new URLSearchParams(base); by.set("actor", key); by.set("interval", interval);
      const against = new URLSearchParams(base); against.set("recipient", key); against.set("interval", interval);
      const net = new URLSearchParams(base); net.set("party", key); net.set("max_edges", "30");
      const [tlBy, tlAgainst, network] = await Promise.all([api("/api/agg/timeline", by),
        api("/api/agg/timeline", against), api("/api/network", net)]);
      $("actor").hidden = false; $("article").hidden = true;
      const colour = (k) => state.typeColour[k] || "#7f7f7f";
      drawStacked($("actor-by"), tlBy, { colour }); drawStacked($("actor-against"), tlAgainst, { colour });
      drawNetwork(network, key);
      $("actor-filter").onclick = (e) => { e.preventDefault(); closePanels(); setFilter("actor", key); };
      $("actor").dataset.key = key;
    } catch (err) { showError(err); } finally { busy(-1); }
  }
  function drawNetwork(net, centre) {
    const node = $("network");
    node.replaceChildren();
    node.dataset.nodes = String(net.nodes.length);
    node.dataset.edges = String(net.edges.length);
    if (!net.nodes.length) {
      node.append(svg("text", { x: 210, y: 210, "text-anchor": "middle" }, document.createTextNode("no actor-to-recipient events")));
      return;
    }
    const pos = {}, others = net.nodes.filter((n) => n.id !== centre);
    pos[centre] = [210, 210];
    others.forEach((n, i) => {
      const a = 2 * Math.PI * i / others.length;
      pos[n.id] = [210 + 160 * Math.cos(a), 210 + 160 * Math.sin(a)];
    });
    const maxN = Math.max(...net.edges.map((e) => e.n));
    const defs = svg("defs", {}, svg("marker", { id: "arrow", viewBox: "0 0 10 10", refX: "18", refY: "5", markerWidth: "6", markerHeight: "6", orient: "auto" },
      svg("path", { d: "M0,0 L10,5 L0,10 z", fill: "#999" })));
    node.append(defs);
    for (const e of net.edges) {
      const [x1, y1] = pos[e.source] || [210, 210], [x2, y2] = pos[e.target] || [210, 210];
      const line = svg("line", { x1, y1, x2, y2, stroke: "#999", "stroke-width": 1 + 3 * e.n / maxN, "marker-end": "url(#arrow)" });
      line.append(svg("title", {}, document.createTextNode(`${e.source} → ${e.target}: ${e.n}`)));
      node.append(line);
    }
    for (const n of net.nodes) {
      const [x, y] = pos[n.id] || [210, 210];
      const g = svg("g", { class: "node", transform: `translate(${x},${y})` },
        svg("circle", { r: n.id === centre ? 9 : 6, fill: n.id === centre ? "#c0392b" : "#1d4fa8" }),
        svg("text", { x: 9, y: 4 }, document.createTextNode(n.name)));
      g.addEventListener("click", () => openActor(n.id));
      node.append(g);
    }
  }

  // -- views ---------------------------------------------------------------------------------------
  function closePanels() {
    const p = params();
    p.delete("view"); p.delete("event"); p.delete("key");
    setUrl(p, true);
    $("article").hidden = true; $("actor").hidden = true;
  }
  let shownView = "";
  function routeView() {
    const p = params(), view = p.get("view");
    const wanted = view === "article" ? `article:${p.get("event")}` : view === "actor" ? `actor:${p.get("key")}` : "";
    if (wanted === shownView) return;
    shownView = wanted;
    if (view === "article" && p.get("event")) showArticle(p.get("event"));
    else if (view === "actor" && p.get("key")) showActor(p.get("key"));
    else { $("article").hidden = true; $("actor").hidden = true; }
  }

  // -- start ---------------------------------------------------------------------------------------
  async function start() {
    busy(1);
    try {
      state.meta = await api("/api/meta");
      state.meta.codebooks.types.forEach((t, i) => { state.typeColour[t.type] = PALETTE[i % PALETTE.length]; state.quadOf[t.type] = t.quad_class; });
      fillFilters();
      readFiltersIntoForm();
      await initMap();
      $("filters").addEventListener("change", (e) => { if (e.target.id !== "f-colour") applyForm(true); else refresh(); });
      $("filters").addEventListener("submit", (e) => { e.preventDefault(); applyForm(true); });
      $("f-actor").addEventListener("input", suggestActors);
      $("reset").addEventListener("click", () => { setUrl(new URLSearchParams(), true); readFiltersIntoForm(); refresh(); });
      $("clear-dates").addEventListener("click", () => { const p = params(); p.delete("start"); p.delete("end"); setUrl(p, true); readFiltersIntoForm(); refresh(); });
      $("more").addEventListener("click", moreRows);
      for (const b of document.querySelectorAll("[data-close]")) b.addEventListener("click", () => { closePanels(); shownView = ""; });
      window.addEventListener("popstate", () => { readFiltersIntoForm(); refresh(); });
      await refresh();
      document.body.dataset.ready = "true";
    } catch (err) { showError(err); } finally { busy(-1); }
  }
  start();
})();
