import { chainVerifies, formatAmendments } from './amendment-round';
import { hashOf } from './selection-round';

/** A chain of two amendments from a published hash, each hash computed as the platform does. */
function chain(publishedHash: string) {
  const first = { sequence: 1, kind: 'declined', centre: { name: 'Dakar Hub' }, previousHash: publishedHash };
  const firstHash = hashOf(first);
  const second = { sequence: 2, kind: 'promoted', centre: { name: 'Station Lyon' }, previousHash: firstHash };
  return [
    { ...first, hash: firstHash },
    { ...second, hash: hashOf(second) },
  ];
}

describe('the amendment chain in the demo report', () => {
  const published = 'a'.repeat(64);

  it('verifies from the published hash, and not when an amendment or a link changed', () => {
    const amendments = chain(published);
    expect(chainVerifies(published, amendments)).toBe(true);
    expect(chainVerifies('b'.repeat(64), amendments)).toBe(false);
    const renamed = [{ ...amendments[0]!, centre: { name: 'Elsewhere' } }, amendments[1]!];
    expect(chainVerifies(published, renamed)).toBe(false);
  });

  it('prints each hash after the published one, in order, with whether the chain verifies', () => {
    const amendments = chain(published).map((a) => ({ ...a, at: '2027-01-20T10:00:00.000Z' }));
    const report = formatAmendments({
      declined: { name: 'Dakar Hub', reason: 'No mentors.' },
      promoted: { name: 'Station Lyon', rank: 5 },
      publishedHash: published,
      amendments,
      chainVerified: true,
    }).split('\n');
    expect(report).toContain(`  0. published   ${published}`);
    expect(report).toContain(`  1. declined    ${amendments[0]!.hash}  Dakar Hub`);
    expect(report).toContain(`  2. promoted    ${amendments[1]!.hash}  Station Lyon`);
    expect(report.at(-1)).toBe('The chain verifies from the published hash: yes.');
  });
});
