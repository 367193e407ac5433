import { Application, answersCurrentAt, effectiveEligibility } from './application';

function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'a1',
    callId: 'c1',
    organisationId: 'o1',
    countryCode: 'KE',
    region: 'AFR',
    status: 'submitted',
    answers: {},
    eligibility: { eligible: false, reasons: [{ code: 'COUNTRY_NOT_ELIGIBLE', message: 'no' }] },
    eligibilityOverride: null,
    replyDecision: null,
    sessionPreferences: [],
    submittedAt: new Date('2030-01-10T00:00:00Z'),
    withdrawnAt: null,
    feedback: null,
    version: 2,
    answersVersion: 2,
    createdAt: new Date('2030-01-05T00:00:00Z'),
    updatedAt: new Date('2030-01-10T00:00:00Z'),
    ...overrides,
  };
}

describe('effectiveEligibility', () => {
  it('is the computed eligibility when the secretariat has not decided', () => {
    const app = application();
    expect(effectiveEligibility(app)).toBe(app.eligibility);
    expect(effectiveEligibility(application({ status: 'draft', eligibility: null }))).toBeNull();
  });

  it("is the secretariat's decision, with its reason, when there is one", () => {
    const eligibilityOverride = {
      eligible: true,
      reason: 'Observer admitted by the council',
      decidedBy: 'u1',
      decidedAt: '2030-02-01T00:00:00Z',
    };
    expect(effectiveEligibility(application({ eligibilityOverride }))).toEqual({
      eligible: true,
      reasons: [{ code: 'SECRETARIAT_DECISION', message: 'Observer admitted by the council' }],
    });
    expect(
      effectiveEligibility(
        application({
          eligibility: { eligible: true, reasons: [] },
          eligibilityOverride: { ...eligibilityOverride, eligible: false },
        }),
      )?.eligible,
    ).toBe(false);
  });
});

describe('answersCurrentAt', () => {
  it('takes answers typed on the version the answers last changed at, or on a later one', () => {
    // Answers saved at version 3, then two documents attached (versions 4 and 5).
    const draft = { version: 5, answersVersion: 3 };
    expect([2, 3, 4, 5, 6].map((version) => answersCurrentAt(draft, version))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
  });

  it('counts answers of unknown age as changed at the current version', () => {
    expect([1, 2].map((version) => answersCurrentAt({ version: 2, answersVersion: null }, version))).toEqual([
      false,
      true,
    ]);
  });
});
