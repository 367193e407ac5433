import { sql } from './applications';
import { ApplicantProfile, createApplicantsFrom, createEvaluators } from './evaluation-fixtures';
import { Actor } from './fixtures';
import { evaluatedCall, publishCohort } from './scoring';
import { TestApi } from './test-app';

/**
 * A published cohort of every one of `centres`, scored by three evaluators, two per application.
 * `beforePublication` runs on the call once it is evaluated (e.g. to write its circular).
 */
export async function publishedCohortOf(
  api: TestApi,
  secretariat: Actor,
  centres: ApplicantProfile[],
  beforePublication: (callId: string) => Promise<void> = async () => undefined,
): Promise<{ callId: string; cohortId: string }> {
  const evaluators = await createEvaluators(
    api,
    ['DE', 'JP', 'MX'].map((countryCode) => ({ countryCode })),
  );
  const { callId } = await evaluatedCall(api, evaluators, await createApplicantsFrom(api, centres), 2);
  await sql(api, `UPDATE calls SET cohort_size = $2 WHERE id = $1`, [callId, centres.length]);
  await beforePublication(callId);
  return { callId, cohortId: await publishCohort(api, secretariat.token, callId) };
}
