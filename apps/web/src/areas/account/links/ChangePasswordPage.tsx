import { Alert, Button, Paper, PasswordInput, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { requireUser } from '../../../app/guards';
import { PageTitle } from '../../../shared/PageTitle';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { NewPasswordFields, useNewPasswordRules } from './NewPasswordFields';

export async function changePasswordLoader({ request }: LoaderFunctionArgs) {
  await requireUser(request);
  return null;
}

/** Changes the reader's password given the current one; its other sessions end, this one goes on. */
export function ChangePasswordPage() {
  const { t } = useTranslation(['account', 'common']);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState(false);
  const rules = useNewPasswordRules();
  const form = useForm({
    initialValues: { currentPassword: '', password: '', confirmation: '' },
    validate: {
      currentPassword: (value: string) => (value ? null : t('common:fields.required')),
      ...rules,
    },
  });

  const change = form.onSubmit(async ({ currentPassword, password }) => {
    setProblem(null);
    setDone(false);
    try {
      await ok(api.POST('/api/v1/me/password', { body: { currentPassword, newPassword: password } }));
      form.reset();
      setDone(true);
    } catch (error) {
      setProblem(asProblem(error));
    }
  });

  return (
    <Stack maw={480}>
      <PageTitle title={t('passwords.change.title')}>{t('passwords.change.intro')}</PageTitle>
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={change} noValidate>
          <Stack>
            {problem && <ProblemAlert problem={problem} />}
            {done && (
              <Alert
                color="green"
                variant="light"
                styles={{ title: { color: 'var(--mantine-color-text)' } }}
                role="status"
                title={t('passwords.change.doneTitle')}
              >
                {t('passwords.change.done')}
              </Alert>
            )}
            <PasswordInput
              label={t('passwords.current')}
              autoComplete="current-password"
              required
              {...form.getInputProps('currentPassword')}
            />
            <NewPasswordFields form={form} />
            <Button type="submit" loading={form.submitting}>
              {t('passwords.change.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Stack>
  );
}
