import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Clarification } from '../../api/types';
import { OffsetPager } from '../OffsetPager';
import { AnswerForm } from './AnswerForm';
import { AskClarificationForm } from './AskClarificationForm';
import { ClarificationList } from './ClarificationList';
import { CLARIFICATIONS_PAGE_SIZE, CLARIFICATIONS_PARAMETER } from './load';
import { ProposalDecision } from './ProposalDecision';

export const CLARIFICATIONS_SECTION = 'clarifications';

export type ClarificationReader = 'applicant' | 'evaluator' | 'secretariat';

interface ClarificationsSectionProps {
  reader: ClarificationReader;
  applicationId: string;
  /** A page of them, from `loadClarifications`. */
  clarifications: { items: Clarification[]; total: number; offset: number };
  /** The panel asks only about a submitted application, before publication. */
  mayAsk: boolean;
}

/**
 * An application's questions to its applicant and the answers, as each reader works with them: the
 * applicant answers what was sent to it; an evaluator reads them and proposes a question; the
 * secretariat sends or declines proposals and asks directly.
 */
export function ClarificationsSection({ reader, applicationId, clarifications, mayAsk }: ClarificationsSectionProps) {
  const { t } = useTranslation('clarifications');
  const { items, total, offset } = clarifications;
  const actions = (clarification: Clarification) => {
    if (reader === 'secretariat' && clarification.status === 'proposed')
      return <ProposalDecision clarification={clarification} />;
    if (reader === 'applicant' && clarification.status === 'sent') return <AnswerForm clarification={clarification} />;
    return null;
  };
  return (
    <section aria-labelledby={CLARIFICATIONS_SECTION}>
      <Title order={2} id={CLARIFICATIONS_SECTION} mb="sm">
        {t('title')}
      </Title>
      <Stack gap="md">
        <Text size="sm">{t(`intro.${reader}`)}</Text>
        <ClarificationList
          clarifications={items}
          showProposals={reader !== 'applicant'}
          empty={t('none')}
          actions={actions}
        />
        <OffsetPager
          label={t('pages')}
          offset={offset}
          total={total}
          pageSize={CLARIFICATIONS_PAGE_SIZE}
          parameter={CLARIFICATIONS_PARAMETER}
        />
        {mayAsk && reader !== 'applicant' && (
          <AskClarificationForm applicationId={applicationId} proposal={reader === 'evaluator'} />
        )}
      </Stack>
    </section>
  );
}
