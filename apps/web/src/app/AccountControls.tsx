import { Anchor, Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { session, useSession } from '../api/session';

/** Who is signed in and a way out; or the ways in. */
export function AccountControls() {
  const { t } = useTranslation();
  const current = useSession();
  const navigate = useNavigate();
  if (current.status === 'restoring') return null;
  if (current.status === 'anonymous') {
    return (
      <Group gap="sm">
        <Anchor component={Link} to="/sign-in">
          {t('account.signIn')}
        </Anchor>
        <Anchor component={Link} to="/register">
          {t('account.register')}
        </Anchor>
      </Group>
    );
  }
  const { displayName, role } = current.me;
  return (
    <Group gap="sm">
      <Text size="sm" data-testid="signed-in-as">
        {t('account.signedInAs', { name: displayName, role: t(`roles.${role}`) })}
      </Text>
      <Button
        variant="default"
        size="compact-sm"
        onClick={() => {
          session.signOut();
          void navigate('/');
        }}
      >
        {t('account.signOut')}
      </Button>
    </Group>
  );
}
