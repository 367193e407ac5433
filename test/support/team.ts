import { randomUUID } from 'node:crypto';
import { sql } from './applications';
import { Actor, Applicant, PASSWORD, login, uniqueEmail } from './fixtures';
import { TestApi } from './test-app';

/**
 * A colleague who registered and joined the applicant's organisation, as an accepted invitation
 * leaves it (organisation-invitations.e2e-spec.ts plays the invitation itself through its e-mail).
 */
export async function joinedColleague(
  api: TestApi,
  member: Applicant,
  profile: { email?: string; displayName?: string } = {},
): Promise<Actor> {
  const email = profile.email ?? uniqueEmail(`colleague-${randomUUID().slice(0, 4)}`);
  const registered = await api.post('/api/v1/auth/register', {
    body: { email, password: PASSWORD, displayName: profile.displayName ?? 'Test colleague' },
  });
  if (registered.status !== 201) throw new Error(`register failed: ${JSON.stringify(registered.body)}`);
  await sql(api, `UPDATE users SET organisation_id = $2 WHERE id = $1`, [registered.body.id, member.organisationId]);
  return { id: registered.body.id as string, email, token: await login(api, email) };
}
