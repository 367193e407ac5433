import { criteriaWithShares, groupMembersByRegion, totalWeight } from './annex-model';
import { AnnexMember, AnnexRegion } from './annex.types';

const member = (name: string, countryName: string, region: AnnexRegion, city: string | null = null): AnnexMember => ({
  name,
  city,
  countryCode: countryName.slice(0, 2).toUpperCase(),
  countryName,
  region,
});

describe('criteriaWithShares', () => {
  it('expresses each weight as a share of their sum', () => {
    const shares = criteriaWithShares([
      { code: 'C1', title: 'Impact', weight: 3 },
      { code: 'C2', title: 'Team', weight: 1 },
    ]);
    expect(shares.map((criterion) => criterion.share)).toEqual([0.75, 0.25]);
    expect(totalWeight(shares)).toBe(4);
  });

  it('gives zero shares rather than NaN when there is nothing to share', () => {
    expect(criteriaWithShares([{ code: 'C1', title: 'Impact', weight: 0 }])[0].share).toBe(0);
  });
});

describe('groupMembersByRegion', () => {
  const french = new Intl.Collator('fr');

  it('lists regions in ITU order and leaves out those without a centre', () => {
    const groups = groupMembersByRegion(
      [member('B', 'Suisse', 'EUR'), member('A', 'Sénégal', 'AFR'), member('C', 'Pérou', 'AMS')],
      french,
    );
    expect(groups.map((group) => group.region)).toEqual(['AFR', 'AMS', 'EUR']);
  });

  it('sorts by country then name in the collation of the language', () => {
    const groups = groupMembersByRegion(
      [
        member('Tunis Lab', 'Tunisie', 'ARB'),
        member('Zeta Hub', 'Égypte', 'ARB'),
        member('Alpha Hub', 'Égypte', 'ARB'),
        member('Oman Ventures', 'Oman', 'ARB'),
      ],
      french,
    );
    expect(groups[0].members.map((m) => m.name)).toEqual(['Alpha Hub', 'Zeta Hub', 'Oman Ventures', 'Tunis Lab']);
  });

  it('orders identical-looking entries the same way whatever the input order', () => {
    const a = member('Hub', 'Kenya', 'AFR', 'Nairobi');
    const b = member('Hub', 'Kenya', 'AFR', 'Mombasa');
    const forward = groupMembersByRegion([a, b], french)[0].members;
    const backward = groupMembersByRegion([b, a], french)[0].members;
    expect(forward).toEqual(backward);
  });

  it('refuses a centre whose region it does not know rather than dropping it', () => {
    const stray = { ...member('Hub', 'Kenya', 'AFR'), region: 'XYZ' as AnnexRegion };
    expect(() => groupMembersByRegion([stray], french)).toThrow(/unknown region/);
  });
});
