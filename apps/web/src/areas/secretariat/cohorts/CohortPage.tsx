import { Alert, Anchor, Group, List, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import { CohortHistory, loadHistory } from '../../public/CohortHistory';
import { requireStaff } from '../access';
import { callPath, useCall } from '../call/call-route';
import { SectionTitle } from '../call/SectionTitle';
import { formatCompactDateTime } from '../format';
import type { Cohort, ConstraintReport } from '../types';
import { AgreementsSection, loadAgreements } from './AgreementsSection';
import { ApproveCohortButton } from './ApproveCohortButton';
import { CohortStatusBadge } from './CohortStatusBadge';
import { ConstraintsUsed } from './ConstraintsUsed';
import { LotterySection, loadLottery } from './LotterySection';
import { OffersSection, loadOffers } from './OffersSection';
import { OverridesHistory } from './OverridesHistory';
import { ProposalTables } from './ProposalTables';
import { PublishCohortButton } from './PublishCohortButton';
import { PublishedCohort } from './PublishedCohort';
import { unmetConstraintSentence, violationSentence } from './explanations';

export async function cohortLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const cohort = await ok(api.GET('/api/v1/cohorts/{id}', { params: { path: { id: params.cohortId ?? '' } } }));
  const lottery = await loadLottery(cohort.id);
  if (cohort.status !== 'published')
    return { cohort, lottery, afterPublication: null, agreements: null, history: null };
  const [afterPublication, agreements, history] = await Promise.all([
    loadOffers(cohort.id),
    loadAgreements(cohort),
    loadHistory(cohort.id),
  ]);
  return { cohort, lottery, afterPublication, agreements, history };
}

/**
 * One proposal: who is in and why, who is not and why, and the next step (amend, approve, publish);
 * once published, the board of what follows: offers, agreements, and the list's amendments since.
 */
export function CohortPage() {
  const { t, i18n } = useTranslation('secretariat');
  const call = useCall();
  const { cohort, lottery, afterPublication, agreements, history } = useLoaderData<typeof cohortLoader>();
  return (
    <>
      <SectionTitle title={t('cohorts.cohort.title')} call={call}>
        <Group gap="sm">
          <CohortStatusBadge status={cohort.status} />
          <Text size="sm">
            {t('cohorts.cohort.proposedAt', { date: formatCompactDateTime(cohort.createdAt, i18n.language) })}
          </Text>
          <Anchor component={Link} to={callPath(call.id, 'cohorts')} size="sm">
            {t('cohorts.cohort.allProposals')}
          </Anchor>
        </Group>
      </SectionTitle>
      <Stack gap="xl">
        <NextStep cohort={cohort} />
        {afterPublication && <OffersSection cohort={cohort} {...afterPublication} />}
        {agreements && <AgreementsSection cohort={cohort} {...agreements} />}
        {history && <CohortHistory {...history} />}
        <ConstraintsUsed constraints={cohort.constraints} />
        <Reports
          title={t('cohorts.unmet.title')}
          intro={t('cohorts.unmet.intro')}
          reports={cohort.unmetConstraints}
          sentence={unmetConstraintSentence}
        />
        <Reports
          title={t('cohorts.violations.title')}
          intro={t('cohorts.violations.intro')}
          reports={cohort.violations}
          sentence={violationSentence}
        />
        <LotterySection cohort={cohort} lottery={lottery} />
        <ProposalTables cohort={cohort} />
        <OverridesHistory cohort={cohort} />
      </Stack>
    </>
  );
}

function NextStep({ cohort }: { cohort: Cohort }) {
  const { t } = useTranslation('secretariat');
  if (cohort.status === 'published' && cohort.publishedAt && cohort.contentHash) {
    return <PublishedCohort cohortId={cohort.id} publishedAt={cohort.publishedAt} contentHash={cohort.contentHash} />;
  }
  const transition = cohort.status === 'proposed' ? 'approve' : 'publish';
  return (
    <Group gap="md" align="center">
      {transition === 'publish' ? <PublishCohortButton cohort={cohort} /> : <ApproveCohortButton cohort={cohort} />}
      <Text size="sm">{t(`cohorts.transition.${transition}.hint`)}</Text>
    </Group>
  );
}

interface ReportsProps {
  title: string;
  intro: string;
  reports: ConstraintReport[];
  sentence: (report: ConstraintReport) => string;
}

/** Constraints not met, each explained; nothing when every constraint holds. */
function Reports({ title, intro, reports, sentence }: ReportsProps) {
  useTranslation('secretariat'); // re-renders the sentences in a newly chosen language
  if (reports.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      title={
        <Title order={2} size="h4" c="gray.9">
          {title}
        </Title>
      }
    >
      <Text inherit>{intro}</Text>
      <List mt="xs">
        {reports.map((report) => (
          <List.Item key={`${report.constraint}-${report.region ?? ''}-${report.countryCode ?? ''}`}>
            {sentence(report)}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
