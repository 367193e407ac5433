import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api, ok } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { session, useSession } from '../../api/session';
import { homeOf } from '../../app/guards';
import { PageTitle } from '../../shared/PageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

/** The token of the e-mailed link, carried in the fragment (never sent to a server by the browser). */
function tokenInLocation(): string {
  return new URLSearchParams(window.location.hash.slice(1)).get('token') ?? '';
}

/**
 * Where the verification e-mail's link leads: the reader confirms by a button (mail scanners that
 * open links do not press it), signed in or not. A refused link says why, and a signed-in applicant
 * may ask for a new one.
 */
export function VerifyEmailPage() {
  const { t } = useTranslation('applicant');
  const current = useSession();
  const [token] = useState(tokenInLocation);
  const [confirmed, setConfirmed] = useState(false);
  const [working, setWorking] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);

  const confirm = async () => {
    setWorking(true);
    setProblem(null);
    try {
      await ok(api.POST('/api/v1/auth/email-verification/confirm', { body: { token } }));
      setConfirmed(true);
      if (session.get().status === 'signed-in') await session.reload();
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setWorking(false);
    }
  };

  const onward = current.status === 'signed-in' ? homeOf(current.me.role) : '/sign-in';
  return (
    <Stack maw={560}>
      <PageTitle title={t('verification.title')} />
      {confirmed ? (
        <Alert
          color="green"
          variant="light"
          role="status"
          title={t('verification.confirmedTitle')}
          styles={{ title: { color: 'var(--mantine-color-text)' } }}
        >
          <Text size="sm">{t('verification.confirmedText')}</Text>
          <Anchor component={Link} to={onward} size="sm">
            {current.status === 'signed-in' ? t('verification.continue') : t('verification.signIn')}
          </Anchor>
        </Alert>
      ) : token ? (
        <>
          <Text>{t('verification.intro')}</Text>
          {problem && <ProblemAlert problem={problem} />}
          <Button onClick={() => void confirm()} loading={working} w="fit-content">
            {t('verification.confirm')}
          </Button>
        </>
      ) : (
        <Alert color="red" variant="light" role="alert" title={t('verification.noTokenTitle')}>
          {t('verification.noToken')}
        </Alert>
      )}
    </Stack>
  );
}
