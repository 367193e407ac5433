import { Application, effectiveEligibility } from './application';

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
    submittedAt: new Date('2030-01-10T00:00:00Z'),
    withdrawnAt: null,
    feedback: null,
    version: 2,
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
