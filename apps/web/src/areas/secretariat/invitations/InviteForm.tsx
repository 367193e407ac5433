import { Alert, Button, Group, MultiSelect, Paper, Select, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Call } from '../../../api/types';
import { type AccountLanguage, accountLanguages } from '../../../i18n';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem, fieldErrors } from '../../../shared/problems';

type InvitedRole = 'evaluator' | 'secretariat';

interface InviteValues {
  email: string;
  displayName: string;
  role: InvitedRole;
  locale: AccountLanguage;
  callIds: string[];
}

/** Invites someone by e-mail; an evaluator may be seated on panels when accepting. */
export function InviteForm({ calls }: { calls: Call[] }) {
  const { t } = useTranslation(['secretariat', 'common']);
  const revalidator = useRevalidator();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [invited, setInvited] = useState<string | null>(null);
  const form = useForm<InviteValues>({
    initialValues: { email: '', displayName: '', role: 'evaluator', locale: 'en', callIds: [] },
    validate: {
      email: (value) => (value.trim() ? null : t('common:fields.required')),
      displayName: (value) => (value.trim() ? null : t('common:fields.required')),
    },
  });

  const invite = form.onSubmit(async (values) => {
    setProblem(null);
    setInvited(null);
    try {
      await ok(
        api.POST('/api/v1/invitations', {
          body: {
            email: values.email.trim(),
            displayName: values.displayName.trim(),
            role: values.role,
            locale: values.locale,
            ...(values.role === 'evaluator' && values.callIds.length > 0 ? { callIds: values.callIds } : {}),
          },
        }),
      );
      setInvited(values.email.trim());
      form.reset();
      await revalidator.revalidate();
    } catch (error) {
      const refused = asProblem(error);
      setProblem(refused);
      form.setErrors(fieldErrors(refused));
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="invite-heading">
      <Title order={2} size="h3" id="invite-heading" mb="sm">
        {t('invitations.form.title')}
      </Title>
      <form onSubmit={invite} noValidate>
        <Stack>
          {problem && <ProblemAlert problem={problem} />}
          {invited && (
            <Alert
              color="green"
              variant="light"
              styles={{ title: { color: 'var(--mantine-color-text)' } }}
              role="status"
            >
              {t('invitations.form.sent', { email: invited })}
            </Alert>
          )}
          <Group grow align="flex-start">
            <TextInput label={t('invitations.form.email')} type="email" required {...form.getInputProps('email')} />
            <TextInput label={t('invitations.form.displayName')} required {...form.getInputProps('displayName')} />
          </Group>
          <Group grow align="flex-start">
            <Select
              label={t('invitations.form.role')}
              required
              allowDeselect={false}
              data={[
                { value: 'evaluator', label: t('common:roles.evaluator') },
                { value: 'secretariat', label: t('common:roles.secretariat') },
              ]}
              {...form.getInputProps('role')}
            />
            <Select
              label={t('invitations.form.language')}
              required
              allowDeselect={false}
              data={accountLanguages().map(({ code, name }) => ({ value: code, label: name }))}
              {...form.getInputProps('locale')}
            />
          </Group>
          {form.values.role === 'evaluator' && (
            <MultiSelect
              label={t('invitations.form.calls')}
              description={t('invitations.form.callsHelp')}
              data={calls.map((call) => ({ value: call.id, label: `${call.reference} – ${call.title}` }))}
              searchable
              clearable
              {...form.getInputProps('callIds')}
            />
          )}
          <Group>
            <Button type="submit" loading={form.submitting}>
              {t('invitations.form.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
