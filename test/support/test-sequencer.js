const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');
const MEASURED_SECONDS = require('./suite-durations.json');

/**
 * Starts the longest suites first, so that neither of the test command's two runs ends on a long suite
 * started late while the other cores idle. Jest orders by the durations it recorded in its cache, but it
 * keys them by absolute path: a fresh clone (every CI run) knows none and goes by file size, which put
 * the OpenAPI fuzz and the languages tour, five minutes each on a busy machine, among the last. Here a
 * suite without a recorded duration takes the one measured in a whole run (./suite-durations.json,
 * written by scripts/suite-durations.js); suites with neither, all short, come last, largest file first.
 */
class LongestFirstSequencer extends Sequencer {
  time(test) {
    const seconds = MEASURED_SECONDS[relative(test.context.config.rootDir, test.path)];
    return super.time(test) ?? (seconds === undefined ? undefined : seconds * 1000);
  }

  sort(tests) {
    const sizes = new Map();
    const size = (test) => {
      if (!sizes.has(test.path)) sizes.set(test.path, test.context.hasteFS.getSize(test.path) ?? 0);
      return sizes.get(test.path);
    };
    for (const test of tests) test.duration = this.time(test);
    return tests.sort(
      (a, b) =>
        Number(this.hasFailed(b)) - Number(this.hasFailed(a)) ||
        (b.duration ?? -1) - (a.duration ?? -1) ||
        size(b) - size(a),
    );
  }
}

module.exports = LongestFirstSequencer;
