// Writing packages: a county's report to its prefecture, the prefecture's reply to a county, and the
// receipt (回执) either side signs for a package it imported. Each write reserves the next sequence
// number and records what it carried in the same transaction, so the bookkeeping and the file agree.
import { refuseOverwrite } from '../../db/files';
import fs from 'node:fs';
import { and, eq } from 'drizzle-orm';
import { sqliteOf, type Store } from '../../db/open';
import { exchangeIdentity, exchangePackages } from '../../db/schema';
import { recordAudit, type Actor } from '../audit/audit';
import { AppError } from '../errors';
import { appVersion } from '../paths';
import { findRegion, findUnit, requireInstallation, type Installation } from '../registry';
import { markDecisionsCarried, unacknowledgedDecisions } from './decisions';
import { carriesLibrary, stageIncludes, type Direction, type ExchangeEntity, type Stage } from './entities';
import { markIssuedHere } from './issuers';
import { encodeRecords } from './layout';
import { ensureIdentity } from './keys';
import { DECISION_KINDS, KIND_LABELS, LIBRARY_KIND, parsePartyId, partyId, UPWARD_KINDS, type Manifest, type PackageKind, type Party } from './manifest';
import { selfParty, type NamedParty } from './parties';
import { writePackageFile, type ManifestDraft } from './packageFile';
import { RecordStore, type PackageRecord, type Selection } from './records';
import { EXCHANGE_ENTITIES, requireStage, STAGE_LABELS } from './registry';

export interface WrittenPackage {
  packageId: string;
  file: string;
  fileSha256: string;
  sequence: number;
  kind: PackageKind;
  counts: Record<string, number>;
  total: number;
}

interface Selected {
  entity: ExchangeEntity;
  records: PackageRecord[];
}

/**
 * What a package of `kind` in a stage for one county's year carries, incremental unless `full`: per
 * record kind, which of its records. `unit`: the budget unit below (the sender going up, the receiver
 * going down); going up it sends only its own records of the kinds units send, and going down it
 * receives, of the kinds only units receive, only its own.
 */
function packageSelections(kind: PackageKind, stage: Stage, county: string, year: number, peer: string, full: boolean, unit?: string) {
  requireStage(stage);
  const direction: Direction = UPWARD_KINDS.includes(kind) ? 'up' : 'down';
  const forUnit = (e: ExchangeEntity) =>
    direction === 'up' ? !unit || e.unitScope !== undefined : e.downToUnits ? unit !== undefined : !(e.downToCounties && unit !== undefined);
  const carried = (e: ExchangeEntity) =>
    e.directions.includes(direction) && stageIncludes(e, stage) && carriesLibrary(e) === (kind === LIBRARY_KIND) && forUnit(e);
  const unitOf = (e: ExchangeEntity) => (direction === 'up' || e.downToUnits ? unit : undefined);
  return EXCHANGE_ENTITIES.filter(carried).map((entity) => ({
    entity,
    selection: {
      region: county,
      year,
      unit: unitOf(entity),
      undeliveredTo: full ? undefined : peer,
      notIssuedBy: direction === 'down' ? peer : undefined,
    } satisfies Selection,
  }));
}

/** The records a package carries (packageSelections), read table by table. */
function selectRecords(store: Store, ...args: Parameters<typeof packageSelections>): Selected[] {
  const records = new RecordStore(store.sqlite);
  return packageSelections(...args).map(({ entity, selection }) => ({ entity, records: records.select(entity, selection) }));
}

/** How many records per kind the package would carry, counted without reading them. */
function countRecords(store: Store, ...args: Parameters<typeof packageSelections>): Record<string, number> {
  const records = new RecordStore(store.sqlite);
  return Object.fromEntries(packageSelections(...args).map(({ entity, selection }) => [entity.name, records.count(entity, selection)]));
}

function parentRegion(store: Store, installation: Installation): { code: string; name: string } {
  const parent = installation.region.parentCode
    ? findRegion(store.db, installation.region.parentCode)
    : undefined;
  if (!parent) throw new AppError('NOT_FOUND', `找不到 ${installation.region.name} 的上级区划，无法确定接收方`);
  return { code: parent.code, name: parent.name };
}

/** The human-readable summary inside every package: counts per kind, status and unit. */
function summaryText(manifest: Omit<ManifestDraft, 'sequence'>, selected: Selected[]): string {
  const lines = [
    `绩效数据交换包 · ${KIND_LABELS[manifest.kind]}`,
    `发送方：${manifest.sender.name}（${partyId(manifest.sender)}）`,
    `接收方：${manifest.receiver.name}（${partyId(manifest.receiver)}）`,
    `年度：${manifest.year}　阶段：${STAGE_LABELS[manifest.stage]}　${manifest.full ? '全量' : '增量'}`,
    '',
  ];
  for (const { entity, records } of selected) {
    if (records.length === 0) continue;
    lines.push(`${entity.label}：${records.length} 条`);
    for (const column of [entity.statusColumn, entity.unitColumn]) {
      if (!column) continue;
      const counts = new Map<string, number>();
      for (const r of records) counts.set(String(r.row[column] ?? '—'), (counts.get(String(r.row[column] ?? '—')) ?? 0) + 1);
      lines.push(`  按${column === entity.statusColumn ? '状态' : '单位'}：${[...counts].map(([k, n]) => `${k} ${n}`).join('，')}`);
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

function writeRecorded(
  store: Store,
  actor: Actor,
  file: string,
  draft: Omit<ManifestDraft, 'sequence'>,
  members: Map<string, Uint8Array>,
  carried: Selected[],
  afterWrite?: (manifest: Manifest) => void,
): WrittenPackage {
  // Before anything else: the clean-up below removes `file`, which must then be the package's own.
  refuseOverwrite(file, store.path);
  const identity = ensureIdentity(store);
  const sqlite = sqliteOf(store.db);
  const recordCarried = sqlite.prepare('INSERT INTO exchange_package_records (package_id, entity, record_id, version) VALUES (?, ?, ?, ?)');
  try {
    return store.db.transaction((tx) => {
      const sequence = tx.select().from(exchangeIdentity).get()!.nextSequence;
      const { manifest, fileSha256 } = writePackageFile(file, identity, { ...draft, sequence }, members, store.path);
      tx.update(exchangeIdentity).set({ nextSequence: sequence + 1 }).run();
      tx.insert(exchangePackages)
        .values({
          id: manifest.packageId,
          direction: 'out',
          kind: manifest.kind,
          sender: partyId(manifest.sender),
          receiver: partyId(manifest.receiver),
          year: manifest.year,
          stage: manifest.stage,
          sequence,
          createdAt: manifest.createdAt,
          fileName: file,
          fileSha256,
          state: 'written',
          summary: JSON.stringify({ counts: manifest.counts }),
          operator: actor.name,
        })
        .run();
      for (const { entity, records } of carried) for (const r of records) recordCarried.run(manifest.packageId, entity.name, r.id, r.version);
      markIssuedHere(sqlite, manifest.packageId, partyId(manifest.sender));
      afterWrite?.(manifest);
      recordAudit(tx, actor, {
        entity: 'exchange-package',
        naturalKey: manifest.packageId,
        action: `导出${KIND_LABELS[manifest.kind]}`,
        after: { receiver: partyId(manifest.receiver), year: manifest.year, stage: manifest.stage, sequence, counts: manifest.counts, file },
      });
      const total = Object.values(manifest.counts).reduce((a, b) => a + b, 0);
      return { packageId: manifest.packageId, file, fileSha256, sequence, kind: manifest.kind, counts: manifest.counts, total };
    });
  } catch (error) {
    fs.rmSync(file, { force: true });
    throw error;
  }
}

function dataMembers(selected: Selected[]): { members: Map<string, Uint8Array>; counts: Record<string, number> } {
  const members = new Map<string, Uint8Array>();
  const counts: Record<string, number> = {};
  for (const { entity, records } of selected) {
    counts[entity.name] = records.length;
    if (records.length) members.set(`data/${entity.name}.json`, encodeRecords(entity, records));
  }
  return { members, counts };
}

export interface ReportOptions {
  year: number;
  stage: Stage;
  full: boolean;
  out: string;
}

/** Who a report goes to: a county reports to its prefecture, a budget unit to its county. */
function reportReceiver(store: Store, installation: Installation): NamedParty {
  if (installation.role === 'unit') return { region: installation.region.code, name: installation.region.name };
  if (installation.role !== 'county') throw new AppError('INVALID_INPUT', '州级财政局不上报；请导出给县市的反馈包');
  const parent = parentRegion(store, installation);
  return { region: parent.code, name: parent.name };
}

/** A county's report to its prefecture, or a unit's to its county: the stage's records changed or unacknowledged (or all). */
export function exportReport(store: Store, actor: Actor, options: ReportOptions): WrittenPackage {
  const installation = requireInstallation(store.db);
  const receiver = reportReceiver(store, installation);
  const unit = installation.unit?.code;
  const kind = reportKind(installation);
  const selected = selectRecords(store, kind, options.stage, installation.region.code, options.year, partyId(receiver), options.full, unit);
  const { members, counts } = dataMembers(selected);
  const draft = {
    kind,
    sender: { ...selfParty(installation), role: installation.role },
    receiver,
    year: options.year,
    stage: options.stage,
    full: options.full,
    appVersion: appVersion(),
    counts,
  };
  members.set('summary.txt', Buffer.from(summaryText(draft, selected), 'utf8'));
  return writeRecorded(store, actor, options.out, draft, members, selected);
}

const reportKind = (installation: Installation): PackageKind => (installation.unit ? 'unit-report' : 'county-report');

/** A prefecture's answer in the library stage is its library update, a package kind of its own. */
function replyKind(installation: Installation, stage: Stage): PackageKind {
  if (installation.role !== 'prefecture') return 'county-reply';
  return stage === 'library' ? LIBRARY_KIND : 'prefecture-reply';
}

export interface ReplyTarget {
  /** Prefecture: the county to answer. */
  county?: string | undefined;
  /** County: the budget unit to answer. */
  unit?: string | undefined;
}

/** Who a reply goes to: a county of this prefecture, or a budget unit of this county that reported. */
function replyReceiver(store: Store, installation: Installation, to: ReplyTarget): NamedParty {
  if (installation.role === 'prefecture') {
    const county = to.county ? findRegion(store.db, to.county) : undefined;
    if (!county || county.parentCode !== installation.region.code) {
      throw new AppError('INVALID_INPUT', to.county ? `${to.county} 不是 ${installation.region.name} 所辖的县市` : '请选择接收反馈的县市');
    }
    return { region: county.code, name: county.name };
  }
  if (installation.role === 'county') {
    const unit = to.unit ? findUnit(store.db, installation.region.code, to.unit) : undefined;
    if (!unit) throw new AppError('INVALID_INPUT', to.unit ? `本县没有编码为 ${to.unit} 的预算单位` : '请选择接收反馈的预算单位');
    return { region: installation.region.code, unit: unit.code, name: unit.name };
  }
  throw new AppError('INVALID_INPUT', '预算单位不导出反馈包；请导出上报包');
}

/** What the next package would carry, per kind of record, without writing anything. */
export function previewExport(store: Store, options: Omit<ReportOptions, 'out'> & ReplyTarget): Record<string, number> {
  const installation = requireInstallation(store.db);
  const replying = installation.role === 'prefecture' || (installation.role === 'county' && options.unit !== undefined);
  if (!replying) {
    const receiver = reportReceiver(store, installation);
    const kind = reportKind(installation);
    return countRecords(store, kind, options.stage, installation.region.code, options.year, partyId(receiver), options.full, installation.unit?.code);
  }
  const receiver = replyReceiver(store, installation, options);
  const kind = replyKind(installation, options.stage);
  const counts = countRecords(store, kind, options.stage, receiver.region, options.year, partyId(receiver), options.full, receiver.unit);
  counts.decisions = DECISION_KINDS.includes(kind) ? unacknowledgedDecisions(store, partyId(receiver)).length : 0;
  return counts;
}

export type ReplyOptions = ReportOptions & ReplyTarget;

/**
 * The answer to a county (from its prefecture) or to a unit (from its county): the review decisions not
 * yet acknowledged (incremental and full alike), and what travels down in the stage (monitoring rounds).
 * A prefecture's answer in the library stage is its library update instead, which carries no decisions.
 */
export function exportReply(store: Store, actor: Actor, options: ReplyOptions): WrittenPackage {
  const installation = requireInstallation(store.db);
  const receiver = replyReceiver(store, installation, options);
  const peer = partyId(receiver);
  const kind = replyKind(installation, options.stage);
  const selected = selectRecords(store, kind, options.stage, receiver.region, options.year, peer, options.full, receiver.unit);
  const { members, counts } = dataMembers(selected);
  const decisions = DECISION_KINDS.includes(kind) ? unacknowledgedDecisions(store, peer) : [];
  counts.decisions = decisions.length;
  if (decisions.length) members.set('decisions.json', Buffer.from(JSON.stringify(decisions), 'utf8'));
  const draft = {
    kind,
    sender: { ...selfParty(installation), role: installation.role },
    receiver,
    year: options.year,
    stage: options.stage,
    full: options.full,
    appVersion: appVersion(),
    counts,
  };
  members.set('summary.txt', Buffer.from(`${summaryText(draft, selected)}审核意见：${decisions.length} 条\r\n`, 'utf8'));
  return writeRecorded(store, actor, options.out, draft, members, selected, (manifest) => markDecisionsCarried(store, manifest.packageId, decisions));
}

/** A party's name as this installation knows it: a region's name, or a unit's name in this county. */
function partyName(store: Store, party: Party): string {
  if (party.unit) {
    return findUnit(store.db, party.region, party.unit)?.name ?? party.unit;
  }
  return findRegion(store.db, party.region)?.name ?? party.region;
}

/** A signed receipt for a package imported here, to send back to its sender. */
export function exportReceipt(store: Store, actor: Actor, packageId: string, out: string): WrittenPackage {
  const installation = requireInstallation(store.db);
  const imported = store.db
    .select()
    .from(exchangePackages)
    .where(and(eq(exchangePackages.id, packageId), eq(exchangePackages.direction, 'in')))
    .get();
  if (!imported) throw new AppError('NOT_FOUND', '本机没有导入过该数据包，不能为它出具回执');
  if (imported.kind === 'receipt') throw new AppError('INVALID_INPUT', '回执本身不需要回执');
  const summary = JSON.parse(imported.summary) as { counts?: Record<string, number> };
  const receipt = { packageId, fileSha256: imported.fileSha256, importedAt: imported.recordedAt, counts: summary.counts ?? {} };
  const sender = parsePartyId(imported.sender);
  const self = selfParty(installation);
  const draft = {
    kind: 'receipt' as const,
    sender: { ...self, role: installation.role },
    receiver: { ...sender, name: partyName(store, sender) },
    year: imported.year,
    stage: imported.stage as Stage,
    full: false,
    appVersion: appVersion(),
    acknowledges: packageId,
    counts: {},
  };
  const members = new Map<string, Uint8Array>([
    ['receipt.json', Buffer.from(JSON.stringify(receipt), 'utf8')],
    ['summary.txt', Buffer.from(`绩效数据交换回执\r\n${self.name} 已于 ${imported.recordedAt} 导入数据包 ${packageId}\r\n`, 'utf8')],
  ]);
  // An imported package counts as acknowledged once its receipt exists.
  return writeRecorded(store, actor, out, draft, members, [], () => {
    store.db.update(exchangePackages).set({ state: 'acknowledged', acknowledgedAt: new Date().toISOString() }).where(eq(exchangePackages.id, packageId)).run();
  });
}
