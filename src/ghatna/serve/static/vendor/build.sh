#!/usr/bin/env bash
# Rebuild the front-end files that `ghatna serve` ships (run from anywhere; needs node and npm).
#
# Everything the web app and the API docs page load is vendored here and committed, so that
# `pip install ghatna` needs no network and the browser fetches nothing from outside:
#   leaflet/                 Leaflet (BSD-2-Clause): the map
#   leaflet.markercluster/   Leaflet.markercluster (MIT): clustered event points
#   swagger-ui/              swagger-ui-dist (Apache-2.0): the /api/docs page
#   countries-110m.geojson   Natural Earth 1:110m admin-0 countries (public domain), from the
#                            world-atlas TopoJSON (ISC), converted to GeoJSON with topojson-client
#                            and tagged with ISO 3166-1 alpha-3 codes from i18n-iso-countries (MIT)
# Versions are pinned; bump them here and rerun.
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

cd "$WORK"
npm init -y >/dev/null
npm install --silent --no-audit --no-fund \
  leaflet@1.9.4 leaflet.markercluster@1.5.3 swagger-ui-dist@5.36.0 \
  world-atlas@2.0.2 topojson-client@3.1.0 i18n-iso-countries@7.14.0
M="$WORK/node_modules"

rm -rf "$HERE/leaflet" "$HERE/leaflet.markercluster" "$HERE/swagger-ui"
mkdir -p "$HERE/leaflet/images" "$HERE/leaflet.markercluster" "$HERE/swagger-ui"
cp "$M/leaflet/dist/leaflet.js" "$M/leaflet/dist/leaflet.css" "$M/leaflet/LICENSE" "$HERE/leaflet/"
cp "$M"/leaflet/dist/images/*.png "$HERE/leaflet/images/"
cp "$M/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$M/leaflet.markercluster/dist/MarkerCluster.css" \
   "$M/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$M/leaflet.markercluster/MIT-LICENCE.txt" "$HERE/leaflet.markercluster/"
cp "$M/swagger-ui-dist/swagger-ui-bundle.js" "$M/swagger-ui-dist/swagger-ui.css" \
   "$M/swagger-ui-dist/LICENSE" "$HERE/swagger-ui/"
# the bundle ends with a source-map comment for a file we do not ship; drop it so the browser asks for nothing
sed -i '/^\/\/# sourceMappingURL=/d' "$HERE/swagger-ui/swagger-ui-bundle.js" "$HERE/leaflet/leaflet.js" \
  "$HERE/leaflet.markercluster/leaflet.markercluster.js"

cat > countries.cjs <<'JS'
const fs = require("fs");
const topojson = require("topojson-client");
const iso = require("i18n-iso-countries");
const topo = JSON.parse(fs.readFileSync(require.resolve("world-atlas/countries-110m.json"), "utf8"));
const fc = topojson.feature(topo, topo.objects.countries);
// world-atlas is made for spherical projections; on Leaflet's flat map a ring that crosses the
// antimeridian (Russia, Fiji, Antarctica) would draw a stripe across the world.  Unwrap each ring's
// longitudes so that no edge jumps by more than 180 degrees (the ring then extends past +-180).
function unwrap(ring) {
  let shift = 0;
  return ring.map(([lon, lat], i) => {
    if (i) {
      const prev = ring[i - 1][0];
      if (lon - prev > 180) shift -= 360;
      else if (prev - lon > 180) shift += 360;
    }
    return [Math.round((lon + shift) * 1e4) / 1e4, Math.round(lat * 1e4) / 1e4];
  });
}
function unwrapGeometry(g) {
  if (g.type === "Polygon") g.coordinates = g.coordinates.map(unwrap);
  else if (g.type === "MultiPolygon") g.coordinates = g.coordinates.map((p) => p.map(unwrap));
}
for (const f of fc.features) {
  unwrapGeometry(f.geometry);
  // world-atlas ids are ISO 3166-1 numeric; a few disputed areas have none
  const alpha3 = f.id ? iso.numericToAlpha3(f.id) : undefined;
  f.properties = { name: f.properties.name, iso3: alpha3 || null };
  delete f.id;
}
fc.source = "Natural Earth 1:110m admin-0 countries (public domain) via world-atlas 2.0.2";
process.stdout.write(JSON.stringify(fc));
JS
node countries.cjs > "$HERE/countries-110m.geojson"
echo "vendored into $HERE"
