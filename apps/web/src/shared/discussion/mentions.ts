/** `@Name` for the text of a message, once: choosing someone already named there adds nothing. */
export function withMention(body: string, name: string): string {
  const mention = `@${name}`;
  if (body.includes(mention)) return body;
  const separator = body === '' || /\s$/.test(body) ? '' : ' ';
  return `${body}${separator}${mention} `;
}
