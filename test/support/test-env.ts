/** Environment of the end-to-end suites: a database of their own, quiet logs. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/accelerator_test';

process.env.NODE_ENV = 'test';
process.env.DATABASE_URL = TEST_DATABASE_URL;
process.env.LOG_LEVEL = process.env.TEST_LOG_LEVEL ?? 'silent';
process.env.BOOTSTRAP_ADMIN_EMAIL = 'admin@test.example';
process.env.BOOTSTRAP_ADMIN_PASSWORD = 'admin-password-123';
process.env.JWT_SECRET = 'test-secret-of-the-e2e-suites';
