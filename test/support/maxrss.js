'use strict';
/**
 * Runs a Node script in this process and, on exit, writes the process's peak resident set size
 * (kilobytes) to the file named by AIGOV_MAXRSS_FILE: `node maxrss.js script.js args…`.
 * The script sees its usual `process.argv`; stdout and stderr are left untouched.
 */
const fs = require('node:fs');
const path = require('node:path');

const out = process.env.AIGOV_MAXRSS_FILE;
if (out) process.on('exit', () => fs.writeFileSync(out, String(process.resourceUsage().maxRSS)));
const script = path.resolve(process.argv[2]);
process.argv.splice(1, 1);
require(script);
