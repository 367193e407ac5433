import { Alert, Anchor, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ApiProblem } from '../../../api/problem';
import { ProblemAlert } from '../../../shared/ProblemAlert';
import { callPath } from '../call/call-route';

/** The refusals particular to cohorts, each with what to do next; see ProblemAlert for the others. */
const COHORT_CODES = [
  'SCORING_IN_PROGRESS',
  'COHORT_OUTDATED',
  'COHORT_PUBLISHED',
  'INVALID_OVERRIDE',
  'INVALID_TRANSITION',
  'LOTTERY_DISABLED',
  'LOTTERY_NO_GREY_ZONE',
  'LOTTERY_NOT_COMMITTED',
  'LOTTERY_ALREADY_DRAWN',
  'LOTTERY_CANDIDATES_CHANGED',
  'LOTTERY_AFTER_AMENDMENT',
] as const;
type CohortCode = (typeof COHORT_CODES)[number];

/** Where the reader can resolve the problem, when it is on another page. */
const NEXT_STEP: Partial<Record<CohortCode, 'scoring' | 'cohorts'>> = {
  SCORING_IN_PROGRESS: 'scoring',
  COHORT_OUTDATED: 'cohorts',
  LOTTERY_CANDIDATES_CHANGED: 'cohorts',
  LOTTERY_AFTER_AMENDMENT: 'cohorts',
};

export function CohortProblemAlert({ problem, callId }: { problem: ApiProblem; callId: string }) {
  const { t } = useTranslation('secretariat');
  const code = COHORT_CODES.find((known) => problem.is(known));
  if (!code) return <ProblemAlert problem={problem} listErrors />;
  const section = NEXT_STEP[code];
  return (
    <Alert color="red" variant="light" title={t(`cohorts.problems.${code}.title`)} role="alert" my="md">
      <Text inherit>{t(`cohorts.problems.${code}.message`)}</Text>
      {section && (
        <Anchor component={Link} to={callPath(callId, section)} inherit>
          {t(`cohorts.problems.links.${section}`)}
        </Anchor>
      )}
    </Alert>
  );
}
