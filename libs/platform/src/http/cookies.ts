/** The value of a cookie in a `Cookie` header, decoded; undefined when absent or not decodable. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key !== name) continue;
    try {
      return decodeURIComponent(value.join('=').trim());
    } catch {
      return undefined; // a malformed escape is no value, not a server error
    }
  }
  return undefined;
}
