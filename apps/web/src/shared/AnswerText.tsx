import { Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnswerValue, Call, Person } from '../api/types';
import { optionLabel } from './call-texts';

const PERSON_PARTS = ['name', 'title', 'email', 'role'] as const;

interface AnswerTextProps {
  value: AnswerValue | undefined;
  /** The call and the question's key, to show a person's role as the reader reads it (translated). */
  call?: Call | null;
  questionKey: string;
  /** What stands for no answer. */
  empty?: string;
}

/** An answer as read: a text or a number as it is, the people a people question names as a small table. */
export function AnswerText({ value, call, questionKey, empty = '—' }: AnswerTextProps) {
  if (value === undefined || (Array.isArray(value) && value.length === 0)) return <>{empty}</>;
  if (!Array.isArray(value)) return <>{String(value)}</>;
  return <PeopleTable people={value} roleLabel={(role) => (call ? optionLabel(call, questionKey, role) : role)} />;
}

function PeopleTable({ people, roleLabel }: { people: Person[]; roleLabel: (role: string) => string }) {
  const { t } = useTranslation('common');
  return (
    <Table withRowBorders={false} verticalSpacing={2} horizontalSpacing="xs" style={{ whiteSpace: 'normal' }}>
      <Table.Thead>
        <Table.Tr>
          {PERSON_PARTS.map((part) => (
            <Table.Th key={part} fw={600}>
              {t(`people.${part}`)}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {people.map((person, index) => (
          <Table.Tr key={index}>
            <Table.Td>{person.name}</Table.Td>
            <Table.Td>{person.title}</Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{person.email}</Table.Td>
            <Table.Td>{person.role ? roleLabel(person.role) : ''}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
