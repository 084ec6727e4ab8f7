// The share link's interface strings (copy link, QR code, link notices), in Vietnamese
// (the default) and English. Kept apart from ui.ts so each stays readable.
import type { Lang } from './vocab.ts';

const vi = {
  copyLink: 'Sao chép liên kết',
  shareTitle: 'Chia sẻ góc nhìn này',
  shareIntro: 'Liên kết giữ nguyên bản đồ, lớp, chỉ số, nhà mạng, năm, xóm đang chọn, ngôn ngữ và các trạm đề xuất của phương án hiện tại.',
  linkLabel: 'Liên kết',
  copy: 'Sao chép',
  copied: 'Đã sao chép.',
  copyFailed: 'Trình duyệt không cho sao chép: hãy chọn liên kết và nhấn Ctrl+C.',
  linkLength: '{n} ký tự',
  qrLabel: 'Mã QR của liên kết (quét bằng điện thoại)',
  qrTooLong: 'Liên kết quá dài để làm mã QR: hãy gửi liên kết.',
  carriesCandidates: 'Liên kết này mang {n} trạm đề xuất: đó là phương án quy hoạch, không phải mạng lưới hiện có.',
  close: 'Đóng',
  sharedScenario: 'Từ đường liên kết',
  linkProposals: 'Liên kết này mở {n} trạm đề xuất (phương án «{name}»): đó là đề xuất, không phải mạng lưới hiện có.',
  linkDamaged: 'Một phần liên kết không đọc được; phần đó hiển thị theo mặc định.',
  dismiss: 'Ẩn thông báo',
};
type ShareStrings = typeof vi;

const en: ShareStrings = {
  copyLink: 'Copy link',
  shareTitle: 'Share this view',
  shareIntro: 'The link keeps the map, layers, metric, carrier, year, selected hamlet, language and the current scenario’s candidate sites.',
  linkLabel: 'Link',
  copy: 'Copy',
  copied: 'Copied.',
  copyFailed: 'The browser does not allow copying: select the link and press Ctrl+C.',
  linkLength: '{n} characters',
  qrLabel: 'QR code of the link (scan it with a phone)',
  qrTooLong: 'The link is too long for a QR code: send the link.',
  carriesCandidates: 'This link carries {n} candidate sites: they are a planning proposal, not the network.',
  close: 'Close',
  sharedScenario: 'From a shared link',
  linkProposals: 'This link opened {n} candidate sites (scenario “{name}”): they are proposals, not the network.',
  linkDamaged: 'Part of this link could not be read; that part shows the defaults.',
  dismiss: 'Dismiss',
};

/** The share strings for a language. */
export function shareText(lang: Lang): ShareStrings {
  return lang === 'vi' ? vi : en;
}
