import { Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Application, Call } from '../../../api/types';
import { OrderedPicker } from '../../../shared/OrderedPicker';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { SessionTime } from '../../../shared/SessionTime';

/** The id of the field that adds a session: where a refused submission (SESSION_REQUIRED) sends the reader. */
export const SESSION_PICKER_ID = 'session-preferences';

/**
 * The sessions a reply asks for, most wanted first (a registration call with sessions): each change
 * is saved at once (PUT …/session-preferences). The secretariat allocates at most one of them.
 */
export function SessionPreferences({
  application,
  call,
  error,
}: {
  application: Application;
  call: Call;
  error?: string;
}) {
  const { t } = useTranslation('applicant');
  const [keys, setKeys] = useState<string[]>(application.sessionPreferences ?? []);
  const [state, setState] = useState<'idle' | 'saving' | 'saved'>('idle');
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const save = async (next: string[]) => {
    const before = keys;
    setKeys(next);
    setState('saving');
    setProblem(null);
    try {
      const saved = await ok(
        api.PUT('/api/v1/applications/{id}/session-preferences', {
          params: { path: { id: application.id } },
          body: { sessionKeys: next },
        }),
      );
      setKeys(saved.sessionPreferences ?? next);
      setState('saved');
    } catch (failure) {
      setKeys(before);
      setState('idle');
      setProblem(asProblem(failure));
    }
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="sessions">
      <Stack>
        <Title order={2} id="sessions">
          {t('sessions.title')}
        </Title>
        <Text size="sm">{t('sessions.intro')}</Text>
        <ul style={{ margin: 0 }}>
          {call.sessions.map((session) => (
            <li key={session.key}>
              <Text span fw={600}>
                {session.title}
              </Text>{' '}
              <Text span size="sm">
                <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
              </Text>
            </li>
          ))}
        </ul>
        <OrderedPicker
          id={SESSION_PICKER_ID}
          label={t('sessions.chosen')}
          description={t('sessions.chosenHint')}
          options={call.sessions.map((session) => ({ value: session.key, label: session.title }))}
          value={keys}
          onChange={(next) => void save(next)}
          addLabel={t('sessions.add')}
          emptyText={t('sessions.none')}
          error={error}
        />
        <Text size="sm" c="dimmed" role="status">
          {state === 'saving' ? t('sessions.saving') : state === 'saved' ? t('sessions.saved') : ''}
        </Text>
        {problem && <ProblemAlert problem={problem} />}
      </Stack>
    </Paper>
  );
}
