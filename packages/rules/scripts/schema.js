#!/usr/bin/env node
// Writes schema/aigov.schema.json from the rule registry (run by the build).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { allRules, configSchema } = require('../dist');

const file = path.join(__dirname, '..', 'schema', 'aigov.schema.json');
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, `${JSON.stringify(configSchema(allRules), null, 2)}\n`);
