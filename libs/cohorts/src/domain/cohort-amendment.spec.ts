import fc from 'fast-check';
import { independentCanonicalJson, independentHashOf } from '../../../../test/support/independent-hash';
import { amendmentOf, publishedState, stateAfter, type CohortAmendment } from './cohort-amendment';
import { contentHashOf, publicCohortDocument, REGION_ORDER, type PublicCohortMember } from './public-cohort';

const member = fc.record({
  name: fc.constantFrom('Hub', 'Lab', 'Campus', 'Incubateur É'),
  city: fc.constantFrom('Dakar', 'Lyon', null),
  countryCode: fc.constantFrom('SN', 'FR'),
  countryName: fc.constantFrom('Senegal', 'France'),
  region: fc.constantFrom(...REGION_ORDER),
}) as fc.Arbitrary<PublicCohortMember>;

const dakar: PublicCohortMember = {
  name: 'Dakar Hub',
  city: 'Dakar',
  countryCode: 'SN',
  countryName: 'Senegal',
  region: 'AFR',
};

function published(members: PublicCohortMember[]) {
  const document = publicCohortDocument({
    id: '0b4f0c52-8a3c-4c1e-9d35-1f4b7c1e2a10',
    call: { reference: 'BDT/DIR/DM/013', title: 'Accelerator centres' },
    publishedAt: new Date('2027-01-15T09:00:00.000Z'),
    members,
    submitted: { applications: 44, countries: 35 },
  });
  return { document, contentHash: contentHashOf(document) };
}

/** Declines the members at `picks` (indexes into the list as it stands), one after the other. */
function declineInTurn(members: PublicCohortMember[], picks: number[]): CohortAmendment[] {
  const { document, contentHash } = published(members);
  let state = publishedState(document, contentHash);
  const chain: CohortAmendment[] = [];
  picks.forEach((pick, i) => {
    if (state.members.length === 0) return;
    const centre = state.members[pick % state.members.length]!;
    const kind = i % 2 === 0 ? 'declined' : 'expired';
    const amendment = amendmentOf(kind, document.id, state, centre, new Date(Date.UTC(2027, 1, 1 + i)));
    chain.push(amendment);
    state = stateAfter(amendment);
  });
  return chain;
}

describe('amendments of a published cohort', () => {
  it('chain from the published hash: each hash covers the rest of its document, previous hash included', () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (members, picks) => {
          const { contentHash } = published(members);
          const chain = declineInTurn(members, picks);
          let previous = contentHash;
          chain.forEach(({ hash, ...document }, i) => {
            expect(document.sequence).toBe(i + 1);
            expect(document.previousHash).toBe(previous);
            expect(hash).toBe(independentHashOf(document));
            previous = hash;
          });
        },
      ),
    );
  });

  it('take exactly the declining centre off the list, once, and keep the public order', () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 8 }),
        fc.array(fc.nat(), { maxLength: 8 }),
        (members, picks) => {
          let expected = published(members).document.members;
          for (const amendment of declineInTurn(members, picks)) {
            const index = expected.findIndex(
              (m) => independentCanonicalJson(m) === independentCanonicalJson(amendment.centre),
            );
            expected = expected.filter((_, i) => i !== index);
            expect(amendment.members).toEqual(expected);
          }
        },
      ),
    );
  });

  it('changes no hash of what came before when a change is appended', () => {
    const members: PublicCohortMember[] = [
      { name: 'Dakar Hub', city: 'Dakar', countryCode: 'SN', countryName: 'Senegal', region: 'AFR' },
      { name: 'Station Lyon', city: 'Lyon', countryCode: 'FR', countryName: 'France', region: 'EUR' },
    ];
    const one = declineInTurn(members, [0]);
    const two = declineInTurn(members, [0, 0]);
    expect(two[0]).toEqual(one[0]);
    expect(two[1]).toMatchObject({ kind: 'expired', centre: members[1], members: [], previousHash: one[0]!.hash });
  });

  it('put a promoted centre on the list in public order', () => {
    const lyon = {
      name: 'Station Lyon',
      city: 'Lyon',
      countryCode: 'FR',
      countryName: 'France',
      region: 'EUR',
    } as const;
    const { document, contentHash } = published([lyon]);
    const promotion = amendmentOf('promoted', document.id, publishedState(document, contentHash), dakar, new Date());
    expect(promotion).toMatchObject({
      kind: 'promoted',
      centre: dakar,
      members: [dakar, lyon],
      previousHash: contentHash,
    });
  });

  it('take a withdrawn centre off the list with its reason, which the hash covers; no other kind has one', () => {
    fc.assert(
      fc.property(
        fc.array(member, { minLength: 1, maxLength: 8 }),
        fc.nat(),
        fc.string({ minLength: 5, maxLength: 40 }),
        (members, pick, reason) => {
          const { document, contentHash } = published(members);
          const state = publishedState(document, contentHash);
          const centre = state.members[pick % state.members.length]!;
          const at = new Date('2027-03-01T10:00:00.000Z');
          const { hash, ...withdrawal } = amendmentOf('withdrawn', document.id, state, centre, at, reason);
          expect(withdrawal).toMatchObject({ kind: 'withdrawn', reason, previousHash: contentHash, centre });
          expect(hash).toBe(independentHashOf(withdrawal));
          // The same removal as a decline: the members left do not depend on why the centre left.
          const decline = amendmentOf('declined', document.id, state, centre, at);
          expect(withdrawal.members).toEqual(decline.members);
          expect(decline).not.toHaveProperty('reason');
          expect(hash).not.toBe(decline.hash);
        },
      ),
    );
  });

  it('refuse a withdrawal without a reason, and a reason on any other change', () => {
    const { document, contentHash } = published([dakar]);
    const state = publishedState(document, contentHash);
    expect(() => amendmentOf('withdrawn', document.id, state, dakar, new Date())).toThrow(/reason/);
    for (const kind of ['declined', 'expired', 'promoted'] as const) {
      expect(() => amendmentOf(kind, document.id, state, dakar, new Date(), 'Some reason')).toThrow(/reason/);
    }
  });

  it('refuses to remove a centre that is not on the list', () => {
    const { document, contentHash } = published([
      { name: 'Dakar Hub', city: 'Dakar', countryCode: 'SN', countryName: 'Senegal', region: 'AFR' },
    ]);
    const stranger = {
      name: 'Elsewhere',
      city: null,
      countryCode: 'FR',
      countryName: 'France',
      region: 'EUR',
    } as const;
    expect(() =>
      amendmentOf('declined', document.id, publishedState(document, contentHash), stranger, new Date()),
    ).toThrow(/not on the current list/);
  });
});
