import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { GraphQLLocalDate } from 'graphql-scalars';

const INTEGER = /^-?\d+$/;

/** Money: whole Rupiah, exact. PostgreSQL bigint arrives from pg as a string; it leaves as one too. */
export const RupiahScalar = new GraphQLScalarType<bigint, string>({
  name: 'Rupiah',
  description:
    'An amount in whole Indonesian Rupiah, sent as a string of decimal digits (e.g. "1250000000") so that it stays exact beyond 2^53.',
  serialize(value) {
    if (typeof value === 'bigint') return value.toString();
    if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
    if (typeof value === 'string' && INTEGER.test(value)) return value;
    throw new GraphQLError(`Rupiah cannot represent ${String(value)}: not a whole number`);
  },
  parseValue(value) {
    if (
      (typeof value === 'string' && INTEGER.test(value)) ||
      (typeof value === 'number' && Number.isSafeInteger(value))
    ) {
      return BigInt(value);
    }
    throw new GraphQLError('Rupiah must be a whole number of Rupiah, as a string of digits', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
  parseLiteral(ast) {
    if ((ast.kind === Kind.STRING || ast.kind === Kind.INT) && INTEGER.test(ast.value)) return BigInt(ast.value);
    throw new GraphQLError('Rupiah must be a whole number of Rupiah, as a string of digits', {
      extensions: { code: 'BAD_USER_INPUT' },
    });
  },
});

/** Calendar dates (YYYY-MM-DD) with no time zone: birth dates, TMT dates, survey dates. */
export const LocalDateScalar = GraphQLLocalDate;

/**
 * An amount in whole Rupiah divided by a number of units (participants, JP, IKM points), rounded half
 * up to whole Rupiah; null when there is nothing to divide by. A fractional divisor counts to 6 decimals.
 */
export function rupiahPer(amount: bigint | string, units: number | null): string | null {
  if (units === null || !(units > 0)) return null;
  const scaledUnits = BigInt(Math.round(units * 1_000_000));
  if (scaledUnits <= 0n) return null;
  const scaled = BigInt(amount) * 1_000_000n;
  return ((scaled * 2n + scaledUnits) / (2n * scaledUnits)).toString();
}
