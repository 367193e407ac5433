import { Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useSession } from '../api/session';
import { AREAS } from './areas';
import classes from './Layout.module.css';

/**
 * The areas' links that the reader's role may use; NavLink marks the current one (aria-current).
 * Their labels are in their areas' catalogues: a link shows once its catalogue is fetched.
 */
export function MainNavigation() {
  const current = useSession();
  const role = current.status === 'signed-in' ? current.me.role : undefined;
  const items = AREAS.flatMap(({ navigation, namespace }) =>
    navigation
      .filter((item) => !item.roles || (role !== undefined && item.roles.includes(role)))
      .map((item) => ({ ...item, namespace })),
  );
  const { t, i18n } = useTranslation([...new Set(items.map((item) => item.namespace))], { useSuspense: false });
  return (
    <Group component="nav" aria-label={t('layout.navigation', { ns: 'common' })} gap="xs" mt="xs">
      {items
        .filter((item) => i18n.hasLoadedNamespace(item.namespace))
        .map((item) => (
          <NavLink key={item.to} to={item.to} end={item.to === '/'} className={classes.navLink}>
            {item.label()}
          </NavLink>
        ))}
    </Group>
  );
}
