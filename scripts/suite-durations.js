#!/usr/bin/env node
// Writes test/support/suite-durations.json from the reports of a whole run (artifacts/jest-*.json):
// the seconds each suite of 20 s or more took, which test/support/test-sequencer.js starts first.
// Run it after `npm test` when the long suites have changed.
const { readFileSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '..');
const reports = ['jest-report.json', 'jest-browser-report.json'].map((name) => join(root, 'artifacts', name));
const durations = reports
  .flatMap((report) => JSON.parse(readFileSync(report, 'utf8')).testResults)
  .map((suite) => [relative(root, suite.name), Math.round((suite.endTime - suite.startTime) / 1000)])
  .filter(([, seconds]) => seconds >= 20)
  .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
writeFileSync(
  join(root, 'test', 'support', 'suite-durations.json'),
  `${JSON.stringify(Object.fromEntries(durations), null, 2)}\n`,
);
