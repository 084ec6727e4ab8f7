// The print view's and the timeline's interface strings, in Vietnamese (the default) and
// English. Kept apart from ui.ts so each stays readable.
import type { Lang } from './vocab.ts';

const vi = {
  openReport: 'Báo cáo quý (in, PDF)',
  reportDialog: 'Báo cáo quý để in',
  print: 'In',
  downloadPdf: 'Tải PDF',
  downloadPng: 'Tải ảnh bản đồ (PNG)',
  close: 'Đóng',
  preparing: 'Đang chuẩn bị báo cáo…',
  makingPdf: 'Đang tạo tệp PDF…',
  reportFailed: 'Không tạo được báo cáo',
  noMap: 'Bản đồ chưa sẵn sàng; báo cáo dùng sơ đồ các xóm.',
  timeline: 'Lộ trình 2025–2030',
  timelineHint: 'Bản đồ và số liệu vào cuối mỗi năm: trạm theo kế hoạch (năm phát sóng) và trạm đề xuất có năm.',
  timelineYear: 'Năm xem',
  play: 'Chạy qua các năm',
  stop: 'Dừng',
  chartPast: 'Đã đạt (lịch sử)',
  chartProjected: 'Dự kiến theo kế hoạch',
  chartTarget: 'Chỉ tiêu',
  chartDeadline: 'Hạn',
  chartMet: 'Đạt chỉ tiêu từ năm {year}',
  chartNotMet: 'Chưa đạt chỉ tiêu đến năm 2030',
  chartTable: 'Bảng số liệu',
  period: 'Kỳ',
  value: 'Giá trị',
  kind: 'Loại',
  past: 'Lịch sử',
  projected: 'Dự kiến',
  computingTimeline: 'Đang tính lộ trình…',
};

const en: typeof vi = {
  openReport: 'Quarterly report (print, PDF)',
  reportDialog: 'Quarterly report for printing',
  print: 'Print',
  downloadPdf: 'Download PDF',
  downloadPng: 'Download map image (PNG)',
  close: 'Close',
  preparing: 'Preparing the report…',
  makingPdf: 'Making the PDF…',
  reportFailed: 'The report could not be made',
  noMap: 'The map is not ready; the report uses the hamlet diagram.',
  timeline: 'Timeline 2025–2030',
  timelineHint: 'The map and figures at the end of each year: planned sites by on-air year, and candidates with a year.',
  timelineYear: 'Year shown',
  play: 'Play through the years',
  stop: 'Stop',
  chartPast: 'Achieved (history)',
  chartProjected: 'Projected from the plan',
  chartTarget: 'Target',
  chartDeadline: 'Deadline',
  chartMet: 'Target met from {year}',
  chartNotMet: 'Target not met by 2030',
  chartTable: 'Data table',
  period: 'Period',
  value: 'Value',
  kind: 'Kind',
  past: 'History',
  projected: 'Projected',
  computingTimeline: 'Computing the timeline…',
};

export type PrintText = typeof vi;

export function printText(lang: Lang): PrintText {
  return lang === 'vi' ? vi : en;
}
