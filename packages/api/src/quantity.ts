// Resource quantities (k8s.io/apimachinery api/resource.Quantity): `100m`, `200Mi`, `1e3`, exact arithmetic in
// bigint nano-units, and the canonical text Kubernetes prints (`1500m`, `1536Mi`, `1k`).
import * as E from 'fp-ts/Either';

export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

const NANO_PER_UNIT = 10n ** 9n;

const DECIMAL_SUFFIX_EXPONENT: Record<string, number> = {
  n: -9,
  u: -6,
  m: -3,
  '': 0,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIX_POWER: Record<string, number> = { Ki: 1, Mi: 2, Gi: 3, Ti: 4, Pi: 5, Ei: 6 };
const DECIMAL_SUFFIX_BY_EXPONENT = new Map(Object.entries(DECIMAL_SUFFIX_EXPONENT).map(([s, e]) => [e, s]));
const BINARY_SUFFIX_BY_POWER = new Map(Object.entries(BINARY_SUFFIX_POWER).map(([s, p]) => [p, s]));

export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const QUANTITY_RE = /^([+-]?)([0-9]*)(?:\.([0-9]*))?(.*)$/;

function pow10(n: number): bigint {
  return 10n ** BigInt(n);
}

/** Divides rounding away from zero, as Kubernetes rounds precision it cannot keep ("rounded up"). */
function divAwayFromZero(n: bigint, d: bigint): bigint {
  const q = n / d;
  return q * d === n ? q : n < 0n ? q - 1n : q + 1n;
}

export class Quantity {
  private constructor(
    /** The exact amount in units of 10^-9. */
    readonly nanos: bigint,
    /** How the value was written, which decides how it is printed. */
    readonly format: QuantityFormat,
  ) {}

  static fromNanos(nanos: bigint, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(nanos, format);
  }

  static fromMilli(milli: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(milli) * 10n ** 6n, format);
  }

  static fromInt(n: bigint | number, format: QuantityFormat = 'DecimalSI'): Quantity {
    return new Quantity(BigInt(n) * NANO_PER_UNIT, format);
  }

  static parse(text: string): E.Either<string, Quantity> {
    return parseQuantity(text);
  }

  sign(): -1 | 0 | 1 {
    return this.nanos < 0n ? -1 : this.nanos > 0n ? 1 : 0;
  }

  isZero(): boolean {
    return this.nanos === 0n;
  }

  cmp(other: Quantity): -1 | 0 | 1 {
    return this.nanos < other.nanos ? -1 : this.nanos > other.nanos ? 1 : 0;
  }

  equals(other: Quantity): boolean {
    return this.nanos === other.nanos;
  }

  /** Sum, keeping this quantity's format (Kubernetes' Add keeps the receiver's). */
  add(other: Quantity): Quantity {
    return new Quantity(this.nanos + other.nanos, this.format);
  }

  sub(other: Quantity): Quantity {
    return new Quantity(this.nanos - other.nanos, this.format);
  }

  neg(): Quantity {
    return new Quantity(-this.nanos, this.format);
  }

  /** Whole units, rounded away from zero (Kubernetes' Value). */
  value(): bigint {
    return divAwayFromZero(this.nanos, NANO_PER_UNIT);
  }

  /** Thousandths, rounded away from zero (Kubernetes' MilliValue; CPU is compared in millicores). */
  milliValue(): bigint {
    return divAwayFromZero(this.nanos, 10n ** 6n);
  }

  /** A float approximation, for ratios and display only. */
  toNumber(): number {
    return Number(this.nanos) / 1e9;
  }

  /** The canonical text (Quantity.String in Go). */
  toString(): string {
    return canonicalize(this.nanos, this.format);
  }

  toJSON(): string {
    return this.toString();
  }
}

/** Parses Kubernetes' quantity grammar; precision below 1n is rounded away from zero. */
export function parseQuantity(text: string): E.Either<string, Quantity> {
  if (typeof text !== 'string' || text.length === 0) return E.left(QUANTITY_FORMAT_ERROR);
  const m = QUANTITY_RE.exec(text);
  if (!m) return E.left(QUANTITY_FORMAT_ERROR);
  const [, sign, whole, frac = '', suffix] = m;
  if (whole === '' && frac === '') return E.left(QUANTITY_FORMAT_ERROR);
  let exponent: number;
  let binaryPower = 0;
  let format: QuantityFormat;
  if (Object.hasOwn(DECIMAL_SUFFIX_EXPONENT, suffix)) {
    exponent = DECIMAL_SUFFIX_EXPONENT[suffix];
    format = 'DecimalSI';
  } else if (Object.hasOwn(BINARY_SUFFIX_POWER, suffix)) {
    exponent = 0;
    binaryPower = BINARY_SUFFIX_POWER[suffix];
    format = 'BinarySI';
  } else if (/^[eE][+-]?[0-9]+$/.test(suffix)) {
    exponent = Number.parseInt(suffix.slice(1), 10);
    format = 'DecimalExponent';
    if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 1000) return E.left(QUANTITY_FORMAT_ERROR);
  } else {
    return E.left("unable to parse quantity's suffix");
  }
  // digits × 10^(exponent − fraction length) × 1024^binaryPower, expressed in nanos.
  const digits = BigInt(`${whole}${frac}` || '0') * 1024n ** BigInt(binaryPower);
  const scale = exponent - frac.length + 9;
  const magnitude = scale >= 0 ? digits * pow10(scale) : divAwayFromZero(digits, pow10(-scale));
  return E.right(Quantity.fromNanos(sign === '-' ? -magnitude : magnitude, format));
}

/** For literals known to be valid; a bad literal is a programming error. */
export function mustParseQuantity(text: string): Quantity {
  const q = parseQuantity(text);
  if (E.isLeft(q)) throw new Error(`invalid quantity ${JSON.stringify(text)}: ${q.left}`);
  return q.right;
}

function canonicalize(nanos: bigint, format: QuantityFormat): string {
  if (nanos === 0n) return '0';
  const negative = nanos < 0n;
  const abs = negative ? -nanos : nanos;
  const sign = negative ? '-' : '';
  if (format === 'BinarySI' && abs >= 1024n * NANO_PER_UNIT && abs % NANO_PER_UNIT === 0n) {
    let mantissa = abs / NANO_PER_UNIT;
    let power = 0;
    while (power < 6 && mantissa % 1024n === 0n) {
      mantissa /= 1024n;
      power++;
    }
    return `${sign}${mantissa}${power === 0 ? '' : BINARY_SUFFIX_BY_POWER.get(power)}`;
  }
  // Decimal: mantissa × 10^exponent with the exponent a multiple of 3 and as large as keeps the mantissa whole.
  let mantissa = abs;
  let exponent = -9;
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exponent++;
  }
  while (((exponent % 3) + 3) % 3 !== 0) {
    mantissa *= 10n;
    exponent--;
  }
  if (exponent === 0) return `${sign}${mantissa}`;
  if (format === 'DecimalExponent') return `${sign}${mantissa}e${exponent}`;
  const suffix = DECIMAL_SUFFIX_BY_EXPONENT.get(exponent);
  return suffix === undefined ? `${sign}${mantissa}e${exponent}` : `${sign}${mantissa}${suffix}`;
}
