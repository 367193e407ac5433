import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The README and the docs are read on a fresh checkout: every relative link must open a file of the
 * repository (never one beside it), and every #fragment a heading of that file.
 */
const ROOT = resolve(__dirname, '..', '..');
const DOCUMENTS = [
  'README.md',
  ...readdirSync(join(ROOT, 'docs'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];

interface Link {
  document: string;
  line: number;
  target: string;
}

/** Inline links and images outside fenced code blocks and code spans. */
function markdownLinks(document: string, text: string): Link[] {
  const links: Link[] = [];
  let fenced = false;
  text.split('\n').forEach((raw, index) => {
    if (/^\s*(```|~~~)/u.test(raw)) fenced = !fenced;
    if (fenced) return;
    const line = raw.replace(/`[^`]*`/gu, '');
    for (const match of line.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/gu)) {
      links.push({ document, line: index + 1, target: match[1] });
    }
  });
  return links;
}

/** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
function headingAnchor(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/`/gu, '')
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/gu, '-');
}

function anchorsOf(file: string): Set<string> {
  const headings = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6}\s/u.test(line))
    .map((line) => headingAnchor(line.replace(/^#+\s*/u, '')));
  return new Set(headings);
}

/** What is wrong with a link, or null when it resolves. */
function problem(link: Link): string | null {
  if (/^[a-z][a-z0-9+.-]*:/iu.test(link.target)) return null;
  const [path, fragment] = link.target.split('#', 2);
  const source = join(ROOT, link.document);
  const file = path === '' ? source : resolve(dirname(source), decodeURIComponent(path));
  const inside = relative(ROOT, file);
  if (inside.startsWith('..')) return `points outside the repository (${inside})`;
  if (!existsSync(file)) return `no such file ${inside}`;
  if (fragment !== undefined && statSync(file).isFile() && file.endsWith('.md') && !anchorsOf(file).has(fragment)) {
    return `no heading #${fragment} in ${inside}`;
  }
  return null;
}

describe('links of the README and docs/', () => {
  it.each(DOCUMENTS)('%s: every relative link opens a file of the repository', (document) => {
    const links = markdownLinks(document, readFileSync(join(ROOT, document), 'utf8'));
    const broken = links
      .map((link) => ({ link, problem: problem(link) }))
      .filter((checked) => checked.problem !== null)
      .map(({ link, problem }) => `${link.document}:${link.line} ${link.target}: ${problem}`);
    expect(broken).toEqual([]);
  });

  it.each(DOCUMENTS)('%s: names no path outside the repository, even in code', (document) => {
    const text = readFileSync(join(ROOT, document), 'utf8');
    const outside = [...text.matchAll(/(?<=^|[\s`(])(?:\.\.\/)+[^\s`)]*/gmu)]
      .map((match) => match[0])
      .filter((path) => relative(ROOT, resolve(ROOT, dirname(document), path)).startsWith('..'));
    expect(outside).toEqual([]);
  });

  it('the README links the docs folder, each page of it', () => {
    const targets = markdownLinks('README.md', readFileSync(join(ROOT, 'README.md'), 'utf8')).map((l) => l.target);
    for (const page of DOCUMENTS.filter((d) => d.startsWith('docs/'))) expect(targets).toContain(page);
  });

  it('finds links, skips code and tells a missing file, an outside path and a missing heading apart', () => {
    const text = [
      'See [rules](docs/rules.md#scoring) and [web](https://example.org).',
      '`[not](a-link.md)`',
      '```',
      '[neither](in-code.md)',
      '```',
      '[gone](docs/missing.md) [out](../shared/DESIGN.md) [nowhere](docs/rules.md#no-such-heading)',
    ].join('\n');
    const links = markdownLinks('README.md', text);
    expect(links.map((l) => l.target)).toEqual([
      'docs/rules.md#scoring',
      'https://example.org',
      'docs/missing.md',
      '../shared/DESIGN.md',
      'docs/rules.md#no-such-heading',
    ]);
    expect(links.map(problem)).toEqual([
      null,
      null,
      'no such file docs/missing.md',
      expect.stringContaining('points outside the repository'),
      'no heading #no-such-heading in docs/rules.md',
    ]);
  });

  it('makes anchors as GitHub does', () => {
    expect(headingAnchor('Teams and verified addresses')).toBe('teams-and-verified-addresses');
    expect(headingAnchor('The database freezes a published cohort')).toBe('the-database-freezes-a-published-cohort');
    expect(headingAnchor('Errors: `application/problem+json`')).toBe('errors-applicationproblemjson');
  });
});
