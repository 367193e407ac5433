import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../api/session';
import { AREAS } from './areas';
import classes from './Layout.module.css';

/** The areas' links that the reader's role may use; NavLink marks the current one (aria-current). */
export function MainNavigation() {
  const { t } = useTranslation();
  const current = useSession();
  const role = current.status === 'signed-in' ? current.me.role : undefined;
  const items = AREAS.flatMap((area) => area.navigation).filter(
    (item) => !item.roles || (role !== undefined && item.roles.includes(role)),
  );
  return (
    <Group component="nav" aria-label={t('layout.navigation')} gap="xs" mt="xs">
      {items.map((item) => (
        <NavLink key={item.to} to={item.to} end={item.to === '/'} className={classes.navLink}>
          {item.label()}
        </NavLink>
      ))}
    </Group>
  );
}
