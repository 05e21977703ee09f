import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { parseNip } from '../../subgraphs/personnel/nip.js';

const today = new Date(Date.UTC(2026, 10, 22));

function fieldOf(nip: string): unknown {
  try {
    parseNip(nip, today);
  } catch (error) {
    expect(error).toBeInstanceOf(GraphQLError);
    const { extensions } = error as GraphQLError;
    expect(extensions.code).toBe('BAD_USER_INPUT');
    return extensions.field;
  }
  throw new Error(`${nip} was accepted`);
}

describe('NIP', () => {
  it('parses the example of docs/domain.md, with or without reading spaces', () => {
    expect(parseNip('19860926 201505 1 001', today)).toEqual({
      nip: '198609262015051001',
      birthDate: '1986-09-26',
      appointedYearMonth: '2015-05',
      gender: 'M',
      sequence: 1,
    });
    expect(parseNip('199002142019032003', today).gender).toBe('F');
  });

  it('names the part that is wrong', () => {
    expect(fieldOf('1986092620150510')).toBe('nip');
    expect(fieldOf('19860231 201505 1 001')).toBe('nip.birthDate'); // 31 February
    expect(fieldOf('19861326 201505 1 001')).toBe('nip.birthDate');
    expect(fieldOf('19860926 201513 1 001')).toBe('nip.appointment'); // month 13
    expect(fieldOf('19860926 200309 1 001')).toBe('nip.appointment'); // the month of the 18th birthday
    expect(fieldOf('19860926 202701 1 001')).toBe('nip.appointment'); // in the future
    expect(fieldOf('19860926 201505 3 001')).toBe('nip.gender');
    expect(fieldOf('19860926 201505 1 000')).toBe('nip.sequence');
  });

  it('accepts the first month after the 18th birthday month', () => {
    expect(parseNip('19860926 200410 2 002', today).appointedYearMonth).toBe('2004-10');
  });
});
