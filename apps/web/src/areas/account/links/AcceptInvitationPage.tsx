import { Alert, Anchor, Loader, Stack, TextInput } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ok } from '../../../api/client';
import { ApiProblem } from '../../../api/problem';
import { session } from '../../../api/session';
import { authApi } from '../../../api/tokens';
import type { Role } from '../../../api/types';
import { homeOf } from '../../../app/guards';
import { PageTitle } from '../../../shared/PageTitle';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { asProblem } from '../../../shared/problems';
import { AccountForm } from '../AccountForm';
import { SsoSignIn } from '../SsoSignIn';
import { useLinkToken } from './link-token';
import { NewPasswordFields, useNewPasswordRules } from './NewPasswordFields';

interface Preview {
  email: string;
  displayName: string;
  role: Role;
}

/**
 * Where an invitation e-mail leads: who is invited, and the password to choose; accepting signs in.
 * Where single sign-on is offered, signing in there with the invited address accepts too.
 */
export function AcceptInvitationPage() {
  const { t } = useTranslation(['account', 'common']);
  const token = useLinkToken();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [refusal, setRefusal] = useState<ApiProblem | null>(
    token ? null : new ApiProblem(400, { code: 'LINK_INVALID' }),
  );

  useEffect(() => {
    if (!token) return;
    let current = true;
    ok(authApi.POST('/api/v1/auth/invitations/preview', { body: { token } })).then(
      (found) => current && setPreview(found),
      (error: unknown) => current && setRefusal(asProblem(error)),
    );
    return () => {
      current = false;
    };
  }, [token]);

  if (refusal || !token) {
    return (
      <Stack maw={480}>
        <PageTitle title={t('invitation.title')} />
        <ProblemAlert problem={refusal ?? new ApiProblem(400, { code: 'LINK_INVALID' })} />
        <Alert color="gray" variant="light">
          {t('invitation.askAgain')}
        </Alert>
        <Anchor component={Link} to="/sign-in">
          {t('signIn.submit')}
        </Anchor>
      </Stack>
    );
  }
  if (!preview) return <Loader aria-label={t('common:states.loading')} />;
  return <AcceptForm token={token} preview={preview} />;
}

function AcceptForm({ token, preview }: { token: string; preview: Preview }) {
  const { t } = useTranslation(['account', 'common']);
  const navigate = useNavigate();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const rules = useNewPasswordRules();
  const form = useForm({
    initialValues: { displayName: preview.displayName, password: '', confirmation: '' },
    validate: {
      displayName: (value: string) => (value.trim() ? null : t('common:fields.required')),
      ...rules,
    },
  });

  const accept = form.onSubmit(async ({ displayName, password }) => {
    setProblem(null);
    try {
      const pair = await ok(
        authApi.POST('/api/v1/auth/invitations/accept', { body: { token, password, displayName: displayName.trim() } }),
      );
      const me = await session.adopt(pair);
      await navigate(homeOf(me.role));
    } catch (error) {
      setProblem(asProblem(error));
    }
  });

  return (
    <AccountForm
      title={t('invitation.title')}
      intro={t('invitation.intro', { email: preview.email, role: t(`common:roles.${preview.role}`) })}
      width={480}
      onSubmit={accept}
      problem={problem}
      submitLabel={t('invitation.submit')}
      submitting={form.submitting}
      other={{ prompt: t('invitation.haveAccount'), label: t('signIn.submit'), path: '/sign-in', next: null }}
    >
      <SsoSignIn next={null} />
      <TextInput
        label={t('invitation.displayName')}
        autoComplete="name"
        required
        {...form.getInputProps('displayName')}
      />
      <NewPasswordFields form={form} />
    </AccountForm>
  );
}
