import { Alert, Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api, ok } from '../../api/client';
import type { ApiProblem } from '../../api/problem';
import { useSession } from '../../api/session';
import { ProblemAlert } from '../../shared/ProblemAlert';
import { asProblem } from '../../shared/problems';

/**
 * Tells an applicant whose address is not yet confirmed that it cannot submit until it is, and sends
 * the link again on request (the API limits how often: a refusal says when to come back).
 */
export function EmailVerificationBanner() {
  const { t } = useTranslation('applicant');
  const current = useSession();
  const [sent, setSent] = useState(false);
  const [sending, setSending] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  if (current.status !== 'signed-in' || !current.me.emailVerificationRequired) return null;

  const resend = async () => {
    setSending(true);
    setProblem(null);
    try {
      await ok(api.POST('/api/v1/me/email-verification/resend'));
      setSent(true);
    } catch (error) {
      setProblem(asProblem(error));
    } finally {
      setSending(false);
    }
  };

  return (
    <Alert
      color="yellow"
      variant="light"
      title={t('verification.bannerTitle')}
      mb="lg"
      // The light variant's yellow title is too pale on its background: the title takes the text colour.
      styles={{ title: { color: 'var(--mantine-color-text)' } }}
    >
      <Text size="sm">{t('verification.bannerText', { email: current.me.email })}</Text>
      {sent ? (
        <Text size="sm" mt="xs" role="status">
          {t('verification.resent')}
        </Text>
      ) : (
        <Button size="xs" mt="xs" variant="default" loading={sending} onClick={() => void resend()}>
          {t('verification.resend')}
        </Button>
      )}
      {problem && <ProblemAlert problem={problem} />}
    </Alert>
  );
}
