// Community names that look like Shanghai's: '<stem>居民区', '<stem>第二居民区', '<x>村'.
import type { StreetDef } from './types';

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Hands out unique community names within one street. */
export class CommunityNamer {
  private readonly taken = new Set<string>();
  private stemIndex = 0;
  private villageIndex = 0;

  constructor(private readonly street: StreetDef) {}

  /** A residents' committee name; `fixed` is used verbatim when given. */
  residential(fixed?: string): string {
    if (fixed) return this.claim(fixed);
    const stems = this.street.stems;
    for (let guard = 0; guard < stems.length * CN_NUMERALS.length; guard++) {
      const stem = stems[this.stemIndex % stems.length];
      const round = Math.floor(this.stemIndex / stems.length);
      this.stemIndex++;
      const name = round === 0 ? `${stem}居民区` : `${stem}第${CN_NUMERALS[round]}居民区`;
      if (!this.taken.has(name)) return this.claim(name);
    }
    throw new Error(`${this.street.name}: ran out of community names`);
  }

  /** The next village committee name of the street's list. */
  village(): string {
    const villages = this.street.villages ?? [];
    if (this.villageIndex >= villages.length)
      throw new Error(`${this.street.name}: ran out of village names`);
    return this.claim(villages[this.villageIndex++]);
  }

  private claim(name: string): string {
    if (this.taken.has(name)) throw new Error(`${this.street.name}: duplicate community name ${name}`);
    this.taken.add(name);
    return name;
  }
}
