import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DISCUSSION_SECTION } from '../discussion/discussion';
import { formatNumber, formatScore } from '../format';
import { OffsetPager } from '../OffsetPager';
import { EmptyState } from '../States';
import { MODERATION_PAGE_SIZE, OUTCOMES, type ModerationQueuePage, type Outcome, type QueueEntry } from './moderation';
import { ResolutionDialog } from './ResolutionDialog';

interface ModerationQueueProps {
  callId: string;
  queue: ModerationQueuePage;
  offset: number;
  /**
   * The page of an application the moderator reads, its discussion thread among it (`#discussion`);
   * null when the moderator has none (a chair who did not evaluate it).
   */
  applicationPath: (entry: QueueEntry) => string | null;
}

/**
 * A call's moderation queue, as the secretariat and the call's chair both moderate it: each flagged or
 * added application with its figures, its evaluators' totals, a link to its discussion, its current
 * resolution beside it, and the three resolutions.
 */
export function ModerationQueue({ callId, queue, offset, applicationPath }: ModerationQueueProps) {
  const { t, i18n } = useTranslation('moderation');
  const [resolving, setResolving] = useState<{ outcome: Outcome; entry: QueueEntry } | null>(null);
  const score = (value: number | null) => (value === null ? '—' : formatScore(value, i18n.language));
  return (
    <Stack gap="md">
      <Text size="sm" role="status">
        {t('count', { count: queue.total, formatted: formatNumber(queue.total, i18n.language) })}
      </Text>
      {queue.items.length === 0 ? (
        <EmptyState>{t('count', { count: 0 })}</EmptyState>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table withTableBorder verticalSpacing="xs" captionSide="top">
            <Table.Caption>{t('caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('columns.organisation')}</Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('columns.spread')}
                </Table.Th>
                <Table.Th scope="col" ta="end">
                  {t('columns.score')}
                </Table.Th>
                <Table.Th scope="col">{t('columns.evaluators')}</Table.Th>
                <Table.Th scope="col">{t('columns.resolution')}</Table.Th>
                <Table.Th scope="col">{t('columns.actions')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {queue.items.map((entry) => {
                const path = applicationPath(entry);
                return (
                  <Table.Tr key={entry.applicationId}>
                    <Table.Th scope="row">
                      {path ? (
                        <Anchor component={Link} to={path} fw={600}>
                          {entry.organisationName}
                        </Anchor>
                      ) : (
                        <Text fw={600}>{entry.organisationName}</Text>
                      )}
                      {entry.addedReason && <Text size="sm">{t('added', { reason: entry.addedReason })}</Text>}
                    </Table.Th>
                    <Table.Td ta="end">{score(entry.spread)}</Table.Td>
                    <Table.Td ta="end">
                      {score(entry.score)}
                      {entry.consensusScore !== null && (
                        <Badge color="blue.9" variant="outline" display="block">
                          {t('consensusScore', { score: score(entry.consensusScore) })}
                        </Badge>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {entry.evaluators.map((e) => (
                        <Text key={e.assignmentId} size="sm">
                          {t('evaluatorTotal', { name: e.displayName, total: score(e.total) })}
                        </Text>
                      ))}
                    </Table.Td>
                    <Table.Td>
                      {entry.resolution ? (
                        <>
                          <Text size="sm" fw={600}>
                            {t(`outcomes.${entry.resolution.outcome}`)}
                          </Text>
                          <Text size="sm">{entry.resolution.note}</Text>
                        </>
                      ) : (
                        <Text size="sm">{t('unresolved')}</Text>
                      )}
                      {path ? (
                        <Anchor
                          component={Link}
                          to={`${path}#${DISCUSSION_SECTION}`}
                          size="sm"
                          aria-label={t('discussion.for', { organisation: entry.organisationName })}
                        >
                          {t('discussion.link')}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('discussion.none')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs">
                        {OUTCOMES.map((outcome) => (
                          <Button
                            key={outcome}
                            size="xs"
                            variant="default"
                            aria-label={t('actions.for', {
                              action: t(`actions.${outcome}`),
                              organisation: entry.organisationName,
                            })}
                            onClick={() => setResolving({ outcome, entry })}
                          >
                            {t(`actions.${outcome}`)}
                          </Button>
                        ))}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <OffsetPager label={t('pages')} offset={offset} total={queue.total} pageSize={MODERATION_PAGE_SIZE} />
      {resolving && (
        <ResolutionDialog
          key={`${resolving.entry.applicationId}:${resolving.outcome}`}
          callId={callId}
          entry={resolving.entry}
          outcome={resolving.outcome}
          onClose={() => setResolving(null)}
        />
      )}
    </Stack>
  );
}
