import { describe, expect, it } from 'vitest';
import { enrolments } from '../../importer/kinds/enrolments.js';
import { ikmResponses } from '../../importer/kinds/ikm-responses.js';
import { inputFieldOf, rowOfInput } from '../../importer/single-record.js';

describe("a form's input as a row of an import kind", () => {
  it('names the input field of a column in camelCase', () => {
    expect(inputFieldOf('sub_activity_code')).toBe('subActivityCode');
    expect(inputFieldOf('nip')).toBe('nip');
    expect(inputFieldOf('u1')).toBe('u1');
  });

  it("reads each column from its field in the kind's order, '' for null, given values first", () => {
    const input = {
      satisfaction: 4.5,
      postTest: null,
      preTest: undefined,
      jpEarned: null,
      status: 'COMPLETED',
      offeringCode: 'MNJ-01-12.71-2025-01',
      nip: '19860926 201505 1 001',
    };
    const row = rowOfInput(enrolments, input, { nip: '198609262015051001', jp_earned: '0' });
    // The order is the file's: the run log hashes the row as JSON.
    expect(JSON.stringify(row)).toBe(
      JSON.stringify({
        nip: '198609262015051001',
        offering_code: 'MNJ-01-12.71-2025-01',
        status: 'COMPLETED',
        jp_earned: '0',
        pre_test: '',
        post_test: '',
        satisfaction: '4.5',
      }),
    );
  });

  it('leaves out a column the input has no field for and none is given', () => {
    const input = { unitCode: 'U-1', year: 2025, conductedOn: '2025-03-01', populationServed: 400n, responses: [] };
    expect(rowOfInput(ikmResponses, input, { u2: '3' })).toEqual({
      unit_code: 'U-1',
      year: '2025',
      conducted_on: '2025-03-01',
      population_served: '400',
      u2: '3',
    });
  });
});
