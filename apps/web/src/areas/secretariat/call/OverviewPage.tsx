import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLoaderData, type LoaderFunctionArgs } from 'react-router';
import { api, ok } from '../../../api/client';
import type { Call } from '../../../api/types';
import { Countdown } from '../../../shared/Countdown';
import { DateTime } from '../../../shared/DateTime';
import { formatNumber, formatPercent } from '../../../shared/format';
import { requireStaff } from '../access';
import { StageSelector } from '../stages/StageSelector';
import { readStage, stageQuery } from '../stages/stages';
import { callPath, useCall } from './call-route';
import { CallTransitionButton } from './CallTransitionButton';
import { CircularSection } from './CircularSection';
import { CopyCallButton } from './CopyCallDialog';
import { ReviewStagesSection } from './ReviewStagesSection';
import { SectionTitle } from './SectionTitle';
import { StatisticsSection } from './StatisticsSection';
import { FactList } from '../../../shared/FactList';

export async function overviewLoader({ request, params }: LoaderFunctionArgs) {
  await requireStaff(request);
  const id = params.callId ?? '';
  const stage = readStage(new URL(request.url).searchParams);
  const statistics = await ok(
    api.GET('/api/v1/calls/{id}/statistics', { params: { path: { id }, query: stageQuery(stage) } }),
  );
  return { statistics, stage };
}

/** Where the call stands: its window, what can be done next, and the figures so far. */
export function OverviewPage() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const { statistics, stage } = useLoaderData<typeof overviewLoader>();
  return (
    <>
      <SectionTitle title={t('call.section.overview')} call={call} />
      <Stack gap="xl">
        <Paper withBorder p="lg" radius="md">
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <div>
              <Text fw={600}>{t('overview.opensAt')}</Text>
              <DateTime value={call.opensAt} />
            </div>
            <div>
              <Text fw={600}>{t('overview.closesAt')}</Text>
              <DateTime value={call.closesAt} />
              {call.status === 'open' && (
                <div>
                  <Countdown deadline={call.closesAt} />
                </div>
              )}
            </div>
          </SimpleGrid>
          <CallActions call={call} />
        </Paper>
        {call.kind === 'registration' ? <RegistrationSettings call={call} /> : <Settings call={call} />}
        {call.kind === 'selection' && <ReviewStagesSection call={call} />}
        <CircularSection call={call} />
        <StatisticsSection statistics={statistics} registration={call.kind === 'registration'}>
          {call.kind === 'selection' && <StageSelector stage={stage} />}
        </StatisticsSection>
      </Stack>
    </>
  );
}

/** The edit link says what can still change (the API's `changeable`), and is absent when nothing can. */
function editLabelKey({ changeable }: Call) {
  if (changeable.includes('title')) return 'overview.edit';
  if (changeable.includes('closesAt')) return 'overview.editOpen';
  if (changeable.includes('weights')) return 'overview.editWeights';
  return null;
}

function CallActions({ call }: { call: Call }) {
  const { t } = useTranslation('secretariat');
  const edit = editLabelKey(call);
  const isPublic = call.status === 'open' || call.publishedCohortId !== null;
  return (
    <Group mt="lg" gap="sm">
      {call.status === 'draft' && <CallTransitionButton call={call} transition="open" />}
      {call.status === 'open' && <CallTransitionButton call={call} transition="close" />}
      {call.status === 'published' && <CallTransitionButton call={call} transition="archive" />}
      {edit && (
        <Button variant="default" component={Link} to={callPath(call.id, 'edit')}>
          {t(edit)}
        </Button>
      )}
      <CopyCallButton call={call} />
      {isPublic && (
        <Anchor component={Link} to={`/calls/${call.id}`}>
          {t('overview.publicPage')}
        </Anchor>
      )}
      {call.publishedCohortId && (
        <Anchor component={Link} to={`/cohorts/${call.publishedCohortId}`}>
          {t('overview.publishedCohort')}
        </Anchor>
      )}
    </Group>
  );
}

/** What a registration call asks for and of whom: no evaluation settings, its addressees and sessions. */
function RegistrationSettings({ call }: { call: Call }) {
  const { t, i18n } = useTranslation(['secretariat', 'common']);
  const addressees = call.eligibility.addresseeCategories ?? [];
  const facts: Array<[string, string]> = [
    [t('overview.kind'), t('builder.kind.registration')],
    [
      t('overview.addressees'),
      addressees.length === 0
        ? t('overview.everyone')
        : addressees.map((category) => t(`common:membership.${category}`)).join(', '),
    ],
    [t('overview.questions'), String(call.questions.length)],
    [
      t('overview.sessions'),
      call.sessions.map((s) => `${s.title} (${formatNumber(s.capacity, i18n.language)})`).join(', ') || '—',
    ],
  ];
  return <SettingsSection facts={facts} />;
}

/** The rules applicants and evaluators work under, in short. */
function Settings({ call }: { call: Call }) {
  const { t, i18n } = useTranslation('secretariat');
  const total = call.criteria.reduce((sum, c) => sum + c.weight, 0);
  const facts: Array<[string, string]> = [
    [t('overview.cohortSize'), String(call.cohortSize)],
    [t('overview.evaluatorsPerApplication'), String(call.evaluatorsPerApplication)],
    [t('overview.scale'), t('overview.scaleValue', { min: call.scoring.scaleMin, max: call.scoring.scaleMax })],
    [t('overview.normalization'), t(`builder.scoring.normalization.${call.scoring.normalization}`)],
    [
      t('overview.criteria'),
      call.criteria
        .map((c) => `${c.title} (${formatPercent(total > 0 ? c.weight / total : 0, i18n.language)})`)
        .join(', '),
    ],
    [t('overview.questions'), String(call.questions.length)],
  ];
  return <SettingsSection facts={facts} />;
}

/** A call's settings as a list of facts, under their heading. */
function SettingsSection({ facts }: { facts: Array<[string, string]> }) {
  const { t } = useTranslation('secretariat');
  return (
    <section aria-labelledby="settings">
      <Title order={2} id="settings" mb="sm">
        {t('overview.settings')}
      </Title>
      <FactList facts={facts} cols={{ base: 1, sm: 2 }} />
    </section>
  );
}
