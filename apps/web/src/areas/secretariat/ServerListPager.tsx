import { OffsetPager } from '../../shared/OffsetPager';
import type { ServerList, ServerListPage } from './list-search';

interface Props {
  /** What the pages are of, as the navigation landmark's name. */
  label: string;
  list: ServerList<string>;
  page: ServerListPage<unknown>;
}

/** The pager of a table that pages on the server by an offset parameter of its own. */
export function ServerListPager({ label, list, page }: Props) {
  return (
    <OffsetPager
      label={label}
      offset={page.offset}
      total={page.total}
      pageSize={list.pageSize}
      parameter={list.offsetParameter}
    />
  );
}
