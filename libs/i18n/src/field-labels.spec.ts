import { fieldLabel } from './field-labels';
import { translate } from './i18n';

describe('fieldLabel', () => {
  it.each([
    ['memberships.0.unitId', 'Unit (keanggotaan 1)', 'Unit (membership 1)'],
    ['rows[2].scheduledAt', 'Waktu terbit (baris 2)', 'Publish time (row 2)'],
    ['nameId', 'Nama (bahasa Indonesia)', 'Name (Indonesian)'],
    ['endsOn', 'Tanggal selesai', 'End date'],
    ['mediaIds[0]', 'Media 1', 'Media 1'],
    ['targets[1].accountId', 'Akun (akun tujuan 2)', 'Account (target account 2)'],
    ['somethingNew', 'somethingNew', 'somethingNew'],
  ])('%s is "%s" / "%s"', (field, id, en) => {
    expect([fieldLabel('id', field), fieldLabel('en', field)]).toEqual([id, en]);
  });

  it('says languages and statuses in words in every message', () => {
    expect(translate('id', 'content.post.wrongStatus', { status: 'in_review' })).toBe(
      'Langkah ini tidak dapat dilakukan pada unggahan berstatus "Sedang ditinjau".',
    );
    expect(translate('en', 'content.target.variantMissing', { account: 'kel_batutulis', language: 'en' })).toBe(
      'Account kel_batutulis uses English, but there is no text in that language.',
    );
  });
});
