import { Anchor, Box, Container, Group, Progress, Text, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet, useLocation, useNavigation } from 'react-router';
import { AccountControls } from './AccountControls';
import { LanguageSwitch } from './LanguageSwitch';
import { MainNavigation } from './MainNavigation';
import classes from './Layout.module.css';

export function Layout() {
  const { t } = useTranslation();
  const navigation = useNavigation();
  useFocusTitleAfterNavigation();
  return (
    <>
      <a href="#main" className={classes.skipLink}>
        {t('layout.skipToContent')}
      </a>
      <Box component="header" className={classes.header}>
        <Container size="lg" py="sm">
          <Group justify="space-between" gap="sm">
            <Anchor component={Link} to="/" fw={700} size="lg" c="inherit" underline="never">
              {t('app.name')}
            </Anchor>
            <Group gap="md">
              <LanguageSwitch />
              <AccountControls />
            </Group>
          </Group>
          <MainNavigation />
        </Container>
      </Box>
      {navigation.state === 'loading' && (
        <div role="status">
          <VisuallyHidden>{t('states.loading')}</VisuallyHidden>
          <Progress value={100} animated size="xs" radius={0} aria-hidden />
        </div>
      )}
      <Container component="main" id="main" size="lg" py="xl" tabIndex={-1} className={classes.main}>
        <Outlet />
      </Container>
      <Box component="footer" className={classes.footer}>
        <Container size="lg" py="md">
          <Text size="sm" c="dimmed">
            {t('layout.footer')}
          </Text>
        </Container>
      </Box>
    </>
  );
}

/** After a navigation (not the first page), the new page's h1 takes the focus. */
function useFocusTitleAfterNavigation(): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    document.querySelector<HTMLElement>('[data-page-title]')?.focus();
  }, [pathname]);
}
