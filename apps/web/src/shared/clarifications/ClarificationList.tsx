import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { downloadClarificationDocument } from '../../api/download';
import type { ApiProblem } from '../../api/problem';
import type { Clarification, ClarificationStatus } from '../../api/types';
import { DateTime } from '../DateTime';
import { formatBytes } from '../format';
import { ProblemAlert } from '../ProblemAlert';
import { asProblem } from '../problems';
import { EmptyState } from '../States';

/** Dark shades only: the badge's white text keeps AA contrast on each. */
const STATUS_COLOURS: Record<ClarificationStatus, string> = {
  proposed: 'violet.9',
  sent: 'blue.9',
  declined: 'gray.8',
  answered: 'teal.9',
  expired: 'red.9',
};

export function ClarificationStatusBadge({ status }: { status: ClarificationStatus }) {
  const { t } = useTranslation(['clarifications', 'common']);
  return (
    <Badge color={STATUS_COLOURS[status]} variant="filled">
      {t(`statuses.${status}`)}
    </Badge>
  );
}

interface ClarificationListProps<T extends Clarification> {
  clarifications: T[];
  /** Who proposed each question and in which words: for the panel and the secretariat, never the applicant. */
  showProposals: boolean;
  empty: string;
  /** What the reader may do with one request (answer it, send or decline it), shown under it. */
  actions?: (clarification: T) => ReactNode;
}

/** Questions put to an applicant and its answers, oldest first, each with its status and deadline. */
export function ClarificationList<T extends Clarification>({
  clarifications,
  showProposals,
  empty,
  actions,
}: ClarificationListProps<T>) {
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  if (clarifications.length === 0) return <EmptyState>{empty}</EmptyState>;
  return (
    <Stack gap="md">
      {problem && <ProblemAlert problem={problem} />}
      {clarifications.map((clarification) => (
        <ClarificationItem
          key={clarification.id}
          clarification={clarification}
          showProposals={showProposals}
          onDownloadFailed={(error) => setProblem(asProblem(error))}
        >
          {actions?.(clarification)}
        </ClarificationItem>
      ))}
    </Stack>
  );
}

function ClarificationItem({
  clarification: c,
  showProposals,
  onDownloadFailed,
  children,
}: {
  clarification: Clarification;
  showProposals: boolean;
  onDownloadFailed: (error: unknown) => void;
  children: ReactNode;
}) {
  const { t, i18n } = useTranslation(['clarifications', 'common']);
  const headingId = `clarification-${c.id}`;
  const reworded = showProposals && c.proposedQuestion !== null && c.proposedQuestion !== c.question;
  return (
    <Paper withBorder p="md" radius="md" component="article" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group gap="sm" justify="space-between">
          <ClarificationStatusBadge status={c.status} />
          <Text size="sm">
            {t('replyBy')} <DateTime value={c.replyBy} />
          </Text>
        </Group>
        <Title order={3} size="h5" id={headingId} style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
          {c.question}
        </Title>
        {showProposals && c.proposedBy && (
          <Text size="sm">
            {t('proposedBy', { name: c.proposedBy.displayName })}
            {c.proposedAt && (
              <>
                {' · '}
                <DateTime value={c.proposedAt} />
              </>
            )}
          </Text>
        )}
        {reworded && (
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {t('proposedWording', { question: c.proposedQuestion })}
          </Text>
        )}
        {c.sentAt && (
          <Text size="sm">
            {t('sentAt')} <DateTime value={c.sentAt} />
          </Text>
        )}
        {c.declineReason && (
          <Text size="sm" style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>
            {t('declinedBecause', { reason: c.declineReason })}
          </Text>
        )}
        {c.answer !== null && (
          <Paper bg="gray.0" p="sm" radius="sm">
            <Text fw={600} size="sm">
              {t('answer')}
              {c.answeredBy && ` · ${c.answeredBy.displayName}`}
              {c.answeredAt && (
                <>
                  {' · '}
                  <DateTime value={c.answeredAt} />
                </>
              )}
            </Text>
            <Text style={{ whiteSpace: 'pre-line', overflowWrap: 'anywhere' }}>{c.answer}</Text>
            {c.document && (
              <Group gap="sm" mt="xs">
                <Button
                  variant="default"
                  size="compact-sm"
                  aria-label={t('common:documents.downloadNamed', { name: c.document.filename })}
                  onClick={() => void downloadClarificationDocument(c.id, c.document!.filename).catch(onDownloadFailed)}
                  styles={{ label: { whiteSpace: 'normal', overflowWrap: 'anywhere' } }}
                >
                  {c.document.filename}
                </Button>
                <Text size="sm">{formatBytes(c.document.size, i18n.language)}</Text>
              </Group>
            )}
          </Paper>
        )}
        {children}
      </Stack>
    </Paper>
  );
}
