// Money is held in integer 分 (fen) everywhere. User text is parsed exactly — digit by digit — so that
// "1,234.5678" 万元 becomes 12345678 × 100 分 without ever passing through a binary float.

export type Fen = number;

const FEN_PER_YUAN = 100n;
const FEN_PER_WAN = 1_000_000n;

export type MoneyParse = { ok: true; fen: Fen } | { ok: false; message: string };

function parseScaled(text: string, unitLabel: string, decimals: number, scale: bigint): MoneyParse {
  const cleaned = text.trim().replace(/[,，\s]/g, '');
  if (cleaned === '') return { ok: false, message: `请填写金额（${unitLabel}）` };
  const match = /^(-?)(\d+)(?:\.(\d*))?$/.exec(cleaned);
  if (!match) return { ok: false, message: `“${text}”不是有效的金额，请只填写数字（${unitLabel}）` };
  const [, sign, whole, frac = ''] = match;
  if (frac.length > decimals) {
    return { ok: false, message: `金额“${text}”最多保留 ${decimals} 位小数（${unitLabel}）` };
  }
  const digits = BigInt(whole + frac.padEnd(decimals, '0'));
  const fen = (digits * scale) / 10n ** BigInt(decimals);
  if (fen > BigInt(Number.MAX_SAFE_INTEGER)) return { ok: false, message: `金额“${text}”超出可处理范围` };
  return { ok: true, fen: Number(sign === '-' ? -fen : fen) };
}

/** Parses 万元 text with up to 4 decimals (the precision of the government forms: 1 元). */
export function parseWanYuan(text: string): MoneyParse {
  return parseScaled(text, '万元', 6, FEN_PER_WAN);
}

/** Parses 元 text with up to 2 decimals. */
export function parseYuan(text: string): MoneyParse {
  return parseScaled(text, '元', 2, FEN_PER_YUAN);
}

function formatScaled(fen: Fen, scale: bigint, decimals: number, grouping: boolean): string {
  const negative = fen < 0;
  const abs = BigInt(Math.abs(fen));
  // Round half away from zero at the displayed precision.
  const unit = scale / 10n ** BigInt(decimals);
  const rounded = (abs + unit / 2n) / unit;
  const text = rounded.toString().padStart(decimals + 1, '0');
  let whole = text.slice(0, text.length - decimals);
  const frac = text.slice(text.length - decimals);
  if (grouping) whole = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${negative && rounded !== 0n ? '-' : ''}${whole}${decimals > 0 ? `.${frac}` : ''}`;
}

/** 万元 with 4 decimals, as the forms print it: 12,345.6789 (summary tables sent up print 2: 12,345.68). */
export function formatWanYuan(fen: Fen, { grouping = true, decimals = 4 }: { grouping?: boolean; decimals?: 2 | 4 } = {}): string {
  return formatScaled(fen, FEN_PER_WAN, decimals, grouping);
}

/**
 * 万元 text exact to the 分 (up to 6 decimals), for editing and for files that are imported back, so an
 * untouched amount never rounds; no grouping, no trailing zeros ("1200", "300.5").
 */
export function wanYuanText(fen: Fen): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const fraction = String(abs % 1_000_000).padStart(6, '0').replace(/0+$/, '');
  return `${sign}${Math.floor(abs / 1_000_000)}${fraction ? `.${fraction}` : ''}`;
}

/** 元 with 2 decimals: 1,234.56 */
export function formatYuan(fen: Fen, { grouping = true } = {}): string {
  return formatScaled(fen, FEN_PER_YUAN, 2, grouping);
}
