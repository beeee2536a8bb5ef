// @ts-check
// Deterministic pseudo-random numbers for the benchmark data (never Math.random): mulberry32
// seeded by an FNV-1a hash of a string, one stream per entity so the data is stable.
'use strict';

/** FNV-1a 32-bit hash of a string. */
function hashString(s) {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

class Rng {
  /** @param {number | string} seed */
  constructor(seed) {
    let a = (typeof seed === 'string' ? hashString(seed) : seed) >>> 0;
    /** @returns {number} a float in [0, 1) (mulberry32, public domain) */
    this.float = () => {
      a = (a + 0x6d2b79f5) >>> 0;
      let t = a;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /** float in [min, max) */
  range(min, max) {
    return min + (max - min) * this.float();
  }

  /** integer in [min, max], both inclusive */
  int(min, max) {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p) {
    return this.float() < p;
  }

  /**
   * @template T
   * @param {readonly T[]} items
   * @returns {T}
   */
  pick(items) {
    if (items.length === 0) throw new Error('Rng.pick: empty list');
    return items[Math.floor(this.float() * items.length)];
  }

  /**
   * k distinct items (all of them when k >= length), partial Fisher–Yates on a copy.
   * @template T
   * @param {readonly T[]} items
   * @param {number} k
   * @returns {T[]}
   */
  sample(items, k) {
    const out = items.slice();
    const n = Math.min(Math.max(0, k), out.length);
    for (let i = 0; i < n; i++) {
      const j = i + Math.floor(this.float() * (out.length - i));
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out.slice(0, n);
  }

  /** a point uniformly inside an ellipse of radii rxKm (east) and ryKm (north) around (lat, lng) */
  pointInEllipse(lat, lng, rxKm, ryKm) {
    const r = Math.sqrt(this.float());
    const a = this.float() * 2 * Math.PI;
    return offsetKm(lat, lng, r * rxKm * Math.cos(a), r * ryKm * Math.sin(a));
  }

  digits(n) {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.float() * 10));
    return s;
  }
}

/** Moves a point by east/north kilometres (small distances, spherical approximation). */
function offsetKm(lat, lng, eastKm, northKm) {
  const dLat = northKm / 111.195;
  const dLng = eastKm / (111.195 * Math.cos((lat * Math.PI) / 180));
  return { lat: lat + dLat, lng: lng + dLng };
}

module.exports = { Rng, hashString, offsetKm };
