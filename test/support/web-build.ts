import { join } from 'node:path';

/** Where the browser suites take the web build from; WEB_BUILD_DIR lets parallel checkouts keep theirs apart. */
export const WEB_BUILD = process.env.WEB_BUILD_DIR ?? join(__dirname, '..', '..', 'dist', 'web');
