import { describe, expect, it } from 'vitest';
import { issuesFromZod } from '../../shared/ipc/result';
import {
  characteristicOptions,
  codeIn,
  ETHNICITIES,
  ETHNICITY_LABELS,
  ethnicityLabel,
  ethnicitySchema,
  GENDER_LABELS,
  genderLabel,
  genderSchema,
  GENDERS,
  SEND_LABELS,
  SEND_STATUSES,
  sendLabel,
  sendSchema,
} from '../../shared/schemas/child-characteristics';

describe('the Croydon form’s lists: gender, ethnicity, SEND', () => {
  it('are the national lists, codes with labels', () => {
    expect(Object.entries(GENDER_LABELS)).toEqual([
      ['female', 'Female'],
      ['male', 'Male'],
      ['other', 'Other'],
      ['not-known', 'Not known'],
      ['unborn', 'Unborn child'],
    ]);
    expect(ETHNICITIES.map((code) => `${code} ${ETHNICITY_LABELS[code]}`)).toEqual([
      'WBRI White British',
      'WIRI White Irish',
      'WIRT Traveller of Irish heritage',
      'WOTH Any other White background',
      'WROM Gypsy/Roma',
      'MWBC White and Black Caribbean',
      'MWBA White and Black African',
      'MWAS White and Asian',
      'MOTH Any other mixed background',
      'AIND Indian',
      'APKN Pakistani',
      'ABAN Bangladeshi',
      'AOTH Any other Asian background',
      'BCRB Caribbean',
      'BAFR African',
      'BOTH Any other Black background',
      'CHNE Chinese',
      'OOTH Any other ethnic group',
      'REFU Refused',
      'NOBT Information not yet obtained',
    ]);
    expect(Object.entries(SEND_LABELS)).toEqual([
      ['none', 'No special educational needs'],
      ['sen-support', 'SEN support'],
      ['ehc-plan', 'Education, health and care (EHC) plan'],
      ['being-assessed', 'Being assessed'],
      ['not-known', 'Not known'],
    ]);
  });

  it.each([
    [genderSchema, GENDERS, 'Choose the child’s gender from the list'],
    [ethnicitySchema, ETHNICITIES, 'Choose the child’s ethnicity from the list'],
    [sendSchema, SEND_STATUSES, 'Choose the child’s SEND from the list'],
  ] as const)('accept a code or nothing, and refuse anything else saying what to do', (schema, codes, message) => {
    for (const code of codes) expect(schema.parse(code)).toBe(code);
    for (const blank of [undefined, null, '']) expect(schema.parse(blank)).toBeNull();
    for (const other of ['Female', 'White British', 'EHC plan', ' male', 'wbri', 3]) {
      const result = schema.safeParse(other);
      expect(result.success).toBe(false);
      if (!result.success) expect(issuesFromZod(result.error)).toEqual([{ path: '', message }]);
    }
  });

  it('show a code as its label, free text recorded before the lists as recorded, and nothing as nothing', () => {
    expect(genderLabel('unborn')).toBe('Unborn child');
    expect(ethnicityLabel('MWAS')).toBe('White and Asian');
    expect(sendLabel('ehc-plan')).toBe('Education, health and care (EHC) plan');
    expect(ethnicityLabel(' Mixed: White and Asian ')).toBe('Mixed: White and Asian');
    expect(genderLabel('Not stated')).toBe('Not stated');
    for (const nothing of [null, undefined, '', '  ']) expect(sendLabel(nothing)).toBeNull();
  });

  it('offer a blank “Not recorded” option first, and read a chosen option back as a code', () => {
    expect(characteristicOptions(GENDERS, GENDER_LABELS).slice(0, 2)).toEqual([
      { value: '', text: 'Not recorded' },
      { value: 'female', text: 'Female' },
    ]);
    expect(characteristicOptions(ETHNICITIES, ETHNICITY_LABELS)).toHaveLength(21);
    expect(codeIn(SEND_STATUSES, 'sen-support')).toBe('sen-support');
    expect(codeIn(SEND_STATUSES, '')).toBeNull();
    expect(codeIn(SEND_STATUSES, 'SEN support')).toBeNull();
  });
});
