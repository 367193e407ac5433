import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, chooseLanguage } from '../i18n';

/** One button per language, each named in its own language (and marked so with `lang`). */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <Group role="group" aria-label={t('layout.language')} gap={4}>
      {LANGUAGES.map(({ code, name }) => {
        const active = i18n.language === code;
        return (
          <Button
            key={code}
            lang={code}
            size="compact-sm"
            variant={active ? 'filled' : 'subtle'}
            aria-pressed={active}
            onClick={() => chooseLanguage(code)}
          >
            {name}
          </Button>
        );
      })}
    </Group>
  );
}
