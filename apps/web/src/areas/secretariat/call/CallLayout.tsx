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

/** A registration call is not evaluated: no panel, progress, scoring, moderation nor cohort. */
const REGISTRATION_SECTIONS: readonly string[] = ['overview', 'applications', 'clarifications'];

/**
 * Every page about one call: which call it is, and its sections as links (each a page of its own,
 * so the browser's back button and bookmarks work); the section's page brings its own h1.
 */
export function CallLayout() {
  const { t } = useTranslation('secretariat');
  const call = useCall();
  const registration = call.kind === 'registration';
  const sections = registration ? SECTIONS.filter(([, section]) => REGISTRATION_SECTIONS.includes(section)) : SECTIONS;
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
        {sections.map(([path, section]) => (
          <NavLink key={section} to={callPath(call.id, path)} end={path === ''} className={classes.sectionLink}>
            {t(`call.section.${section}`)}
          </NavLink>
        ))}
        {registration && call.sessions.length > 0 && (
          <NavLink to={callPath(call.id, 'sessions')} className={classes.sectionLink}>
            {t('call.section.sessions')}
          </NavLink>
        )}
        {/* The shortlist into each later stage, between the scoring it is made from and the cohort. */}
        {!registration &&
          call.stages.slice(1).map((stage) => (
            <NavLink
              key={stage.position}
              to={callPath(call.id, `stages/${stage.position}/shortlist`)}
              className={classes.sectionLink}
            >
              {t('call.section.shortlist', { name: stage.name })}
            </NavLink>
          ))}
        {!registration && (
          <NavLink to={callPath(call.id, 'cohorts')} className={classes.sectionLink}>
            {t('call.section.cohorts')}
          </NavLink>
        )}
      </Group>
      <Outlet />
    </>
  );
}
