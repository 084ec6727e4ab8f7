// The import dialog's strings, in Vietnamese (the default) and English.
import type { Role } from '../import/recognise.ts';
import type { Lang } from './vocab.ts';

const vi = {
  open: 'Nhập dữ liệu',
  title: 'Nhập dữ liệu của xã',
  close: 'Đóng',
  drop: 'Thả thư mục, tệp zip hoặc các tệp vào đây (GeoJSON, CSV, KML/KMZ, Shapefile nén zip, GeoTIFF)',
  pick: 'Chọn tệp…',
  reading: 'Đang đọc {done}/{total} tệp…',
  readingFile: 'Đang đọc tệp {n}/{total}: {name}…',
  cancel: 'Hủy',
  file: 'Tệp',
  role: 'Vai trò',
  columns: 'Cột',
  crs: 'Hệ tọa độ',
  guessed: 'đoán — vui lòng kiểm tra',
  show: 'Xem trên bản đồ xã',
  previewLabel: '{file} (đỏ) trên ranh giới các xóm hiện tại (xám)',
  count: 'Số đối tượng',
  keptAs: 'Giữ làm',
  leaveOut: '(bỏ qua)',
  none: '(không có)',
  apply: 'Áp dụng',
  download: 'Tải gói dữ liệu',
  applied: 'Đã mở gói dữ liệu vừa nhập.',
  problems: 'Các vấn đề',
  failed: 'Gói dữ liệu chưa hợp lệ; gói hiện tại được giữ nguyên.',
  roles: {
    hamlets: 'Ranh giới xóm',
    sites: 'Trạm BTS',
    coverage: 'Vùng phủ sóng',
    fiber: 'Cáp quang',
    pois: 'Điểm quan trọng',
    population: 'Điểm dân cư',
    speedtests: 'Đo tốc độ',
    candidates: 'Vị trí ứng viên',
    ignore: 'Bỏ qua',
  } satisfies Record<Role, string>,
};

type ImporterStrings = typeof vi;

const en: ImporterStrings = {
  open: 'Import data',
  title: "Import the commune's data",
  close: 'Close',
  drop: 'Drop a folder, a zip or files here (GeoJSON, CSV, KML/KMZ, zipped Shapefile, GeoTIFF)',
  pick: 'Choose files…',
  reading: 'Reading file {done} of {total}…',
  readingFile: 'Reading file {n} of {total}: {name}…',
  cancel: 'Cancel',
  file: 'File',
  role: 'Role',
  columns: 'Columns',
  crs: 'Coordinate system',
  guessed: 'guessed — please check',
  show: 'Show over the commune',
  previewLabel: '{file} (red) over the current hamlet outlines (grey)',
  count: 'Features',
  keptAs: 'Kept as',
  leaveOut: '(left out)',
  none: '(none)',
  apply: 'Apply',
  download: 'Download package',
  applied: 'The imported package is open.',
  problems: 'Problems',
  failed: 'The package is not valid yet; the current one stays.',
  roles: {
    hamlets: 'Hamlet boundaries',
    sites: 'BTS sites',
    coverage: 'Coverage',
    fiber: 'Fiber',
    pois: 'Places of interest',
    population: 'Population points',
    speedtests: 'Speed tests',
    candidates: 'Candidate places',
    ignore: 'Ignore',
  },
};

/** The import dialog's strings for a language. */
export function importerText(lang: Lang): ImporterStrings {
  return lang === 'vi' ? vi : en;
}
