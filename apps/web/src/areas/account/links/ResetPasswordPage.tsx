import { Alert, Anchor, Stack } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ok } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { authApi } from '../../../api/tokens';
import { PageTitle } from '../../../shared/PageTitle';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { AccountForm } from '../AccountForm';
import { useLinkToken } from './link-token';
import { NewPasswordFields, useNewPasswordRules } from './NewPasswordFields';

/** Chooses a new password through the e-mailed link; every session of the account then ends. */
export function ResetPasswordPage() {
  const { t } = useTranslation(['account', 'common']);
  const token = useLinkToken();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState(false);
  const rules = useNewPasswordRules();
  const form = useForm({ initialValues: { password: '', confirmation: '' }, validate: rules });

  const reset = form.onSubmit(async ({ password }) => {
    setProblem(null);
    try {
      await ok(authApi.POST('/api/v1/auth/password-reset/confirm', { body: { token: token ?? '', password } }));
      setDone(true);
    } catch (error) {
      setProblem(asProblem(error));
    }
  });

  if (done || !token) {
    return (
      <Stack maw={480}>
        <PageTitle title={t('passwords.reset.title')} />
        {done ? (
          <Alert
            color="green"
            variant="light"
            styles={{ title: { color: 'var(--mantine-color-text)' } }}
            role="status"
            title={t('passwords.reset.doneTitle')}
          >
            {t('passwords.reset.done')}
          </Alert>
        ) : (
          <ProblemAlert problem={new ApiProblem(400, { code: 'LINK_INVALID' })} />
        )}
        <Anchor component={Link} to={done ? '/sign-in' : '/forgot-password'}>
          {done ? t('signIn.submit') : t('passwords.askAgain')}
        </Anchor>
      </Stack>
    );
  }

  return (
    <AccountForm
      title={t('passwords.reset.title')}
      intro={t('passwords.reset.intro')}
      width={480}
      onSubmit={reset}
      problem={problem}
      submitLabel={t('passwords.reset.submit')}
      submitting={form.submitting}
      other={{
        prompt: t('passwords.linkTrouble'),
        label: t('passwords.askAgain'),
        path: '/forgot-password',
        next: null,
      }}
    >
      <NewPasswordFields form={form} />
    </AccountForm>
  );
}
