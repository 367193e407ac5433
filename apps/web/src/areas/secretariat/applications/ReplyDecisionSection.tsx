import { Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { useRevalidator } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Application, Call } from '../../../api/types';
import { ReplyDecisionAlert, SessionPreferenceList } from '../../../shared/ReplyDecisionAlert';
import { ReasonDialog } from '../../../shared/ReasonDialog';

/** The API takes reasons of at least this many characters. */
const MIN_REASON = 3;
type Decision = 'confirmed' | 'declined';

/**
 * A reply to a registration call: the sessions it asks for, the secretariat's decision with its
 * reason, and the buttons that confirm or decline it (a reason each, sent to the replier). A
 * decision may be revised until publication.
 */
export function ReplyDecisionSection({ application, call }: { application: Application; call: Call }) {
  const { t } = useTranslation('secretariat');
  const decision = application.replyDecision ?? null;
  const decidable = ['submitted', 'confirmed', 'declined'].includes(application.status) && call.status !== 'published';
  const sessionTitle = (key: string) => call.sessions.find((s) => s.key === key)?.title ?? key;
  const preferences = application.sessionPreferences ?? [];
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="reply-decision">
      <Stack>
        <Title order={2} id="reply-decision">
          {t('reply.title')}
        </Title>
        {call.sessions.length > 0 && (
          <div>
            <Text fw={600}>{t('reply.preferences')}</Text>
            {preferences.length === 0 ? (
              <Text c="dimmed">{t('reply.noPreferences')}</Text>
            ) : (
              <SessionPreferenceList keys={preferences} titleOf={sessionTitle} />
            )}
          </div>
        )}
        {decision ? (
          <ReplyDecisionAlert
            decision={decision}
            title={t(`reply.decided.${decision.decision}`)}
            reason={t('reply.reasonGiven', { reason: decision.reason })}
          />
        ) : (
          <Text c="dimmed">{application.status === 'draft' ? t('reply.draft') : t('reply.undecided')}</Text>
        )}
        {decidable && (
          <Group>
            {decision?.decision !== 'confirmed' && <DecideButton application={application} decision="confirmed" />}
            {decision?.decision !== 'declined' && <DecideButton application={application} decision="declined" />}
          </Group>
        )}
      </Stack>
    </Paper>
  );
}

function DecideButton({ application, decision }: { application: Application; decision: Decision }) {
  const { t } = useTranslation('secretariat');
  const revalidator = useRevalidator();
  const [opened, { open, close }] = useDisclosure(false);
  return (
    <>
      <Button
        color={decision === 'declined' ? 'red.9' : undefined}
        variant={decision === 'declined' ? 'outline' : 'filled'}
        onClick={open}
      >
        {t(`reply.${decision}.button`)}
      </Button>
      <ReasonDialog
        opened={opened}
        onClose={close}
        title={t(`reply.${decision}.title`)}
        explanation={t(`reply.${decision}.explanation`)}
        reasonLabel={t('reply.reason')}
        reasonHint={t('reply.reasonHint')}
        minLength={MIN_REASON}
        confirmLabel={t(`reply.${decision}.confirm`)}
        destructive={decision === 'declined'}
        onConfirm={async (reason) => {
          await ok(
            api.POST('/api/v1/applications/{id}/decision', {
              params: { path: { id: application.id } },
              body: { decision, reason },
            }),
          );
          close();
          await revalidator.revalidate();
        }}
      />
    </>
  );
}
