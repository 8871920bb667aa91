#!/usr/bin/env node
// `jixiao` command: a thin launcher for the bundled CLI in out/ (built on `npm install`).
const fs = require('node:fs');
const path = require('node:path');
const { pathToFileURL } = require('node:url');

const entry = path.join(__dirname, '..', '..', 'out', 'cli.mjs');
if (!fs.existsSync(entry)) {
  console.error('绩效命令行尚未构建：请在项目目录运行 npm install（或 npm run build）后再试。');
  process.exit(1);
}
import(pathToFileURL(entry).href)
  .then((cli) => cli.main(process.argv.slice(2)))
  .then((code) => {
    process.exitCode = code;
  });
