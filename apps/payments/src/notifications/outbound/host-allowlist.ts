/** `*.example.com` matches subdomains only; anything else must match the host exactly. */
export function hostAllowed(host: string, patterns: string[] | undefined): boolean {
  if (!patterns) return true;
  const h = host.toLowerCase();
  return patterns.some((p) => (p.startsWith('*.') ? h.endsWith(p.slice(1)) && h.length > p.length - 1 : h === p));
}
