import { Badge } from '@mantine/core';
import type { LoopStage, StageState } from '../../../../electron/domain/funds';

const COLOR: Record<StageState, string> = { done: 'green', attention: 'orange', missing: 'gray' };
const WORD: Record<StageState, string> = { done: '已完成', attention: '需关注', missing: '未完成' };

/** A stage of a project's loop as a badge: its state in colour and in words, its detail on hover. */
export function StageBadge({ stage }: { stage: LoopStage }) {
  return (
    <Badge variant="light" color={COLOR[stage.state]} title={stage.detail}>
      {WORD[stage.state]}
    </Badge>
  );
}

export const stageWord = (state: StageState) => WORD[state];
