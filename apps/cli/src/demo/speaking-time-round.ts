import { ApiClient } from './api-client';
import { DEMO_PASSWORD, SECRETARIAT_EMAIL } from './intake-round';
import { Progress } from './progress';
import { pick, uniform } from './seeded';
import { heading, table } from './text-table';

const HOUR_MS = 3_600_000;

/** The ministries that reply to the invitation to speak, with the language they read. */
const DELEGATIONS = [
  { country: 'KE', name: 'Ministry of ICT and the Digital Economy', locale: 'en' },
  { country: 'SN', name: 'Ministère de la Communication et de l’Économie numérique', locale: 'fr' },
  { country: 'EG', name: 'Ministry of Communications and Information Technology', locale: 'ar' },
  { country: 'CN', name: 'Ministry of Industry and Information Technology', locale: 'zh' },
  { country: 'RU', name: 'Ministry of Digital Development', locale: 'ru' },
  { country: 'CO', name: 'Ministerio de Tecnologías de la Información', locale: 'es' },
  { country: 'IN', name: 'Ministry of Communications', locale: 'en' },
  { country: 'BR', name: 'Ministério das Comunicações', locale: 'es' },
  { country: 'RW', name: 'Ministry of ICT and Innovation', locale: 'en' },
  { country: 'FR', name: 'Ministère de l’Économie numérique', locale: 'fr' },
  { country: 'KE', name: 'Communications Authority of Kenya', locale: 'en' },
  { country: 'MA', name: 'Ministère de la Transition numérique', locale: 'fr' },
] as const;

const LEVELS = ['minister', 'deputy_minister', 'other'] as const;

/** Three high-level policy sessions of the WSIS Forum, their speaking slots deliberately few. */
function sessionsFrom(forum: number) {
  return [
    { key: 'hlps_divide', title: 'Bridging the digital divide', startsAt: new Date(forum).toISOString(), capacity: 3 },
    {
      key: 'hlps_economy',
      title: 'The digital economy',
      startsAt: new Date(forum + 3 * HOUR_MS).toISOString(),
      capacity: 2,
    },
    {
      key: 'hlps_trust',
      title: 'Trust and security',
      startsAt: new Date(forum + 24 * HOUR_MS).toISOString(),
      capacity: 3,
    },
  ];
}

interface Reply {
  id: string;
  country: string;
  name: string;
  level: string;
  preferences: string[];
}

interface AllocationItem {
  applicationId: string;
  processingOrder: number;
  organisationName: string;
  countryCode: string;
  sessionKey: string | null;
  reason: string | null;
  amendment: { reason: string } | null;
}

export interface SpeakingTimeOutcome {
  reference: string;
  replies: Reply[];
  declined: { name: string; reason: string };
  allocation: AllocationItem[];
  sessions: Array<{ key: string; title: string; capacity: number; taken: number }>;
  amendment: { name: string; to: string; reason: string };
  programme: Array<{
    title: string;
    startsAt: string;
    speakers: Array<{ organisationName: string; countryCode: string }>;
  }>;
}

/**
 * The speaking-time round of a registration call (CL-19/58), through the public HTTP API: the
 * secretariat invites Member State administrations to request speaking time in three high-level
 * sessions of limited capacity; ministries reply, naming their speaker's level and the sessions they
 * prefer; the secretariat declines one reply with a reason, closes the call, lets the platform
 * allocate the slots (ministers first, then deputies, by order of receipt, at most one speaker per
 * country in a session), amends one allocation with a reason, confirms, and the programme is published.
 */
export async function playSpeakingTimeRound(
  api: ApiClient,
  admin: { email: string; password: string },
  seed: number,
): Promise<SpeakingTimeOutcome> {
  const progress = new Progress('Speaking time', 4 + DELEGATIONS.length);
  const adminToken = await api.login(admin.email, admin.password);
  await api.request('POST', '/users', {
    token: adminToken,
    body: { email: SECRETARIAT_EMAIL, password: DEMO_PASSWORD, displayName: 'BDT secretariat', role: 'secretariat' },
  });
  const secretariat = await api.login(SECRETARIAT_EMAIL, DEMO_PASSWORD);
  const reference = `CL-${String(19 + (seed % 7)).padStart(2, '0')}/058`;
  const call = await api.request<{ id: string }>('POST', '/calls', {
    token: secretariat,
    body: {
      kind: 'registration',
      reference,
      title: 'WSIS Forum: requests for speaking time in the high-level policy sessions',
      description: 'Ministers are invited to deliver a policy statement at the WSIS Forum.',
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      eligibility: { addresseeCategories: ['member_state_administration', 'regulator'] },
      questions: [
        { key: 'level', label: 'Level of the speaker', type: 'choice', required: true, options: [...LEVELS] },
        { key: 'speaker', label: 'Name and title of the speaker', type: 'text', required: true },
      ],
      sessions: sessionsFrom(Date.parse('2031-07-08T07:00:00Z')),
      // The French-speaking replies are told their session in French.
      translations: {
        fr: {
          title: 'Forum du SMSI : demandes de temps de parole aux sessions de politique de haut niveau',
          sessions: {
            hlps_divide: { title: 'Réduire la fracture numérique' },
            hlps_economy: { title: 'L’économie numérique' },
            hlps_trust: { title: 'Confiance et sécurité' },
          },
        },
      },
      sessionAllocation: {
        rule: 'priority',
        questionKey: 'level',
        classes: ['minister', 'deputy_minister'],
        maxPerCountry: 1,
      },
    },
  });
  await api.request('POST', `/calls/${call.id}/open`, { token: secretariat });
  progress.step(`call ${reference} open`);

  const keys = sessionsFrom(0).map((s) => s.key);
  const replies: Reply[] = [];
  for (const [index, delegation] of DELEGATIONS.entries()) {
    const email = `delegation${index + 1}@${delegation.country.toLowerCase()}.example`;
    await api.request('POST', '/auth/register', {
      body: { email, password: DEMO_PASSWORD, displayName: delegation.name, locale: delegation.locale },
    });
    const token = await api.login(email, DEMO_PASSWORD);
    const regulator = delegation.name.includes('Authority');
    await api.request('POST', '/organisations', {
      token,
      body: { name: delegation.name, countryCode: delegation.country, type: regulator ? 'regulator' : 'government' },
    });
    const level = pick(LEVELS, seed, delegation.name, 'level');
    const preferences = [...keys]
      .sort((a, b) => uniform(seed, delegation.name, a) - uniform(seed, delegation.name, b))
      .slice(0, 1 + Math.floor(uniform(seed, delegation.name, 'count') * 3));
    const draft = await api.request<{ id: string }>('POST', `/calls/${call.id}/applications`, {
      token,
      body: { answers: { level, speaker: `H.E. the ${level.replace('_', ' ')} of ${delegation.country}` } },
    });
    await api.request('PUT', `/applications/${draft.id}/session-preferences`, {
      token,
      body: { sessionKeys: preferences },
    });
    await api.request('POST', `/applications/${draft.id}/submit`, { token });
    replies.push({ id: draft.id, country: delegation.country, name: delegation.name, level, preferences });
    progress.step(`${delegation.name} replied`);
  }

  // The secretariat declines one reply: its speaker is not of the level the invitation asks for.
  const declinedReply = replies.find((r) => r.level === 'other') ?? replies[replies.length - 1];
  const declined = { name: declinedReply.name, reason: 'The invitation is addressed to ministers and their deputies.' };
  await api.request('POST', `/applications/${declinedReply.id}/decision`, {
    token: secretariat,
    body: { decision: 'declined', reason: declined.reason },
  });
  for (const reply of replies.filter((r) => r !== declinedReply)) {
    await api.request('POST', `/applications/${reply.id}/decision`, {
      token: secretariat,
      body: { decision: 'confirmed', reason: 'Your request for speaking time is registered.' },
    });
  }
  await api.request('POST', `/calls/${call.id}/close`, { token: secretariat });
  progress.step('replies decided, call closed');

  const path = `/calls/${call.id}/session-allocation`;
  const computed = await api.request<{ items: AllocationItem[] }>('POST', `${path}?limit=500`, { token: secretariat });
  progress.step('allocation computed');
  const amendment = await amendOne(api, secretariat, path, computed.items);
  const confirmed = await api.request<{ items: AllocationItem[]; sessions: SpeakingTimeOutcome['sessions'] }>(
    'POST',
    `${path}/confirm?limit=500`,
    { token: secretariat },
  );
  const programme = await api.request<{ sessions: SpeakingTimeOutcome['programme'] }>(
    'GET',
    `/public/calls/${call.id}/programme`,
  );
  progress.finish('allocation confirmed, programme published');
  return {
    reference,
    replies,
    declined,
    allocation: confirmed.items,
    sessions: confirmed.sessions,
    amendment,
    programme: programme.sessions,
  };
}

/**
 * The secretariat's amendment: a reply left out takes the place of the last speaker seated in a
 * session it asked for, who withdrew by letter (the rule kept the seat full, so the seat is freed first).
 */
async function amendOne(api: ApiClient, secretariat: string, path: string, items: AllocationItem[]) {
  const left = items.find((item) => item.sessionKey === null && item.reason !== null);
  const seated = [...items]
    .reverse()
    .find((item) => item.sessionKey !== null && item.countryCode !== left?.countryCode);
  if (!left || !seated?.sessionKey) return { name: '-', to: '-', reason: 'no amendment was needed' };
  const withdrew = `${seated.organisationName} withdrew its request by letter.`;
  await api.request('PATCH', `${path}/${seated.applicationId}`, {
    token: secretariat,
    body: { sessionKey: null, reason: withdrew },
  });
  const reason = `Seat freed by ${seated.organisationName}; next in the order of the rule.`;
  await api.request('PATCH', `${path}/${left.applicationId}`, {
    token: secretariat,
    body: { sessionKey: seated.sessionKey, reason },
  });
  return { name: left.organisationName, to: seated.sessionKey, reason };
}

export function formatSpeakingTime(outcome: SpeakingTimeOutcome): string {
  const lines = heading(`Registration call ${outcome.reference}: requests for speaking time`);
  lines.push(
    `${outcome.replies.length} replies; declined with a reason: ${outcome.declined.name} ("${outcome.declined.reason}").`,
    'Rule: ministers, then deputy ministers, then the others, each by order of receipt; at most one speaker',
    'per country in a session; each reply gets the first session of its preferences with a free slot.',
    '',
    ...table(
      ['#', 'Reply', 'Country', 'Session', 'Why not / amended'],
      outcome.allocation.map((item) => [
        String(item.processingOrder),
        item.organisationName,
        item.countryCode,
        item.sessionKey ?? '-',
        item.amendment ? `amended: ${item.amendment.reason}` : (item.reason ?? ''),
      ]),
      [0],
    ).map((line) => `  ${line}`),
    '',
    ...table(
      ['Session', 'Slots', 'Taken'],
      outcome.sessions.map((s) => [s.title, String(s.capacity), String(s.taken)]),
      [1, 2],
    ).map((line) => `  ${line}`),
    '',
    `Amendment: ${outcome.amendment.name} to ${outcome.amendment.to} ("${outcome.amendment.reason}").`,
    '',
    'Programme (published at GET /api/v1/public/calls/:id/programme; times in Geneva):',
    ...outcome.programme.flatMap((session) => [
      `  ${session.title}, ${genevaTime(session.startsAt)}`,
      ...session.speakers.map((s) => `    - ${s.organisationName} (${s.countryCode})`),
    ]),
  );
  return lines.join('\n');
}

function genevaTime(iso: string): string {
  return new Intl.DateTimeFormat('en-GB', { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Zurich' }).format(
    new Date(iso),
  );
}
