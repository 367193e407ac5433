import { Button, Fieldset, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { api, ok } from '../../../api/client';
import type { ApiProblem } from '../../../api/problem';
import type { Call, Region } from '../../../api/types';
import { asProblem, fieldErrors } from '../../../shared/problems';
import { REGIONS } from '../../../shared/regions';
import { callPath } from '../call/call-route';
import { RegionLimitsTable } from '../RegionLimitsTable';
import type { ProposeCohortBody } from '../types';
import { CohortProblemAlert } from './CohortProblemAlert';

type Amount = number | '';
type ByRegion = Record<Region, Amount>;

interface ProposalValues {
  size: Amount;
  maxPerCountry: Amount;
  minScore: Amount;
  waitlistSize: Amount;
  maxPerRegion: ByRegion;
  minPerRegion: ByRegion;
}

/** The call's selection settings, which the proposal starts from. */
function initialValues(call: Call): ProposalValues {
  const { selection } = call;
  const byRegion = (limits: Record<string, number> | undefined) =>
    Object.fromEntries(REGIONS.map((region) => [region, limits?.[region] ?? ''])) as ByRegion;
  return {
    size: call.cohortSize,
    maxPerCountry: selection.maxPerCountry ?? '',
    minScore: selection.minScore ?? '',
    waitlistSize: selection.waitlistSize ?? '',
    maxPerRegion: byRegion(selection.maxPerRegion),
    minPerRegion: byRegion(selection.minPerRegion),
  };
}

/** The request: the figures given; what is left empty falls back to the call's setting (API.md "Cohorts"). */
function proposalBody(values: ProposalValues): ProposeCohortBody {
  const given = (amount: Amount) => (amount === '' ? undefined : amount);
  const byRegion = (limits: ByRegion) => {
    const set = Object.entries(limits).filter(([, amount]) => amount !== '');
    return set.length > 0 ? (Object.fromEntries(set) as Record<string, number>) : undefined;
  };
  return {
    size: given(values.size),
    maxPerCountry: given(values.maxPerCountry),
    minScore: given(values.minScore),
    waitlistSize: given(values.waitlistSize),
    maxPerRegion: byRegion(values.maxPerRegion),
    minPerRegion: byRegion(values.minPerRegion),
  };
}

/** Asks the API for a cohort computed from the ranking under these constraints, then shows it. */
export function ProposeForm({ call }: { call: Call }) {
  const { t } = useTranslation(['secretariat', 'common']);
  const navigate = useNavigate();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const form = useForm<ProposalValues>({ initialValues: initialValues(call) });

  const propose = form.onSubmit(async (values) => {
    setProblem(null);
    try {
      const cohort = await ok(
        api.POST('/api/v1/calls/{id}/cohorts', { params: { path: { id: call.id } }, body: proposalBody(values) }),
      );
      await navigate(callPath(call.id, `cohorts/${cohort.id}`));
    } catch (error) {
      const failure = asProblem(error);
      form.setErrors(fieldErrors(failure));
      setProblem(failure);
    }
  });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="propose">
      <Title order={2} id="propose" mb="xs">
        {t('cohorts.propose.title')}
      </Title>
      <form onSubmit={propose} noValidate>
        <Stack>
          <Text size="sm">{t('cohorts.propose.intro')}</Text>
          <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }}>
            <NumberInput
              label={t('cohorts.propose.size')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('size')}
            />
            <NumberInput
              label={t('cohorts.propose.maxPerCountry')}
              min={1}
              allowDecimal={false}
              {...form.getInputProps('maxPerCountry')}
            />
            <NumberInput label={t('cohorts.propose.minScore')} min={0} max={100} {...form.getInputProps('minScore')} />
            <NumberInput
              label={t('cohorts.propose.waitlistSize')}
              min={0}
              allowDecimal={false}
              {...form.getInputProps('waitlistSize')}
            />
          </SimpleGrid>
          <Fieldset legend={t('cohorts.propose.byRegion')} variant="unstyled">
            <RegionLimitsTable inputProps={(limit, region) => form.getInputProps(`${limit}.${region}`)} />
          </Fieldset>
          {problem && <CohortProblemAlert problem={problem} callId={call.id} />}
          <div>
            <Button type="submit" loading={form.submitting}>
              {t('cohorts.propose.submit')}
            </Button>
          </div>
        </Stack>
      </form>
    </Paper>
  );
}
