import { List, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Call } from '../../../api/types';
import { DateTime } from '../../../shared/DateTime';
import { FinalRankingExplanation } from '../builder/StagesSection';

/**
 * A call's review stages in order (name, number of criteria, when the evaluations are due) and how
 * its final ranking is made. A call of one stage has none to list.
 */
export function ReviewStagesSection({ call }: { call: Call }) {
  const { t } = useTranslation('secretariat');
  if (call.stages.length < 2) return null;
  return (
    <section aria-labelledby="review-stages">
      <Title order={2} id="review-stages" mb="sm">
        {t('overview.stages')}
      </Title>
      <List type="ordered" spacing="xs">
        {call.stages.map((stage) => (
          <List.Item key={stage.position}>
            <Text fw={600} component="span">
              {stage.name}
            </Text>
            {' · '}
            {t('overview.stageCriteria', { count: (stage.criteria ?? call.criteria).length })}
            {' · '}
            {stage.evaluationDueAt ? (
              <>
                {t('overview.stageDue')} <DateTime value={stage.evaluationDueAt} />
              </>
            ) : (
              t('overview.noDueDate')
            )}
          </List.Item>
        ))}
      </List>
      <Title order={3} size="h4" mt="md" mb="xs">
        {t('overview.finalRanking')}
      </Title>
      <Text data-testid="final-ranking-rule">
        <FinalRankingExplanation names={call.stages.map((stage) => stage.name)} rule={call.finalRanking} />
      </Text>
    </section>
  );
}
