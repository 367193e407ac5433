import { QueryFailedError } from 'typeorm';
import { isServiceUnavailable } from './service-unavailable';

function withCode(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

function queryFailed(driverError: Error): QueryFailedError {
  return new QueryFailedError('SELECT 1', [], driverError);
}

describe('isServiceUnavailable', () => {
  it.each([
    ['a refused connection', withCode('connect ECONNREFUSED 127.0.0.1:5432', 'ECONNREFUSED')],
    ['a reset connection', withCode('read ECONNRESET', 'ECONNRESET')],
    ['a connection lost mid-statement', queryFailed(new Error('Connection terminated unexpectedly'))],
    ['a connection that took too long to open', new Error('Connection terminated due to connection timeout')],
    ['no pooled connection in time', new Error('timeout exceeded when trying to connect')],
    ['no answer within query_timeout', queryFailed(new Error('Query read timeout'))],
    ['a statement cancelled by statement_timeout', queryFailed(withCode('canceling statement', '57014'))],
    ['an administrator shutdown', queryFailed(withCode('terminating connection', '57P01'))],
    ['a server starting up', withCode('the database system is starting up', '57P03')],
    ['a connection exception', queryFailed(withCode('connection failure', '08006'))],
    ['too many connections', withCode('sorry, too many clients already', '53300')],
    ['a client closed after an error', new Error('Client has encountered a connection error and is not queryable')],
    ['every address refused', new AggregateError([withCode('connect ECONNREFUSED ::1:5432', 'ECONNREFUSED')])],
    ['a cause that is an outage', new Error('lookup failed', { cause: withCode('refused', 'ECONNREFUSED') })],
    [
      'ioredis giving up',
      Object.assign(new Error('Reached the max retries per request limit'), { name: 'MaxRetriesPerRequestError' }),
    ],
    ['ioredis disconnected', new Error('Connection is closed.')],
    ['ioredis without an answer', new Error('Command timed out')],
  ])('is true of %s', (_name, error) => {
    expect(isServiceUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', queryFailed(withCode('duplicate key value', '23505'))],
    ['a NUL byte refused by PostgreSQL', queryFailed(withCode('invalid byte sequence', '22021'))],
    ['a published cohort', queryFailed(withCode('cohort published', 'CP409'))],
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['something not an error', { code: 'ECONNREFUSED' }],
    ['nothing', undefined],
  ])('is false of %s', (_name, error) => {
    expect(isServiceUnavailable(error)).toBe(false);
  });
});
