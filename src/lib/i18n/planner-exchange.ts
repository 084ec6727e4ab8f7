// Interface strings for scenarios and for exchanging candidates with carriers, in
// Vietnamese (the default) and English. Kept apart from ui.ts until the planner UI is
// wired in; `fill` from ui.ts fills the {placeholders}.
import type { Lang } from './vocab.ts';

const vi = {
  scenarios: 'Phương án',
  scenarioNew: 'Phương án mới',
  scenarioDuplicate: 'Nhân bản',
  scenarioRename: 'Đổi tên',
  scenarioDelete: 'Xoá',
  scenarioDeleteConfirm: 'Xoá phương án “{name}”? Không thể hoàn tác.',
  scenarioNameLabel: 'Tên phương án',
  scenarioNameEmpty: 'Hãy nhập tên phương án.',
  scenarioSaved: 'Đã lưu tự động trong trình duyệt này',
  scenarioStorageFailed: 'Trình duyệt không cho lưu phương án; thay đổi sẽ mất khi tải lại trang.',
  scenarioSkippedTitle: 'Một số phương án đã lưu không đọc được và được bỏ qua',
  scenarioCandidates: '{count} trạm đề xuất',
  exportTitle: 'Xuất trạm đề xuất',
  exportCsv: 'CSV (Excel)',
  exportGeoJson: 'GeoJSON (QGIS)',
  exportKml: 'KML (Google Earth)',
  exportNote: 'Tệp theo đúng cột của sites.csv; trạng thái “candidate”.',
  importTitle: 'Nhập trạm đề xuất từ tệp',
  importHint: 'Chọn hoặc kéo thả tệp CSV, GeoJSON hoặc KML.',
  importDone: 'Đã nhập {count} trạm vào phương án.',
  importFailed: 'Không nhập được tệp; hãy sửa các lỗi sau:',
  importWarnings: 'Lưu ý khi nhập',
};

type PlannerExchangeStrings = typeof vi;

const en: PlannerExchangeStrings = {
  scenarios: 'Scenarios',
  scenarioNew: 'New scenario',
  scenarioDuplicate: 'Duplicate',
  scenarioRename: 'Rename',
  scenarioDelete: 'Delete',
  scenarioDeleteConfirm: 'Delete scenario “{name}”? This cannot be undone.',
  scenarioNameLabel: 'Scenario name',
  scenarioNameEmpty: 'Enter a name for the scenario.',
  scenarioSaved: 'Saved automatically in this browser',
  scenarioStorageFailed: 'This browser does not allow saving scenarios; changes will be lost on reload.',
  scenarioSkippedTitle: 'Some saved scenarios could not be read and were skipped',
  scenarioCandidates: '{count} candidate cells',
  exportTitle: 'Export candidates',
  exportCsv: 'CSV (Excel)',
  exportGeoJson: 'GeoJSON (QGIS)',
  exportKml: 'KML (Google Earth)',
  exportNote: 'Same columns as sites.csv; status “candidate”.',
  importTitle: 'Import candidates from a file',
  importHint: 'Choose or drop a CSV, GeoJSON or KML file.',
  importDone: 'Imported {count} cells into the scenario.',
  importFailed: 'The file could not be imported; please fix:',
  importWarnings: 'Notes on the import',
};

const STRINGS: Record<Lang, PlannerExchangeStrings> = { vi, en };

export function plannerExchangeStrings(lang: Lang): PlannerExchangeStrings {
  return STRINGS[lang];
}
