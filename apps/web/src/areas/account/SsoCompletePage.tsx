import { Anchor, Loader, Stack } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { ok } from '../../api/client';
import { ApiProblem } from '../../api/problem';
import { session } from '../../api/session';
import { authApi, storeTokens } from '../../api/tokens';
import { homeOf, safeNext } from '../../app/guards';
import { PageTitle } from '../../shared/PageTitle';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

/**
 * Where single sign-on comes back to: the fragment carries a one-time code (never sent to a server
 * by the browser, never in a log) which is exchanged for the platform's tokens, once.
 */
export function SsoCompletePage() {
  const { t } = useTranslation(['account', 'common']);
  const navigate = useNavigate();
  // The fragment, read once on arrival: the code is spent by the first exchange.
  const [arrival] = useState(() => {
    const fragment = new URLSearchParams(window.location.hash.slice(1));
    return { code: fragment.get('code'), next: safeNext(fragment.get('next')) };
  });
  const [problem, setProblem] = useState<ApiProblem | null>(
    arrival.code ? null : new ApiProblem(401, { code: 'SSO_CODE_INVALID' }),
  );
  const started = useRef(false);

  useEffect(() => {
    // Once (StrictMode runs effects twice in development).
    if (!arrival.code || started.current) return;
    started.current = true;
    // Out of the address bar and the history at once.
    window.history.replaceState(null, '', window.location.pathname);
    ok(authApi.POST('/api/v1/auth/sso/exchange', { body: { code: arrival.code } }))
      .then(async (pair) => {
        storeTokens(pair);
        const me = await session.reload();
        await navigate(arrival.next ?? homeOf(me.role), { replace: true });
      })
      .catch((error: unknown) => setProblem(asProblem(error)));
  }, [arrival, navigate]);

  return (
    <Stack maw={480}>
      <PageTitle title={t('ssoComplete.title')} />
      {problem ? (
        <>
          <ProblemAlert problem={problem} />
          <Anchor component={Link} to="/sign-in">
            {t('ssoComplete.again')}
          </Anchor>
        </>
      ) : (
        <Loader aria-label={t('ssoComplete.working')} />
      )}
    </Stack>
  );
}
