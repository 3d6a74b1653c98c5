#!/usr/bin/env node
// Copies the rule pages (docs/rules) into the package, so `aigov explain` works when installed
// from npm, not only inside the repository.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const from = path.resolve(__dirname, '..', '..', '..', 'docs', 'rules');
const to = path.resolve(__dirname, '..', 'docs', 'rules');
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true });
