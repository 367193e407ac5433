import { Anchor, Table } from '@mantine/core';
import { Link, useSearchParams } from 'react-router';
import { withListParameter } from './list-search';

interface Props {
  label: string;
  /** The API's sort key of this column. */
  sortKey: string;
  /** The list's order now, as the API's `sort` (descending with a leading `-`). */
  sort: string;
  /** The order the address leaves out: the API's default. */
  defaultSort: string;
  /** The address parameters of the order and of the list's page (which a new order resets), if it pages. */
  parameter?: string;
  pageParameter?: string;
  /** The column's alignment, as its cells' (numbers at the end of the line: the right, or the left in Arabic). */
  ta?: 'end';
  /** The order of the first press: a measure where the largest matters (a score, a spread) starts from the top. */
  firstOrder?: 'ascending' | 'descending';
}

const ARROWS = { ascending: '↑', descending: '↓', none: '↕' } as const;

/**
 * A column header that orders the list on the server: a link to the list sorted by its column
 * (ascending first unless told otherwise, then the other way), which a keyboard reaches and follows
 * like any link; `aria-sort` tells assistive technologies the order shown.
 */
export function SortableHeader({
  label,
  sortKey,
  sort,
  defaultSort,
  parameter = 'sort',
  pageParameter,
  ta,
  firstOrder = 'ascending',
}: Props) {
  const [params] = useSearchParams();
  const state = sort === sortKey ? 'ascending' : sort === `-${sortKey}` ? 'descending' : 'none';
  const descending = state === 'none' ? firstOrder === 'descending' : state === 'ascending';
  const next = descending ? `-${sortKey}` : sortKey;
  const target = withListParameter(params, parameter, next === defaultSort ? '' : next, pageParameter);
  return (
    <Table.Th scope="col" aria-sort={state} ta={ta}>
      <Anchor component={Link} to={`?${target.toString()}`} fw={700} c="inherit" underline="hover">
        {label}
        <span aria-hidden="true"> {ARROWS[state]}</span>
      </Anchor>
    </Table.Th>
  );
}
