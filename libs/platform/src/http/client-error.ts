import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { codeForStatus, problemTitle } from '../errors';

const STATUS_BY_PARSER_ERROR: Record<string, number> = {
  HPE_HEADER_OVERFLOW: 431,
  ERR_HTTP_REQUEST_TIMEOUT: 408,
};

const DETAILS: Record<number, string> = {
  400: 'The request is not valid HTTP.',
  408: 'The request took too long to arrive.',
  431: 'The request headers are too large.',
};

const REASONS: Record<number, string> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Requests Node's HTTP parser refuses (oversized headers, malformed request lines) never reach the
 * framework; without this Node answers them with a bare status line. Answers problem+json instead.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (error.code === 'ECONNRESET' || !socket.writable) {
      socket.destroy();
      return;
    }
    socket.end(rawProblemResponse(STATUS_BY_PARSER_ERROR[error.code ?? ''] ?? 400));
  });
}

function rawProblemResponse(status: number): string {
  const code = codeForStatus(status);
  const body = JSON.stringify({
    type: `urn:problem:${code.toLowerCase().replace(/_/g, '-')}`,
    title: problemTitle(code, 'en'),
    status,
    detail: DETAILS[status],
    code,
  });
  return [
    `HTTP/1.1 ${status} ${REASONS[status]}`,
    'Content-Type: application/problem+json; charset=utf-8',
    'Content-Language: en',
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
    '',
    body,
  ].join('\r\n');
}
