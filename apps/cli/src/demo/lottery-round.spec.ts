import { createHash } from 'node:crypto';
import { PublishedLottery, recomputeLottery } from './lottery-round';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
const SECRET = 'a'.repeat(64);
const ids = [
  '00000000-0000-4000-8000-000000000001',
  '00000000-0000-4000-8000-000000000002',
  '00000000-0000-4000-8000-000000000003',
];

/** A draw as the platform publishes it: keys ascending, the candidates' ranks 16, 17, 18 dealt in that order. */
function published(): PublishedLottery {
  const lots = ids.map((applicationId) => ({ applicationId, key: sha256(`${SECRET}:${applicationId}`) }));
  lots.sort((a, b) => (a.key < b.key ? -1 : 1));
  return {
    method: 'sha256-lot-order/1',
    commitment: sha256(SECRET),
    committedAt: '2030-01-01T10:00:00.000Z',
    secret: SECRET,
    drawnAt: '2030-01-01T10:05:00.000Z',
    greyZone: ids.map((applicationId, i) => ({ applicationId, rank: 16 + i })),
    lotOrder: lots.map((lot, i) => ({ ...lot, drawnRank: 16 + i })),
    seated: [{ applicationId: lots[0].applicationId, name: 'First drawn' }],
  };
}

describe('the demo recomputing a published draw', () => {
  it('finds the commitment and the lot order of a faithful draw', () => {
    expect(recomputeLottery(published())).toEqual({ commitmentMatches: true, lotOrderMatches: true });
  });

  it('reads the published entries by field, whatever order the document writes their members in', () => {
    const lottery = published();
    const reordered = lottery.lotOrder.map(({ applicationId, key, drawnRank }) => ({ drawnRank, key, applicationId }));
    expect(recomputeLottery({ ...lottery, lotOrder: reordered })).toEqual({
      commitmentMatches: true,
      lotOrderMatches: true,
    });
  });

  it('notices a secret that is not the committed one', () => {
    const other = { ...published(), commitment: sha256('b'.repeat(64)) };
    expect(recomputeLottery(other).commitmentMatches).toBe(false);
  });

  it('notices a lot order that the secret does not give', () => {
    const lottery = published();
    const [first, second, third] = lottery.lotOrder;
    const swapped = { ...lottery, lotOrder: [{ ...second, drawnRank: 16 }, { ...first, drawnRank: 17 }, third] };
    expect(recomputeLottery(swapped)).toEqual({ commitmentMatches: true, lotOrderMatches: false });
  });
});
