import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet } from 'react-router';
import { CallStatusBadge } from '../calls/CallStatusBadge';
import classes from '../secretariat.module.css';
import { callPath, useCall } from './call-route';

const SECTIONS = [
  ['', 'overview'],
  ['applications', 'applications'],
  ['clarifications', 'clarifications'],
  ['panel', 'panel'],
  ['progress', 'progress'],
  ['scoring', 'scoring'],
  ['moderation', 'moderation'],
] as const;

/**
 * Every page about one call: which call it is, and its sections as links (each a page of its own,
 * so the browser's back button and bookmarks work); the section's page brings its own h1.
 */
export function CallLayout() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  return (
    <>
      <Stack gap={2} mb="sm">
        <Group gap="sm">
          <Text fw={700} size="lg">
            {call.title}
          </Text>
          <CallStatusBadge status={call.status} />
        </Group>
        <Text size="sm" c="dimmed">
          {call.reference}
        </Text>
      </Stack>
      <Group component="nav" aria-label={t('call.sections')} gap={0} className={classes.sectionNav}>
        {SECTIONS.map(([path, section]) => (
          <NavLink key={section} to={callPath(call.id, path)} end={path === ''} className={classes.sectionLink}>
            {t(`call.section.${section}`)}
          </NavLink>
        ))}
        {/* The shortlist into each later stage, between the scoring it is made from and the cohort. */}
        {call.stages.slice(1).map((stage) => (
          <NavLink
            key={stage.position}
            to={callPath(call.id, `stages/${stage.position}/shortlist`)}
            className={classes.sectionLink}
          >
            {t('call.section.shortlist', { name: stage.name })}
          </NavLink>
        ))}
        <NavLink to={callPath(call.id, 'cohorts')} className={classes.sectionLink}>
          {t('call.section.cohorts')}
        </NavLink>
      </Group>
      <Outlet />
    </>
  );
}
