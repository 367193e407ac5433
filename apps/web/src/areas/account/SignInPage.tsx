import { Anchor, Button, Paper, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, redirect, useNavigate, useSearchParams, type LoaderFunctionArgs } from 'react-router';
import type { ApiProblem } from '../../api/problem';
import { session } from '../../api/session';
import { homeOf, safeNext } from '../../app/guards';
import { PageTitle } from '../../shared/PageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

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
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm({
    initialValues: { email: '', password: '' },
    validate: {
      email: (value) => (value.trim() ? null : t('fields.required')),
      password: (value) => (value ? null : t('fields.required')),
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
    <Stack maw={440}>
      <PageTitle title={t('signIn.title')} />
      <Paper withBorder p="lg" radius="md">
        <form onSubmit={signIn} noValidate>
          <Stack>
            {problem && <ProblemAlert problem={problem} />}
            <TextInput
              label={t('fields.email')}
              type="email"
              autoComplete="username"
              required
              {...form.getInputProps('email')}
            />
            <PasswordInput
              label={t('fields.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
            />
            <Button type="submit" loading={form.submitting}>
              {t('signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
      <Text>
        {t('signIn.noAccount')}{' '}
        <Anchor component={Link} to={next ? `/register?next=${encodeURIComponent(next)}` : '/register'}>
          {t('signIn.register')}
        </Anchor>
      </Text>
    </Stack>
  );
}
