import { Button, Divider } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { ApiProblem } from '../../api/problem';
import { authApi } from '../../api/tokens';
import { ProblemAlert } from '../../shared/ProblemAlert';

/**
 * The sign-in page's way in through the organisation's identity provider, when the platform offers
 * single sign-on: a button to the API's start (which comes back through /sso/complete), and why the
 * last attempt was refused (`?ssoError=CODE`, told in the reader's language).
 */
export function SsoSignIn({ next }: { next: string | null }) {
  const { t } = useTranslation(['account', 'common']);
  const [params] = useSearchParams();
  const [provider, setProvider] = useState<string | null>(null);
  const refused = params.get('ssoError');

  useEffect(() => {
    let current = true;
    authApi.GET('/api/v1/auth/sso').then(
      ({ data }) => current && setProvider(data?.enabled && data.displayName ? data.displayName : null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, []);

  const start = `/api/v1/auth/sso/start${next ? `?returnTo=${encodeURIComponent(next)}` : ''}`;
  return (
    <>
      {refused && /^SSO_[A-Z_]+$/.test(refused) && <ProblemAlert problem={new ApiProblem(401, { code: refused })} />}
      {provider && (
        <>
          <Button component="a" href={start} variant="default" data-testid="sso-sign-in">
            {t('signIn.sso', { provider })}
          </Button>
          <Divider label={t('signIn.or')} labelPosition="center" />
        </>
      )}
    </>
  );
}
