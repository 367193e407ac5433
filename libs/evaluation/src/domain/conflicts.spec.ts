import fc from 'fast-check';
import { conflictedEvaluators, conflictOf } from './conflicts';
import { ApplicationProfile, EvaluatorProfile } from './evaluation';

const evaluator = (overrides: Partial<EvaluatorProfile> = {}): EvaluatorProfile => ({
  id: 'e1',
  email: 'e1@panel.example',
  countryCode: 'KE',
  affiliation: 'Nairobi Innovation Hub',
  ...overrides,
});
const application = (overrides: Partial<ApplicationProfile> = {}): ApplicationProfile => ({
  id: 'a1',
  organisationName: 'Dakar Tech Centre',
  countryCode: 'SN',
  ...overrides,
});

describe('conflictOf', () => {
  it('finds no conflict between strangers from different countries', () => {
    expect(conflictOf(evaluator(), application(), false, true)).toBeNull();
  });

  it('reports a declared conflict first, whatever else holds', () => {
    expect(conflictOf(evaluator(), application(), true, false)).toBe('declared');
    const colleague = evaluator({ affiliation: 'Dakar Tech Centre', countryCode: 'SN' });
    expect(conflictOf(colleague, application(), true, true)).toBe('declared');
  });

  it.each([
    ['Dakar Tech Centre', 'Dakar Tech Centre'],
    ['dakar TECH centre', 'Dakar Tech Centre'],
    ['Université Cheikh Anta Diop', 'UNIVERSITE CHEIKH ANTA DIOP'],
    ['Universite\u0301 Cheikh-Anta-Diop', 'Université  Cheikh Anta Diop'],
    ['  ACME, Inc.  ', 'acme inc'],
    ['São Paulo — Hub!', 'sao paulo hub'],
  ])('takes affiliation "%s" to be the organisation "%s"', (affiliation, organisationName) => {
    expect(conflictOf(evaluator({ affiliation }), application({ organisationName }), false, false)).toBe(
      'same_organisation',
    );
  });

  it.each([
    ['Dakar Tech', 'Dakar Tech Centre'],
    ['Dakar Tech Centre 2', 'Dakar Tech Centre'],
    ['DakarTechCentre', 'Dakar Tech Centre'],
  ])('does not take affiliation "%s" to be the organisation "%s"', (affiliation, organisationName) => {
    expect(conflictOf(evaluator({ affiliation }), application({ organisationName }), false, false)).toBeNull();
  });

  it('does not match an evaluator without affiliation', () => {
    for (const affiliation of [null, '']) {
      expect(conflictOf(evaluator({ affiliation }), application({ organisationName: '' }), false, false)).toBeNull();
    }
  });

  it('excludes the same country only when the call says so', () => {
    const compatriot = evaluator({ countryCode: 'SN' });
    expect(conflictOf(compatriot, application(), false, false)).toBeNull();
    expect(conflictOf(compatriot, application(), false, true)).toBe('same_country');
    expect(conflictOf(evaluator({ countryCode: null }), application(), false, true)).toBeNull();
  });

  it("takes an address at a member's domain for the organisation, whatever its case", () => {
    const colleague = evaluator({ email: 'ada@Dakar-Tech.example', affiliation: null });
    expect(conflictOf(colleague, application({ emailDomains: ['dakar-tech.example'] }), false, false)).toBe(
      'same_organisation',
    );
    expect(conflictOf(colleague, application({ emailDomains: ['kigali.example'] }), false, false)).toBeNull();
    expect(conflictOf(colleague, application(), false, false)).toBeNull();
  });

  it('names the organisation before the country', () => {
    const both = evaluator({ affiliation: 'dakar tech centre', countryCode: 'SN' });
    expect(conflictOf(both, application(), false, true)).toBe('same_organisation');
  });
});

describe('conflictedEvaluators', () => {
  const panel = [
    evaluator({ id: 'e1', affiliation: 'Dakar Tech Centre', countryCode: 'KE' }),
    evaluator({ id: 'e2', affiliation: null, countryCode: 'SN' }),
    evaluator({ id: 'e3', affiliation: 'Nairobi Hub', countryCode: null }),
  ];
  const applications = [
    application({ id: 'a1', organisationName: 'DAKAR tech-centre', countryCode: 'SN' }),
    application({ id: 'a2', organisationName: 'Kigali Labs', countryCode: 'RW' }),
  ];

  it('collects same-organisation and declared conflicts of every application', () => {
    const declared = [
      { evaluatorId: 'e3', applicationId: 'a2' },
      { evaluatorId: 'e3', applicationId: 'unknown' },
    ];
    expect(conflictedEvaluators(panel, applications, declared, false)).toEqual(
      new Map([
        ['a1', new Set(['e1'])],
        ['a2', new Set(['e3'])],
      ]),
    );
  });

  it("finds the evaluators at any member's domain", () => {
    const staff = [...panel, evaluator({ id: 'e4', email: 'x@kigali.example', affiliation: null, countryCode: null })];
    const byDomain = [application({ id: 'a2', organisationName: 'Kigali Labs', emailDomains: ['kigali.example'] })];
    expect(conflictedEvaluators(staff, byDomain, [], false).get('a2')).toEqual(new Set(['e4']));
  });

  it('adds compatriots only when the call excludes the same country', () => {
    expect(conflictedEvaluators(panel, applications, [], true).get('a1')).toEqual(new Set(['e1', 'e2']));
    expect(conflictedEvaluators(panel, applications, [], false).get('a1')).toEqual(new Set(['e1']));
  });

  it('agrees with conflictOf on every pair', () => {
    const names = ['Dakar Tech Centre', 'dakar-tech centre', 'Dákar Tech Céntre', 'Kigali Labs', 'KIGALI  labs.', '--'];
    const countries = ['KE', 'SN', 'RW'];
    const profiles = fc.record({
      evaluators: fc.uniqueArray(
        fc.record({
          id: fc.string({ maxLength: 2 }),
          email: fc.constantFrom('evaluator@panel.example', 'ada@hub.example', 'bo@LAB.example', 'no-domain'),
          affiliation: fc.option(fc.constantFrom(...names)),
          countryCode: fc.option(fc.constantFrom(...countries)),
        }),
        { selector: (e) => e.id, maxLength: 6 },
      ),
      applications: fc.uniqueArray(
        fc.record({
          id: fc.string({ maxLength: 2 }),
          organisationName: fc.constantFrom(...names, '!!'),
          countryCode: fc.constantFrom(...countries),
          emailDomains: fc.subarray(['hub.example', 'lab.example']),
        }),
        { selector: (a) => a.id, maxLength: 6 },
      ),
      excludeSameCountry: fc.boolean(),
      declaredSeed: fc.array(fc.boolean(), { minLength: 36, maxLength: 36 }),
    });
    fc.assert(
      fc.property(profiles, ({ evaluators, applications, excludeSameCountry, declaredSeed }) => {
        const declared = evaluators.flatMap((e, i) =>
          applications
            .filter((_, j) => declaredSeed[i * 6 + j])
            .map((a) => ({ evaluatorId: e.id, applicationId: a.id })),
        );
        const isDeclared = (e: EvaluatorProfile, a: ApplicationProfile) =>
          declared.some((d) => d.evaluatorId === e.id && d.applicationId === a.id);
        const all = conflictedEvaluators(evaluators, applications, declared, excludeSameCountry);
        expect([...all.keys()].sort()).toEqual(applications.map((a) => a.id).sort());
        for (const a of applications) {
          const expected = evaluators.filter((e) => conflictOf(e, a, isDeclared(e, a), excludeSameCountry) !== null);
          expect([...(all.get(a.id) ?? [])].sort()).toEqual(expected.map((e) => e.id).sort());
        }
      }),
      { numRuns: 300 },
    );
  });
});
