// The data files under config/ that libs read, loaded here so no lib reaches into config/ by a relative path.
import aduanCategories from './aduan/kota-bogor/categories.json';
import aduanPlaces from './aduan/kota-bogor/places.json';
import aduanRouting from './aduan/kota-bogor/routing.json';
import aduanSla from './aduan/kota-bogor/sla.json';
import aduanReplyTemplates from './aduan/kota-bogor/reply-templates.json';
import aduanHolidays from './aduan/holidays-id.json';
import platformLimitsFile from './platform-limits.json';
import seedContent from './seed/bogor-content.json';
import seedWilayah from './seed/kota-bogor-wilayah.json';
import seedUnitsExtra from './seed/units-extra.json';
import wilayahTimeZones from './wilayah/time-zones.json';

export {
  aduanCategories,
  aduanHolidays,
  aduanPlaces,
  aduanReplyTemplates,
  aduanRouting,
  aduanSla,
  platformLimitsFile,
  seedContent,
  seedWilayah,
  seedUnitsExtra,
  wilayahTimeZones,
};
