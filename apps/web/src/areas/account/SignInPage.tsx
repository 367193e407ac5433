import { Anchor, PasswordInput, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import type { ApiProblem } from '../../api/problem';
import { session } from '../../api/session';
import { homeOf, safeNext } from '../../app/guards';
import { asProblem } from '../../shared/problems';
import { AccountForm } from './AccountForm';
import { SsoSignIn } from './SsoSignIn';

/** A signed-in reader has nothing to do here. */
export async function signInLoader({ request }: LoaderFunctionArgs) {
  await session.restored;
  const current = session.get();
  if (current.status === 'signed-in') {
    throw redirect(safeNext(new URL(request.url).searchParams.get('next')) ?? homeOf(current.me.role));
  }
  return null;
}

export function SignInPage() {
  const { t } = useTranslation(['account', 'common']);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('common:fields.required')),
      password: (value) => (value ? null : t('common:fields.required')),
    },
  });

  const signIn = form.onSubmit(async ({ email, password }) => {
    setProblem(null);
    try {
      const me = await session.signIn(email.trim(), password);
      await navigate(next ?? homeOf(me.role));
    } catch (error) {
      setProblem(asProblem(error));
    }
  });

  return (
    <AccountForm
      title={t('signIn.title')}
      width={440}
      onSubmit={signIn}
      problem={problem}
      submitLabel={t('signIn.submit')}
      submitting={form.submitting}
      other={{ prompt: t('signIn.noAccount'), label: t('signIn.register'), path: '/register', next }}
    >
      <SsoSignIn next={next} />
      <TextInput
        label={t('common:fields.email')}
        type="email"
        autoComplete="username"
        required
        {...form.getInputProps('email')}
      />
      <PasswordInput
        label={t('common:fields.password')}
        autoComplete="current-password"
        required
        {...form.getInputProps('password')}
      />
      <Anchor component={Link} to="/forgot-password" size="sm">
        {t('signIn.forgotPassword')}
      </Anchor>
    </AccountForm>
  );
}
