import { defineNamespace } from '../../i18n/i18n';

/** What a building leader covers, shown wherever a roster person is (stipends and building-leader pages). */
export const leaderFieldText = defineNamespace(
  'leaderFields',
  {
    buildings: '楼栋',
    buildingCount: '{count} 栋',
    units: '负责单元',
    households: '覆盖户数',
    phone: '联系电话',
  },
  {
    buildings: 'Buildings',
    buildingCount: '{count} building(s)',
    units: 'Units covered',
    households: 'Households',
    phone: 'Phone',
  },
);
