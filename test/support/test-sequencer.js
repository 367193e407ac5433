const Sequencer = require('@jest/test-sequencer').default;
const { relative } = require('node:path');
const MEASURED_SECONDS = require('./suite-durations.json');

/**
 * Starts the longest suites first, so that neither of the test command's two runs ends on a long suite
 * started late while the other cores idle. Jest orders by the durations it recorded in its cache, but it
 * keys them by absolute path: a fresh clone (every CI run) knows none and goes by file size, which put
 * the OpenAPI fuzz and the languages tour, five minutes each on a busy machine, among the last. Here a
 * suite without a recorded duration takes the one measured in a whole run (./suite-durations.json,
 * written by scripts/suite-durations.js); suites with neither, all short, come last.
 */
class LongestFirstSequencer extends Sequencer {
  /** Jest's sorting runs suites without a duration first: the short suites without one get 0, to run last. */
  time(test) {
    return super.time(test) ?? (MEASURED_SECONDS[relative(test.context.config.rootDir, test.path)] ?? 0) * 1000;
  }
}

module.exports = LongestFirstSequencer;
