import { sql } from './applications';
import { ApplicantProfile, createApplicantsFrom, createEvaluators } from './evaluation-fixtures';
import { Actor, Applicant } from './fixtures';
import { evaluatedCall, publishCohort } from './scoring';
import { TestApi } from './test-app';

/**
 * A published cohort of every one of `centres` (their applicants and applications in that order), scored by three evaluators, two per application.
 * `beforePublication` runs on the call once it is evaluated (e.g. to write its circular).
 */
export async function publishedCohortOf(
  api: TestApi,
  secretariat: Actor,
  centres: ApplicantProfile[],
  beforePublication: (callId: string) => Promise<void> = async () => undefined,
): Promise<{ callId: string; cohortId: string; applicants: Applicant[]; applicationIds: string[] }> {
  const evaluators = await createEvaluators(
    api,
    ['DE', 'JP', 'MX'].map((countryCode) => ({ countryCode })),
  );
  const applicants = await createApplicantsFrom(api, centres);
  const { callId, applicationIds } = await evaluatedCall(api, evaluators, applicants, 2);
  await sql(api, `UPDATE calls SET cohort_size = $2 WHERE id = $1`, [callId, centres.length]);
  await beforePublication(callId);
  return { callId, cohortId: await publishCohort(api, secretariat.token, callId), applicants, applicationIds };
}
