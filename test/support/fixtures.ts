import { deflateSync } from 'node:zlib';

/** A minimal but valid PDF document. */
export function pdfBytes(text = 'Xiaoshi test'): Buffer {
  const body = `%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n% ${text}\ntrailer<</Root 1 0 R>>\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

/** A 1×1 PNG. */
export function pngBytes(): Buffer {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buffer: Buffer) => {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const sum = Buffer.alloc(4);
    sum.writeUInt32BE(crc(typed));
    return Buffer.concat([length, typed, sum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(1, 0);
  header.writeUInt32BE(1, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** What a Windows executable starts with: a renamed .exe must not pass as a PDF. */
export function exeBytes(): Buffer {
  const buffer = Buffer.alloc(512);
  buffer.write('MZ', 0, 'ascii');
  buffer.writeUInt32LE(0x80, 0x3c);
  buffer.write('PE\0\0', 0x80, 'latin1');
  return buffer;
}

const YUAN = 100;

/** A complete, valid livelihood-service application body (amounts in fen). */
export function serviceApplication(competitionId: number, communityId: number, categoryId: number, overrides: Record<string, unknown> = {}) {
  return {
    competitionId,
    communityId,
    categoryId,
    title: '老旧小区楼道照明改造',
    summary: '为小区 12 个单元楼道更换感应灯，居民凑钱、出力安装。',
    plan: '第一阶段入户征求意见；第二阶段采购；第三阶段居民志愿者协助安装。',
    location: '龙街社区 3 号小区',
    beneficiariesCount: 420,
    beneficiariesDescription: '小区全体居民，其中老年人 130 人',
    startDate: '2026-12-01',
    endDate: '2027-03-31',
    totalCostFen: 48_000 * YUAN,
    costItems: [
      { item: '感应灯具', amount: 30_000 * YUAN },
      { item: '线路与安装辅材', amount: 18_000 * YUAN },
    ],
    funding: {
      residentMoney: 6_000 * YUAN,
      residentLabour: 2_000 * YUAN,
      socialSupport: 0,
      communitySelf: 4_000 * YUAN,
      streetSupport: 0,
      requestedSubsidy: 36_000 * YUAN,
    },
    contactName: '李梅',
    contactPhone: '13912345678',
    ...overrides,
  };
}
