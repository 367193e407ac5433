import { Table } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Call } from '../api/types';
import { formatNumber } from './format';
import { SessionTime } from './SessionTime';

type Session = Call['sessions'][number];

/**
 * A registration call's sessions with their time in Geneva and their seats; with `taken`, a column of
 * the seats given away too. The headers come from the page's own catalogue; `title` shows a session's
 * title otherwise than as plain text (marked as English where it is not translated).
 */
export function SessionsTable({
  sessions,
  headers,
  taken,
  title = (session) => session.title,
}: {
  sessions: Session[];
  headers: { session: string; time: string; capacity: string; taken?: string };
  taken?: (session: Session) => string;
  title?: (session: Session) => ReactNode;
}) {
  const { i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={taken ? 560 : 480}>
      <Table withTableBorder>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{headers.session}</Table.Th>
            <Table.Th scope="col">{headers.time}</Table.Th>
            <Table.Th scope="col">{headers.capacity}</Table.Th>
            {taken && <Table.Th scope="col">{headers.taken}</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sessions.map((session) => (
            <Table.Tr key={session.key}>
              <Table.Th scope="row">{title(session)}</Table.Th>
              <Table.Td>
                <SessionTime startsAt={session.startsAt} endsAt={session.endsAt} />
              </Table.Td>
              <Table.Td>{formatNumber(session.capacity, i18n.language)}</Table.Td>
              {taken && <Table.Td>{taken(session)}</Table.Td>}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
