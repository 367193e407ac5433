import { Alert, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import { authApi } from '../../../api/tokens';
import { asProblem } from '../../../shared/problems';
import { AccountForm } from '../AccountForm';

/** Asks for a reset link; the answer never tells whether the address has an account. */
export function ForgotPasswordPage() {
  const { t } = useTranslation(['account', 'common']);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm({
    initialValues: { email: '' },
    validate: { email: (value) => (value.trim() ? null : t('common:fields.required')) },
  });

  const request = form.onSubmit(async ({ email }) => {
    setProblem(null);
    setSentTo(null);
    try {
      await ok(authApi.POST('/api/v1/auth/password-reset/request', { body: { email: email.trim() } }));
      setSentTo(email.trim());
    } catch (error) {
      setProblem(asProblem(error));
    }
  });

  return (
    <AccountForm
      title={t('passwords.forgot.title')}
      intro={t('passwords.forgot.intro')}
      width={480}
      onSubmit={request}
      problem={problem}
      submitLabel={t('passwords.forgot.submit')}
      submitting={form.submitting}
      other={{ prompt: t('passwords.remembered'), label: t('signIn.submit'), path: '/sign-in', next: null }}
    >
      {sentTo && (
        <Alert
          color="green"
          variant="light"
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
          role="status"
          title={t('passwords.forgot.sentTitle')}
        >
          {t('passwords.forgot.sent', { email: sentTo })}
        </Alert>
      )}
      <TextInput
        label={t('common:fields.email')}
        type="email"
        autoComplete="email"
        required
        {...form.getInputProps('email')}
      />
    </AccountForm>
  );
}
