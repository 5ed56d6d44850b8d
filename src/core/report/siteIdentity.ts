// Stable identities for call sites, to match them across edits: by file, enclosing function, the
// API called (or the user function a wrapper call goes through) and the order among such calls in
// that function — never by line number, so an unrelated edit above a site keeps its identity.

export interface SiteKeyParts {
  readonly file: string;
  readonly function: string;
  readonly sdk: string;
  readonly api: string;
  readonly through: string | null;
}

/** The identities of a report's findings, given in report order (files, then document order). */
export function siteIds(findings: readonly SiteKeyParts[]): string[] {
  const seen = new Map<string, number>();
  return findings.map((f) => {
    const base = `${f.file} › ${f.function} › ${f.through ? `${f.through}()` : `${f.sdk} ${f.api}`}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return `${base} #${n}`;
  });
}

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = (1n << 64n) - 1n;

/** 64-bit FNV-1a of the identity's UTF-8 bytes, as 16 hex digits (SARIF's partialFingerprints). */
export function fingerprint(id: string): string {
  let h = FNV_OFFSET;
  for (const byte of new TextEncoder().encode(id)) h = ((h ^ BigInt(byte)) * FNV_PRIME) & MASK;
  return h.toString(16).padStart(16, "0");
}
