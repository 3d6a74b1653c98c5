import { createHash } from 'node:crypto';

function sha1(input: string): string {
  return createHash('sha1').update(input).digest('hex');
}

/** A UUID (version 5 layout) derived from a name: the same name gives the same uid every run. */
export function stableUid(name: string): string {
  const h = sha1(`aigov-demo-cluster/${name}`);
  const variant = ((parseInt(h.slice(16, 18), 16) & 0x3f) | 0x80).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(18, 20)}-${h.slice(20, 32)}`;
}

const POD_NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * A suffix in the alphabet the API server uses for generated names (`chat-assistant-7c9dx`),
 * derived from a seed.
 */
export function stableSuffix(seed: string, length = 5): string {
  const h = sha1(seed);
  let out = '';
  for (let i = 0; i < length; i++) {
    out += POD_NAME_ALPHABET[parseInt(h.slice(i * 2, i * 2 + 2), 16) % POD_NAME_ALPHABET.length];
  }
  return out;
}

/** A pod-template-hash style value (`7d9f8b6c5d`), derived from a seed. */
export function stableTemplateHash(seed: string): string {
  return stableSuffix(`template/${seed}`, 10);
}

/** A number in [0, 1) derived from a seed. */
export function stableFraction(seed: string): number {
  return parseInt(sha1(seed).slice(0, 8), 16) / 0x100000000;
}
