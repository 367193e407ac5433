import { Button, Group, Paper, Progress, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { countryName, formatDateTime } from '../../shared/format';
import { DeclareConflictButton } from './actions/DeclareConflictButton';
import { nextToEvaluate } from './assignment-order';
import { AssignmentStatusBadge } from './AssignmentStatusBadge';
import { CallHeading } from './CallHeading';
import type { CallGroup, MyAssignment } from './my-assignments';
import { NextAssignmentButton } from './NextAssignmentButton';
import { OverdueBadge } from './OverdueBadge';
import { assignmentPath } from './paths';

/** One call's assignments: how far the evaluator is, what to do next, and each application. */
export function CallAssignments({ group }: { group: CallGroup }) {
  const { t } = useTranslation('evaluator');
  const { call, assignments } = group;
  const submitted = assignments.filter(({ status }) => status === 'submitted').length;
  const overdue = assignments.filter((assignment) => assignment.overdue).length;
  const next = nextToEvaluate(assignments);
  const headingId = `call-${call.id}`;
  return (
    <Paper component="section" aria-labelledby={headingId} withBorder p="lg" radius="md">
      <Stack gap="md">
        <CallHeading id={headingId} call={call} />
        <Stack gap={6}>
          <Group gap="xs">
            <Text fw={600}>{t('assignments.progress', { count: submitted, total: assignments.length })}</Text>
            {overdue > 0 && <OverdueBadge>{t('assignments.callOverdue', { count: overdue })}</OverdueBadge>}
          </Group>
          <Progress
            value={(100 * submitted) / assignments.length}
            aria-label={t('assignments.progressLabel', { call: call.title })}
            color="teal.9"
          />
        </Stack>
        {next ? (
          <div>
            <NextAssignmentButton next={next} />
          </div>
        ) : (
          <Text>{t('assignments.allSubmitted')}</Text>
        )}
        <AssignmentsTable assignments={assignments} />
      </Stack>
    </Paper>
  );
}

function AssignmentsTable({ assignments }: { assignments: MyAssignment[] }) {
  const { t, i18n } = useTranslation('evaluator');
  // On a phone the table scrolls within itself rather than the page sideways.
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table withTableBorder striped verticalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('assignments.organisation')}</Table.Th>
            <Table.Th scope="col">{t('assignments.country')}</Table.Th>
            <Table.Th scope="col">{t('assignments.status')}</Table.Th>
            <Table.Th scope="col">{t('assignments.due')}</Table.Th>
            <Table.Th scope="col">
              <VisuallyHidden>{t('assignments.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {assignments.map((assignment) => (
            <Table.Tr key={assignment.id}>
              <Table.Th scope="row" fw={600}>
                {assignment.application.organisationName}
              </Table.Th>
              <Table.Td>{countryName(assignment.application.countryCode, i18n.language)}</Table.Td>
              <Table.Td>
                <AssignmentStatusBadge status={assignment.status} />
              </Table.Td>
              <Table.Td>
                <DueDate assignment={assignment} />
              </Table.Td>
              <Table.Td>
                <Group gap="xs" justify="flex-end" wrap="nowrap">
                  <Button component={Link} to={assignmentPath(assignment.id)} size="compact-sm" variant="light">
                    {t(`assignments.open.${assignment.status}`)}
                    <VisuallyHidden>
                      {t('assignments.openContext', { organisation: assignment.application.organisationName })}
                    </VisuallyHidden>
                  </Button>
                  <DeclareConflictButton assignment={assignment} />
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** When the evaluation is due, in the reader's time zone, and whether it is late. */
function DueDate({ assignment }: { assignment: MyAssignment }) {
  const { t, i18n } = useTranslation('evaluator');
  if (!assignment.dueAt) return <Text size="sm">{t('assignments.noDueDate')}</Text>;
  return (
    <Stack gap={4} align="flex-start">
      <Text size="sm">
        <time dateTime={assignment.dueAt}>{formatDateTime(assignment.dueAt, i18n.language)}</time>
      </Text>
      {assignment.overdue && <OverdueBadge />}
    </Stack>
  );
}
