/**
 * Jest's order, with the browser tests (test/e2e) first. Jest runs files longest-first when it
 * remembers their durations, but on a fresh checkout it orders by file size, and a browser file
 * (minutes each) started last leaves the other worker idle until it ends.
 */
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const BROWSER_DIR = `${path.sep}test${path.sep}e2e${path.sep}`;
const isBrowserTest = (test) => test.path.includes(BROWSER_DIR);

class LongestFirst extends Sequencer {
  sort(tests) {
    const sorted = super.sort(tests);
    return [...sorted.filter(isBrowserTest), ...sorted.filter((test) => !isBrowserTest(test))];
  }
}

module.exports = LongestFirst;
