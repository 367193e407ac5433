import { Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DeclareConflictButton } from './actions/DeclareConflictButton';
import { DeclineButton } from './actions/DeclineButton';
import type { MyAssignment } from './my-assignments';

export const GIVE_BACK_SECTION = 'give-back';

/** For an evaluator who should not, or cannot, evaluate this application: a conflict, or declining. */
export function GiveBackSection({ assignment }: { assignment: MyAssignment }) {
  const { t } = useTranslation('evaluator');
  const declinable = assignment.status === 'assigned' || assignment.status === 'draft';
  return (
    <Paper component="section" aria-labelledby={GIVE_BACK_SECTION} withBorder p="lg" radius="md">
      <Stack>
        <Title order={2} id={GIVE_BACK_SECTION}>
          {t('giveBack.title')}
        </Title>
        <Text>{t(declinable ? 'giveBack.explanation' : 'giveBack.explanationSubmitted')}</Text>
        <Group>
          <DeclareConflictButton assignment={assignment} />
          {declinable && <DeclineButton assignment={assignment} />}
        </Group>
      </Stack>
    </Paper>
  );
}
