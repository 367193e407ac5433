import type { Browser } from 'playwright-core';

/** What one cold visit of a page cost, as Chromium's network and paint timings saw it. */
export interface Visit {
  /** Bytes received for every request of the page (headers and bodies as sent, compressed or not). */
  transferred: number;
  /** The same bodies once decoded: what an uncompressed page would have sent. */
  decoded: number;
  requests: Array<{ path: string; transferred: number }>;
  firstContentfulPaint: number;
  largestContentfulPaint: number;
}

/**
 * Loads `url` in a new context (an empty cache: a first visit) and waits until the network is idle
 * and `ready` (a CSS selector) is visible, then reads the paint timings from the page.
 */
export async function coldVisit(browser: Browser, url: string, ready: string, locale = 'en-GB'): Promise<Visit> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const paths = new Map<string, string>();
    const received = new Map<string, number>();
    let decoded = 0;
    cdp.on('Network.requestWillBeSent', ({ requestId, request }) =>
      paths.set(requestId, new URL(request.url).pathname),
    );
    cdp.on('Network.dataReceived', ({ dataLength }) => (decoded += dataLength));
    cdp.on('Network.loadingFinished', ({ requestId, encodedDataLength }) => received.set(requestId, encodedDataLength));
    await page.goto(url, { waitUntil: 'networkidle' });
    await page.locator(ready).first().waitFor({ state: 'visible' });
    const paints = await page.evaluate<Pick<Visit, 'firstContentfulPaint' | 'largestContentfulPaint'>>(READ_PAINTS);
    const requests = [...received].map(([id, transferred]) => ({ path: paths.get(id) ?? '?', transferred }));
    return {
      transferred: requests.reduce((sum, request) => sum + request.transferred, 0),
      decoded,
      requests,
      ...paints,
    };
  } finally {
    await context.close();
  }
}

/**
 * Runs in the page (a string: the tests' types know no DOM): its first contentful paint and its
 * largest contentful paint so far, in ms since the navigation started. Paint entries are queued
 * after the frame is presented, which on a loaded machine can be after the content is in the DOM:
 * it waits for them, NaN for one not seen within 10 s.
 */
const READ_PAINTS = `new Promise((resolve) => {
  const seen = {};
  const answer = () => resolve({ firstContentfulPaint: seen.fcp ?? NaN, largestContentfulPaint: seen.lcp ?? NaN });
  const settle = () => seen.fcp !== undefined && seen.lcp !== undefined && answer();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') seen.fcp = entry.startTime;
    settle();
  }).observe({ type: 'paint', buffered: true });
  new PerformanceObserver((list) => {
    seen.lcp = list.getEntries().at(-1).startTime;
    settle();
  }).observe({ type: 'largest-contentful-paint', buffered: true });
  setTimeout(answer, 10000);
})`;
