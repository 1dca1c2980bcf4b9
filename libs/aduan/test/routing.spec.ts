import { ComplaintClassifier, defaultModel, KOTA_BOGOR, PlaceMatcher, Router, seedAgencyUnits, seedPlaceUnits } from '@kabar/aduan';

describe('aduan: routing category → OPD, plus the kelurahan', () => {
  const router = new Router(KOTA_BOGOR.routing, seedAgencyUnits());

  it.each([
    ['kemacetan', '32.71.OPD.DISHUB', 'Dinas Perhubungan'],
    ['parkir_liar', '32.71.OPD.DISHUB', 'Dinas Perhubungan'],
    ['angkutan_umum', '32.71.OPD.DISHUB', 'Dinas Perhubungan'],
    ['penerangan_jalan', '32.71.OPD.DISHUB', 'Dinas Perhubungan'],
    ['sampah_kebersihan', '32.71.OPD.DLH', 'Dinas Lingkungan Hidup'],
    ['jalan_rusak', '32.71.OPD.DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
    ['saluran_air_banjir', '32.71.OPD.DPUPR', 'Dinas Pekerjaan Umum dan Penataan Ruang'],
    ['pkl', '32.71.OPD.SATPOLPP', 'Satuan Polisi Pamong Praja'],
    ['layanan_administrasi', '32.71.OPD.DISDUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil'],
    ['kesehatan', '32.71.OPD.DINKES', 'Dinas Kesehatan'],
    ['pendidikan', '32.71.OPD.DISDIK', 'Dinas Pendidikan'],
  ])('%s → %s', (category, code, name) => {
    // seedAgencyUnits uses the code as the unit id
    expect(router.agencyFor(category)).toEqual({ unitId: code, code, name });
  });

  it('routes "lainnya" and unknown categories to no OPD (Diskominfo triages)', () => {
    expect(router.agencyFor('lainnya')).toBeNull();
    expect(router.agencyFor('tidak_ada')).toBeNull();
    expect(router.agencyFor(null)).toBeNull();
  });

  it('names a configured agency missing from the unit tree, without a unit id', () => {
    const partial = new Router(
      KOTA_BOGOR.routing,
      seedAgencyUnits().filter((u) => u.code !== '32.71.OPD.DISDIK'),
    );
    expect(partial.agencyFor('pendidikan')).toEqual({ unitId: null, code: '32.71.OPD.DISDIK', name: 'Dinas Pendidikan' });
  });

  it('follows a changed rule', () => {
    const custom = new Router({ ...KOTA_BOGOR.routing, rules: { ...KOTA_BOGOR.routing.rules, penerangan_jalan: '32.71.OPD.DPUPR' } }, seedAgencyUnits());
    expect(custom.agencyFor('penerangan_jalan')?.code).toBe('32.71.OPD.DPUPR');
  });

  it('adds the kelurahan of the place, not a kecamatan', () => {
    const places = new PlaceMatcher(seedPlaceUnits(), KOTA_BOGOR.places);
    expect(router.route('jalan_rusak', places.match('jalan di kel. cimahpar rusak'))).toEqual({
      agency: { unitId: '32.71.OPD.DPUPR', code: '32.71.OPD.DPUPR', name: 'Dinas Pekerjaan Umum dan Penataan Ruang' },
      kelurahan: { unitId: '32.71.05.1008', name: 'Cimahpar' },
    });
    expect(router.route('kemacetan', places.match('kec. bogor barat macet')).kelurahan).toBeNull();
    expect(router.route('kemacetan', null).kelurahan).toBeNull();
  });

  it('routes complaints only, end to end through the classifier', () => {
    const classifier = new ComplaintClassifier(defaultModel(), KOTA_BOGOR, new PlaceMatcher(seedPlaceUnits(), KOTA_BOGOR.places), router);
    const [complaint, praise] = classifier.classify([
      { text: 'lampu jalan di kel. bantarjati mati udah sebulan, gelap banget' },
      { text: 'makasih dishub, lampu jalan di bantarjati udah nyala lagi' },
    ]);
    expect(complaint).toMatchObject({
      isComplaint: true,
      category: 'penerangan_jalan',
      agency: { code: '32.71.OPD.DISHUB' },
      kelurahan: { name: 'Bantarjati' },
    });
    expect(praise).toMatchObject({ isComplaint: false, category: null, agency: null, kelurahan: null, place: { name: 'Bantarjati' } });
  });
});
