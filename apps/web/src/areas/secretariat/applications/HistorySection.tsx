import { Anchor, Group, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { formatDateTime, formatNumber, formatScore } from '../../../shared/format';
import { EmptyState } from '../../../shared/States';
import { HISTORY_PAGE_SIZE, HISTORY_PARAMETER, type HistoryEntry, type Review } from './review';

/** The changes the audit trail records, by action; another action is shown as the trail names it. */
const ACTIONS = {
  'application.created': 'applicationCreated',
  'application.submitted': 'applicationSubmitted',
  'application.withdrawn': 'applicationWithdrawn',
  'application.eligibility_overridden': 'eligibilityOverridden',
  'application.document_added': 'documentAdded',
  'application.document_removed': 'documentRemoved',
  'application.outcome_published': 'outcomePublished',
  'application.reminded': 'applicationReminded',
  'application.clarification_proposed': 'clarificationProposed',
  'application.clarification_sent': 'clarificationSent',
  'application.clarification_declined': 'clarificationDeclined',
  'application.clarification_answered': 'clarificationAnswered',
  'discussion.posted': 'discussionPosted',
  'discussion.post_edited': 'discussionPostEdited',
  'conflict.declared': 'conflictDeclared',
  'conflict.declared_after_submission': 'conflictDeclared',
  'assignment.created': 'assignmentCreated',
  'assignment.declined': 'assignmentDeclined',
  'assignment.released': 'assignmentReleased',
  'assignment.reassigned': 'assignmentReassigned',
  'evaluation.saved': 'evaluationSaved',
  'evaluation.submitted': 'evaluationSubmitted',
  'evaluation.reopened': 'evaluationReopened',
  'moderation.application_added': 'moderationAdded',
  'moderation.resolved': 'moderationResolved',
} as const;

/** A moderation resolution reads by its outcome, a consensus with its score. */
const RESOLUTIONS = {
  scores_stand: 'moderationScoresStand',
  revisit: 'moderationRevisit',
  consensus: 'moderationConsensus',
} as const;

function isKnown(action: string): action is keyof typeof ACTIONS {
  return Object.hasOwn(ACTIONS, action);
}

/**
 * What happened to the application and to its evaluations, oldest first, with who did it and why:
 * a page at a time, the page in the address so that the back button returns to it.
 */
export function HistorySection({
  history,
  evaluatorNames,
}: {
  history: Review['history'];
  evaluatorNames: Map<string, string>;
}) {
  const { t, i18n } = useTranslation('secretariat');
  const { pathname } = useLocation();
  const { items, total, offset } = history;
  const pageLink = (to: number) => `${pathname}?${new URLSearchParams({ [HISTORY_PARAMETER]: String(to) })}#history`;
  return (
    <section aria-labelledby="history">
      <Title order={2} id="history" mb="sm">
        {t('application.history.title')}
      </Title>
      {items.length === 0 ? (
        <EmptyState>{t('application.history.none')}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table withTableBorder verticalSpacing="xs" captionSide="top">
            <Table.Caption ta="start">
              {t('application.history.caption', {
                count: total,
                first: formatNumber(offset + 1, i18n.language),
                last: formatNumber(offset + items.length, i18n.language),
                formatted: formatNumber(total, i18n.language),
              })}
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('application.history.when')}</Table.Th>
                <Table.Th scope="col">{t('application.history.change')}</Table.Th>
                <Table.Th scope="col">{t('application.history.by')}</Table.Th>
                <Table.Th scope="col">{t('application.history.reason')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((entry) => (
                <Table.Tr key={entry.id} data-testid="history-row">
                  <Table.Td>{formatDateTime(entry.occurredAt, i18n.language)}</Table.Td>
                  <Table.Td>
                    <ChangeText entry={entry} evaluatorNames={evaluatorNames} />
                  </Table.Td>
                  <Table.Td>{entry.actor?.displayName || t('application.history.platform')}</Table.Td>
                  <Table.Td style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{reasonOf(entry)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {total > HISTORY_PAGE_SIZE && (
        <Group component="nav" aria-label={t('application.history.pages')} gap="md" mt="sm">
          {offset > 0 && (
            <Anchor component={Link} to={pageLink(Math.max(0, offset - HISTORY_PAGE_SIZE))} preventScrollReset>
              {t('application.history.earlier')}
            </Anchor>
          )}
          {offset + items.length < total && (
            <Anchor component={Link} to={pageLink(offset + HISTORY_PAGE_SIZE)} preventScrollReset>
              {t('application.history.later')}
            </Anchor>
          )}
        </Group>
      )}
    </section>
  );
}

/** Why the change was made: its reason, or a moderator's note on a resolution. */
function reasonOf(entry: HistoryEntry): string {
  const { reason, note } = entry.after ?? {};
  if (typeof reason === 'string') return reason;
  return typeof note === 'string' ? note : '—';
}

function ChangeText({ entry, evaluatorNames }: { entry: HistoryEntry; evaluatorNames: Map<string, string> }) {
  const { t, i18n } = useTranslation('secretariat');
  if (!isKnown(entry.action)) return <Text size="sm">{entry.action}</Text>;
  // An assignment's events name its evaluator when the page knows it (a freed one may be gone from the panel).
  const evaluator = entry.entityType === 'assignment' ? evaluatorNames.get(entry.entityId) : undefined;
  const { outcome, consensusScore } = entry.after ?? {};
  const resolution =
    entry.action === 'moderation.resolved' && typeof outcome === 'string' && Object.hasOwn(RESOLUTIONS, outcome)
      ? RESOLUTIONS[outcome as keyof typeof RESOLUTIONS]
      : null;
  return (
    <Text size="sm">
      {resolution
        ? t(`application.history.actions.${resolution}`, {
            score: typeof consensusScore === 'number' ? formatScore(consensusScore, i18n.language) : '',
          })
        : t(`application.history.actions.${ACTIONS[entry.action]}`)}
      {evaluator && ` · ${evaluator}`}
    </Text>
  );
}
