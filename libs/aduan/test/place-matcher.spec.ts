import { KOTA_BOGOR, PlaceMatcher, seedPlaceUnits } from '@kabar/aduan';

/** Units as the seed has them, id = Kemendagri code. */
const places = new PlaceMatcher(seedPlaceUnits(), KOTA_BOGOR.places);
const code = (text: string) => places.match(text)?.code ?? null;

const KEDUNG_BADAK = '32.71.06.1003';

describe('aduan: place matcher', () => {
  it('finds a kelurahan however it is spaced or abbreviated', () => {
    for (const text of [
      'kdg badak arah yasmin macet',
      'jalan di kedungbadak rusak',
      'KEDUNG  BADAK banjir',
      'kd badak ada lubang',
      'kel.kedung badak gelap',
      'kdgbadak macet',
    ])
      expect(code(text)).toBe(KEDUNG_BADAK);
    expect(code('kel. tegal gundil sampahnya numpuk')).toBe('32.71.05.1002');
    expect(code('tegalgundil')).toBe('32.71.05.1002');
    expect(code('baranang siang macet')).toBe('32.71.02.1002');
    expect(code('lawang gintung')).toBe('32.71.01.1004');
  });

  it('accepts the older spellings and small misspellings, never for look-alike words', () => {
    expect(code('ranggamekar banjir')).toBe('32.71.01.1006');
    expect(code('mulyaharja gelap')).toBe('32.71.01.1007');
    const m = places.match('branangsiang tiap pagi macet');
    expect(m).toMatchObject({ code: '32.71.02.1002', via: 'spelling', matched: 'branangsiang' });
    expect(code('jalan katulampah rusak')).toBe('32.71.02.1003');
    expect(code('ciparigy banjir')).toBe('32.71.05.1004');
    expect(code('pasirmulia banjir')).toBe('32.71.04.1014');
    // "bogor juara" is not a misspelt Bogor Utara; "ganteng" is not Genteng; "kencan" is not Kencana
    expect(code('bogor juara tanpa lawan')).toBeNull();
    expect(code('di ganteng banget')).toBeNull();
    expect(code('di kencan pertama')).toBeNull();
    expect(code('keluar rumah macet, kenapa sih')).toBeNull();
  });

  it('reads kel. and kec.: Tanah Sareal is both', () => {
    expect(places.match('di kel. tanah sareal banjir')).toMatchObject({
      code: '32.71.06.1001',
      kind: 'kelurahan',
      kecamatan: { unitId: '32.71.06', name: 'Tanah Sareal' },
    });
    expect(places.match('di kec tanah sareal macet')).toMatchObject({ code: '32.71.06', kind: 'kecamatan', kecamatan: null });
    expect(code('tanah sareal macet')).toBe('32.71.06');
    expect(code('kec. bogor sel. banyak jalan rusak')).toBe('32.71.01');
    expect(code('cilendek gelap')).toBe('32.71.04');
  });

  it('prefers the kelurahan to its kecamatan, and an exact name to a misspelling', () => {
    expect(code('bogor timur macet parah, terutama di simpang tajur')).toBe('32.71.02.1006');
    expect(code('sampah di tanah baru bogor utara')).toBe('32.71.05.1007');
  });

  it('places stations, markets, parks and offices of the gazetteer, and names inside streets', () => {
    expect(places.match('depan stasiun bogor pkl')).toMatchObject({ code: '32.71.03.1004', via: 'landmark', matched: 'stasiun bogor' });
    expect(code('st. bogor rame')).toBe('32.71.03.1004');
    expect(code('pasar bogor bau sampah')).toBe('32.71.03.1008');
    expect(code('deket kebun raya macet')).toBe('32.71.03.1002');
    expect(code('rsud kota bogor antre lama')).toBe('32.71.04.1001');
    expect(code('masjid agung empang')).toBe('32.71.01.1003');
    expect(code('balaikota macet')).toBe('32.71.03.1003');
    expect(code('jl. raya tajur macet')).toBe('32.71.02.1006');
    expect(code('lapangan sempur kotor')).toBe('32.71.03.1006');
    expect(code('terminal bubulak')).toBe('32.71.04.1003');
  });

  it('is not fooled by names that are everyday words', () => {
    expect(code('genteng rumah saya bocor')).toBeNull();
    expect(code('di genteng ada tikus')).toBeNull();
    expect(code('jasa perbaikan atap bocor dan genteng')).toBeNull();
    expect(code('jalan di genteng rusak')).toBe('32.71.01.1014');
    expect(code('rw 05 genteng bogor selatan banjir')).toBe('32.71.01.1014');
    expect(code('mancing di empang, ikannya gede')).toBeNull();
    expect(code('di empang macet')).toBe('32.71.01.1003');
    expect(code('gudang beras penuh')).toBeNull();
    expect(code('barang numpuk di gudang')).toBeNull();
    expect(code('wilayah gudang banjir')).toBe('32.71.03.1001');
    expect(code('teh kayu manis enak')).toBeNull();
    expect(code('jalan di kayu manis rusak')).toBe('32.71.06.1010');
    expect(code('curug nangka indah')).toBeNull();
    expect(code('liburan ke curug')).toBeNull();
    expect(code('kelurahan curug banjir')).toBe('32.71.04.1011');
    expect(code('curug mekar macet')).toBe('32.71.04.1010');
  });

  it('is not fooled by landmarks that only carry a name', () => {
    expect(code('taman kencana rame')).toBeNull();
    expect(code('macet di jalan surya kencana')).toBeNull();
    expect(code('kel. kencana gelap')).toBe('32.71.06.1009');
    expect(code('kuliah di universitas pakuan')).toBeNull();
    expect(code('naik trans pakuan ke kampus')).toBeNull();
    expect(code('tagihan tirta pakuan naik')).toBeNull();
    expect(code('kelurahan pakuan sampah')).toBe('32.71.01.1015');
  });

  it('is not fooled by same-named places elsewhere', () => {
    expect(code('menteng jakarta pusat')).toBeNull();
    expect(code('jalan di menteng macet')).toBe('32.71.04.1001');
    expect(code('tanah baru depok')).toBeNull();
    expect(code('cibadak sukabumi')).toBeNull();
    expect(code('cibadak, kab. sukabumi')).toBeNull();
    expect(code('di cibadak banjir')).toBe('32.71.06.1011');
    expect(code('baru pindah ke babakan madang')).toBeNull();
    expect(code('jalan di babakan rusak')).toBe('32.71.03.1005');
    expect(code('babakan pasar macet')).toBe('32.71.03.1008');
    expect(code('mampir ke tajur halang')).toBeNull();
    expect(code('macet dari tajur sampai ciawi')).toBe('32.71.02.1006');
    expect(code('sukaresmi kec megamendung')).toBeNull();
    expect(code('desa curug kabupaten bogor')).toBeNull();
    expect(code('semplak barat kemang')).toBeNull();
    expect(code('jalan semplak rusak')).toBe('32.71.04.1007');
    expect(code('kedung waringin bojonggede')).toBeNull();
    expect(code('macet parah di puncak')).toBeNull();
  });

  it('names none when none is named, and quotes what it matched', () => {
    expect(code('jalan di depan rumah saya rusak parah')).toBeNull();
    expect(code('bogor kota hujan')).toBeNull();
    expect(code('')).toBeNull();
    expect(places.match('Jln Raya TAJUR macet!!')).toMatchObject({ name: 'Tajur', matched: 'TAJUR', kecamatan: { name: 'Bogor Timur' } });
    expect(places.match('dikatulampa banjir lagi')).toMatchObject({ name: 'Katulampa', matched: 'dikatulampa' });
  });

  it('uses the unit tree it is given: a renamed or missing unit changes the answer', () => {
    const renamed = seedPlaceUnits().map((u) => (u.code === KEDUNG_BADAK ? { ...u, id: 'uuid-kb', name: 'Kedung Badak Baru' } : u));
    const m = new PlaceMatcher(renamed, KOTA_BOGOR.places);
    expect(m.match('kedung badak baru banjir')).toMatchObject({ unitId: 'uuid-kb', name: 'Kedung Badak Baru' });
    const without = new PlaceMatcher(
      seedPlaceUnits().filter((u) => u.code !== '32.71.03.1004'),
      KOTA_BOGOR.places,
    );
    expect(without.match('depan stasiun bogor pkl')).toBeNull();
  });
});
