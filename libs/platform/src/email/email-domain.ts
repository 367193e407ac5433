/**
 * The domain of an address, lower-cased: what follows its last `@` (a quoted local part may hold
 * one), without a trailing dot; empty without an `@`. Identity groups an organisation's members by
 * it and evaluation finds conflicts of interest with it, so both must read an address alike.
 */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@');
  return at < 0
    ? ''
    : email
        .slice(at + 1)
        .trim()
        .toLowerCase()
        .replace(/\.$/, '');
}
