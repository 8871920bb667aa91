import { Button, Group, MultiSelect, Paper, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { ruleProblem, selectByRule, SELECTION_RULE_LABELS, SELECTION_RULES, type SelectionRule, type SelectionRuleKind } from '../../../../../electron/domain/evaluationPlans';
import { parseWanYuan } from '../../../../../electron/domain/money';
import type { PlanProjectRow, PlanScope } from '../../../../../electron/evaluation/plans/contract';
import { invoke } from '../../../api';
import { notifyError, notifySuccess } from '../../../components/notify';

/** A fresh seed for a draw, shown and editable, so the preview and the recorded draw are the same draw. */
const newSeed = () => crypto.randomUUID().slice(0, 8);
const PREVIEW_LIMIT = 8;

/** Chooses a rule, previews what it selects among the projects not yet in the plan, and adds them. */
export function RulePanel({ scope, projects, inPlan, onAdded }: { scope: PlanScope; projects: readonly PlanProjectRow[]; inPlan: readonly string[]; onAdded: () => Promise<void> }) {
  const [kind, setKind] = useState<SelectionRuleKind>('key');
  const [amount, setAmount] = useState('100');
  const [share, setShare] = useState('20');
  const [seed, setSeed] = useState(newSeed);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);

  const taken = new Set(inPlan);
  const candidates = projects.filter((p) => !taken.has(p.id));
  const parsedAmount = parseWanYuan(amount);
  const amountError = kind === 'amount' && !parsedAmount.ok ? parsedAmount.message : null;
  const rule: SelectionRule =
    kind === 'amount'
      ? { kind, minFen: parsedAmount.ok ? parsedAmount.fen : 0 }
      : kind === 'draw'
        ? { kind, share: /^\d+$/.test(share.trim()) ? Number(share) : NaN, seed: seed.trim() }
        : kind === 'hand'
          ? { kind, projectIds: picked }
          : { kind };
  const problem = amountError ?? ruleProblem(rule);
  const preview = problem ? [] : selectByRule(candidates, rule);

  async function add() {
    setBusy(true);
    try {
      await invoke('evaluationPlans.addByRule', { ...scope, rule });
      notifySuccess(`已加入 ${preview.length} 个项目（${SELECTION_RULE_LABELS[kind]}）`, '已加入评价计划');
      setPicked([]);
      if (kind === 'draw') setSeed(newSeed());
      await onAdded();
    } catch (error) {
      notifyError(error, '没有加入评价计划');
    } finally {
      setBusy(false);
    }
  }

  return (
    <Paper withBorder p="md" className="no-print">
      <Stack gap="sm">
        <Group align="flex-end" gap="sm">
          <Select
            label="选择规则"
            data={SELECTION_RULES.map((r) => ({ value: r, label: SELECTION_RULE_LABELS[r] }))}
            value={kind}
            onChange={(value) => value && setKind(value as SelectionRuleKind)}
            allowDeselect={false}
            w={200}
          />
          {kind === 'amount' && <TextInput label="调整后预算不低于（万元）" value={amount} onChange={(e) => setAmount(e.currentTarget.value)} error={problem} w={220} />}
          {kind === 'draw' && (
            <>
              <TextInput label="抽取比例（%）" value={share} onChange={(e) => setShare(e.currentTarget.value)} w={130} />
              <TextInput label="随机种子" description="记录在计划中，同一种子可重现抽取" value={seed} onChange={(e) => setSeed(e.currentTarget.value)} w={220} />
            </>
          )}
          {kind === 'hand' && (
            <MultiSelect
              label="选择项目"
              placeholder="按项目编码或名称搜索"
              data={candidates.map((p) => ({ value: p.id, label: `${p.code} ${p.name}` }))}
              value={picked}
              onChange={setPicked}
              searchable
              nothingFoundMessage="没有可选的项目"
              style={{ flex: 1, minWidth: 280 }}
            />
          )}
          <Button onClick={add} loading={busy} disabled={preview.length === 0}>
            加入计划
          </Button>
        </Group>
        {/* An amount's problem shows under its field; every other problem, or the preview, here. */}
        {!(problem && kind === 'amount') && (
          <Text size="sm" role="status" c={problem ? 'red' : undefined}>
            {problem ??
              (preview.length === 0
                ? `按此规则没有可加入的项目（本计划尚未选入的项目 ${candidates.length} 个）。`
                : `预览：将加入 ${preview.length} 个项目——${preview
                    .slice(0, PREVIEW_LIMIT)
                    .map((s) => `${s.project.code} ${s.project.name}`)
                    .join('、')}${preview.length > PREVIEW_LIMIT ? ' 等' : ''}。`)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
