import { PasswordInput, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { redirect, useNavigate, useSearchParams } from 'react-router';
import { api, ok } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { session } from '../../api/session';
import { homeOf, safeNext, withNext } from '../../app/guards';
import { LANGUAGES, accountLanguage, currentLanguage } from '../../i18n';
import { asProblem, fieldErrors } from '../../shared/problems';
import { AccountForm } from '../account/AccountForm';

const MIN_PASSWORD = 10;

export async function registerLoader() {
  await session.restored;
  const current = session.get();
  if (current.status === 'signed-in') throw redirect(homeOf(current.me.role));
  return null;
}

/** A candidate centre's account, in the language the reader is using; then its organisation. */
export function RegisterPage() {
  const { t } = useTranslation(['applicant', 'common']);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm({
    initialValues: { displayName: '', email: '', password: '' },
    validate: {
      displayName: (value) => (value.trim() ? null : t('common:fields.required')),
      email: (value) => (/^\S+@\S+\.\S+$/.test(value.trim()) ? null : t('register.invalidEmail')),
      password: (value) =>
        value.length >= MIN_PASSWORD ? null : t('register.passwordTooShort', { count: MIN_PASSWORD }),
    },
  });
  // The language the platform will write to the account in, which the API may not have for every
  // interface language yet (English then).
  const locale = accountLanguage(currentLanguage());
  const language = LANGUAGES.find((l) => l.code === locale)?.name;

  const register = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      await ok(api.POST('/api/v1/auth/register', { body: { ...values, locale } }));
      await session.signIn(values.email.trim(), values.password);
      await navigate(withNext('/applicant/organisation', next));
    } catch (error) {
      const failure = asProblem(error);
      if (failure.is('EMAIL_TAKEN')) form.setFieldError('email', t('register.emailTaken'));
      else form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });

  return (
    <AccountForm
      title={t('register.title')}
      intro={<Text>{t('register.intro')}</Text>}
      width={480}
      onSubmit={register}
      problem={problem}
      submitLabel={t('register.submit')}
      submitting={form.submitting}
      other={{ prompt: t('register.haveAccount'), label: t('register.signIn'), path: '/sign-in', next }}
    >
      <TextInput
        label={t('register.displayName')}
        autoComplete="name"
        required
        {...form.getInputProps('displayName')}
      />
      <TextInput
        label={t('common:fields.email')}
        type="email"
        autoComplete="email"
        required
        {...form.getInputProps('email')}
      />
      <PasswordInput
        label={t('common:fields.password')}
        description={t('register.passwordHint', { count: MIN_PASSWORD })}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
      <Text size="sm" c="dimmed">
        {t('register.language', { language })}
      </Text>
    </AccountForm>
  );
}
