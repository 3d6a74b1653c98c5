/** Char codes of the hex digits, for {@link hex64}. */
const HEX = Array.from('0123456789abcdef', (c) => c.charCodeAt(0));

/** Two 32-bit words as 16 lowercase hex digits, built as one flat string. */
function hex64(a: number, b: number): string {
  return String.fromCharCode(
    HEX[(a >>> 28) & 15] as number,
    HEX[(a >>> 24) & 15] as number,
    HEX[(a >>> 20) & 15] as number,
    HEX[(a >>> 16) & 15] as number,
    HEX[(a >>> 12) & 15] as number,
    HEX[(a >>> 8) & 15] as number,
    HEX[(a >>> 4) & 15] as number,
    HEX[a & 15] as number,
    HEX[(b >>> 28) & 15] as number,
    HEX[(b >>> 24) & 15] as number,
    HEX[(b >>> 20) & 15] as number,
    HEX[(b >>> 16) & 15] as number,
    HEX[(b >>> 12) & 15] as number,
    HEX[(b >>> 8) & 15] as number,
    HEX[(b >>> 4) & 15] as number,
    HEX[b & 15] as number,
  );
}

// `| 0` keeps both lanes int32 from the start (0x811c9dc5 is above 2^31): the same bits.
const SEED1 = 0x811c9dc5 | 0;
const SEED2 = (0x01000193 ^ 0x5bd1e995) | 0;

/** The state of {@link hash64} after some text, to go on from. */
export interface HashState {
  readonly h1: number;
  readonly h2: number;
}

export const HASH_START: HashState = { h1: SEED1, h2: SEED2 };

/**
 * {@link hash64} of a text given in parts, without joining them: `new Hash64().update(a)
 * .update(b).digest()` is `hash64(a + b)`. A state taken after a common prefix can be resumed
 * for every text that starts with it. One instance is reused: it holds no text.
 */
export class Hash64 {
  private h1 = SEED1;
  private h2 = SEED2;

  /** Starts over from a state (the start, or one taken with {@link state}). */
  from(state: HashState): this {
    this.h1 = state.h1;
    this.h2 = state.h2;
    return this;
  }

  /** Hashes `text.slice(start)`. */
  update(text: string, start = 0): this {
    let h1 = this.h1;
    let h2 = this.h2;
    for (let i = start; i < text.length; i++) {
      const c = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    }
    this.h1 = h1;
    this.h2 = h2;
    return this;
  }

  state(): HashState {
    return { h1: this.h1, h2: this.h2 };
  }

  digest(): string {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (h1 >>> 16), 0x85ebca6b) ^ Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 0x85ebca6b) ^ Math.imul(h1 ^ (h1 >>> 13), 0xc2b2ae35);
    return hex64(h1, h2);
  }
}

const sharedHash = new Hash64();

/**
 * A fast, stable 64-bit string hash (two 32-bit FNV-1a style lanes), as 16 hex digits.
 * Not cryptographic: it names findings, it does not protect anything.
 */
export function hash64(text: string): string {
  return sharedHash.from(HASH_START).update(text).digest();
}
