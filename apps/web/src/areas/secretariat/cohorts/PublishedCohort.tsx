import { Anchor, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { documentLanguage } from '../../../i18n/api-languages';
import { LANGUAGES } from '../../../i18n/languages';
import { DateTime } from '../../../shared/DateTime';

interface PublishedCohortProps {
  cohortId: string;
  publishedAt: string;
  contentHash: string;
}

/**
 * What publication produced: when, the fingerprint anyone can check, the public page, the list of
 * centres, and the annex and the circular in each language the API writes documents in.
 */
export function PublishedCohort({ cohortId, publishedAt, contentHash }: PublishedCohortProps) {
  const { t } = useTranslation('secretariat');
  const annexes = `/api/v1/public/cohorts/${encodeURIComponent(cohortId)}`;
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="publication">
      <Title order={2} id="publication" mb="sm">
        {t('cohorts.published.title')}
      </Title>
      <Stack gap="sm">
        <Text>
          {t('cohorts.published.at')} <DateTime value={publishedAt} />
        </Text>
        <div>
          <Text fw={600} id="content-hash">
            {t('cohorts.published.contentHash')}
          </Text>
          <Code
            block
            aria-labelledby="content-hash"
            data-testid="content-hash"
            style={{ overflowWrap: 'anywhere', whiteSpace: 'normal' }}
          >
            {contentHash}
          </Code>
          <Text size="sm" c="dimmed" mt={4}>
            {t('cohorts.published.contentHashHint')}
          </Text>
        </div>
        <Group gap="lg">
          <Anchor component={Link} to={`/cohorts/${encodeURIComponent(cohortId)}`}>
            {t('cohorts.published.publicPage')}
          </Anchor>
          <Anchor href={`${annexes}/annex.csv`} download>
            {t('cohorts.published.annexCsv')}
          </Anchor>
        </Group>
        <DocumentInEachLanguage id="annex-pdf" label={t('cohorts.published.annexPdf')} href={`${annexes}/annex.pdf`} />
        <DocumentInEachLanguage
          id="circular-pdf"
          label={t('cohorts.published.circularPdf')}
          href={`${annexes}/circular.pdf`}
        />
      </Stack>
    </Paper>
  );
}

/** The languages documents are written in, each named in its own script and direction. */
const DOCUMENT_LANGUAGES = LANGUAGES.filter(({ code }) => documentLanguage(code) === code);

/**
 * One document's links, one per language, each named in that language (a reader finds theirs
 * whatever the page's language), marked with it (`lang`, `dir`) and with the language of what it
 * opens (`hreflang`); the list is named by the document.
 */
function DocumentInEachLanguage({ id, label, href }: { id: string; label: string; href: string }) {
  return (
    <div>
      <Text fw={600} id={id}>
        {label}
      </Text>
      <Group component="ul" aria-labelledby={id} gap="lg" m={0} p={0} style={{ listStyle: 'none' }}>
        {DOCUMENT_LANGUAGES.map(({ code, name, dir }) => (
          <li key={code}>
            <Anchor href={`${href}?lang=${code}`} lang={code} dir={dir} hrefLang={code} download>
              {name}
            </Anchor>
          </li>
        ))}
      </Group>
    </div>
  );
}
