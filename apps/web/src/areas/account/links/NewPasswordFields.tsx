import { PasswordInput } from '@mantine/core';
import type { UseFormReturnType } from '@mantine/form';
import { useTranslation } from 'react-i18next';

/** The password rules of the API (registration, invitations, reset, change): 10 to 200 characters. */
export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 200;

export interface NewPasswordValues {
  password: string;
  confirmation: string;
}

/** The checks of a new password and its confirmation, in the reader's language. */
export function useNewPasswordRules() {
  const { t } = useTranslation(['account', 'common']);
  return {
    password: (value: string) =>
      value.length < PASSWORD_MIN_LENGTH || value.length > PASSWORD_MAX_LENGTH
        ? t('passwords.rule', { count: PASSWORD_MIN_LENGTH })
        : null,
    confirmation: (value: string, values: NewPasswordValues) =>
      value === values.password ? null : t('passwords.mismatch'),
  };
}

/** A new password, typed twice. */
export function NewPasswordFields<T extends NewPasswordValues>({ form }: { form: UseFormReturnType<T> }) {
  const { t } = useTranslation(['account', 'common']);
  return (
    <>
      <PasswordInput
        label={t('passwords.new')}
        description={t('passwords.rule', { count: PASSWORD_MIN_LENGTH })}
        autoComplete="new-password"
        required
        {...form.getInputProps('password')}
      />
      <PasswordInput
        label={t('passwords.confirmation')}
        autoComplete="new-password"
        required
        {...form.getInputProps('confirmation')}
      />
    </>
  );
}
