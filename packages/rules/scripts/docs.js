#!/usr/bin/env node
// Writes docs/rules/**: the generated part of every rule page (keeping the hand-written rest),
// new pages for new rules, and the index. Run through `npm run docs` after building.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { allRules, docs } = require('../dist');

const root = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules');
let created = 0;
let updated = 0;
for (const rule of allRules) {
  const file = path.join(root, `${rule.meta.id}.md`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const existing = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
  const next = existing === undefined ? docs.newPage(rule) : docs.updatePage(existing, rule);
  if (next !== existing) {
    fs.writeFileSync(file, next);
    if (existing === undefined) created++;
    else updated++;
  }
}
fs.writeFileSync(path.join(root, 'README.md'), docs.renderIndex(allRules));
console.log(
  `docs/rules: ${allRules.length} rules, ${created} page(s) created, ${updated} updated.`,
);
