import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { fingerprintText } from '../../src/core/fingerprint.ts';
import { packFingerprint, unpackFingerprint } from '../../src/library/stored-fingerprint.ts';
import { seedText } from '../helpers.ts';

describe('stored fingerprints', () => {
  const { fingerprint } = fingerprintText(seedText('original-cnbc'));

  it('come back exactly as packed', () => {
    expect(unpackFingerprint(structuredClone(packFingerprint(fingerprint)))).toEqual(fingerprint);
    const empty = fingerprintText('').fingerprint;
    expect(unpackFingerprint(packFingerprint(empty))).toEqual(empty);
  });

  it('take less than half the room of the fingerprint as lists of numbers (as IndexedDB clones them)', () => {
    const packed = serialize(packFingerprint(fingerprint)).length;
    expect(packed).toBeLessThan(serialize(fingerprint).length / 2);
  });

  it('refuse a layout that does not add up', () => {
    const { version, packed } = packFingerprint(fingerprint);
    expect(unpackFingerprint({ version, packed: packed.subarray(0, packed.length - 1) })).toBeUndefined();
    expect(unpackFingerprint({ version, packed: Uint32Array.of(5) })).toBeUndefined();
    expect(unpackFingerprint({ version, packed: new Uint32Array(0) })).toBeUndefined();
    const longer = new Uint32Array(packed.length + 1);
    longer.set(packed);
    expect(unpackFingerprint({ version, packed: longer })).toBeUndefined();
    expect(unpackFingerprint({ version, packed: [1, 2, 3] as unknown as Uint32Array })).toBeUndefined();
  });
});
