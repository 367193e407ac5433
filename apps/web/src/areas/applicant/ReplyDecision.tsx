import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Application, Call } from '../../api/types';
import { ReplyDecisionAlert, SessionPreferenceList } from '../../shared/ReplyDecisionAlert';

/**
 * A reply to a registration call past its draft: the sessions it asked for and the secretariat's
 * decision with its reason, or that it is awaited.
 */
export function ReplyDecision({ application, call }: { application: Application; call: Call | null }) {
  const { t } = useTranslation('applicant');
  if (!call || call.kind !== 'registration') return null;
  const decision = application.replyDecision ?? null;
  const preferences = application.sessionPreferences ?? [];
  const title = (key: string) => call.sessions.find((s) => s.key === key)?.title ?? key;
  return (
    <>
      {preferences.length > 0 && (
        <div>
          <Text fw={600}>{t('sessions.asked')}</Text>
          <SessionPreferenceList keys={preferences} titleOf={title} />
        </div>
      )}
      {decision ? (
        <ReplyDecisionAlert
          decision={decision}
          title={t(`reply.decision.${decision.decision}`)}
          reason={t('reply.reason', { reason: decision.reason })}
        />
      ) : (
        application.status === 'submitted' && <Text>{t('reply.awaiting')}</Text>
      )}
    </>
  );
}
