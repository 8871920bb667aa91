import { Badge, Button, Group, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import type { ProjectTypeSummary } from '../../../../electron/library/contract';
import { IfAllowed } from '../../components/useAllowed';
import { groupBySector } from './libraryView';

function Counts({ accepted, proposed }: { accepted: number; proposed: number }) {
  return (
    <Group gap={4} wrap="nowrap">
      {proposed > 0 && (
        <Badge size="sm" color="orange" variant="light" title={`${proposed} 条待确认`}>
          {proposed}
        </Badge>
      )}
      <Text size="xs" c="dimmed" title={`${accepted} 条已入库`}>
        {accepted}
      </Text>
    </Group>
  );
}

/** The project types on the left of the library page, under their sectors, with indicator counts. */
export function ProjectTypeList({
  types,
  selected,
  onSelect,
  onAdd,
  onEdit,
}: {
  types: readonly ProjectTypeSummary[];
  selected: string | null;
  onSelect: (code: string | null) => void;
  onAdd: () => void;
  onEdit: (type: ProjectTypeSummary) => void;
}) {
  const total = (key: 'accepted' | 'proposed') => types.reduce((sum, t) => sum + t.counts[key], 0);
  const current = types.find((t) => t.code === selected);
  return (
    <Stack gap="xs" w={232} miw={232} style={{ minHeight: 0 }} className="no-print" component="nav" aria-label="项目类型">
      <ScrollArea style={{ flex: 1 }} type="auto" offsetScrollbars>
        <NavLink
          component="button"
          label="全部项目类型"
          description={`${types.length} 个类型`}
          active={selected === null}
          onClick={() => onSelect(null)}
          rightSection={<Counts accepted={total('accepted')} proposed={total('proposed')} />}
        />
        {groupBySector(types).map((group) => (
          <div key={group.sector}>
            <Text size="xs" c="dimmed" fw={600} px="sm" pt="sm" pb={2}>
              {group.sector}
            </Text>
            {group.types.map((type) => (
              <NavLink
                key={type.code}
                component="button"
                label={type.name}
                description={type.code}
                active={selected === type.code}
                onClick={() => onSelect(type.code)}
                rightSection={<Counts accepted={type.counts.accepted} proposed={type.counts.proposed} />}
              />
            ))}
          </div>
        ))}
      </ScrollArea>
      {/* Project types are the library's own vocabulary: whoever confirms entries maintains them. */}
      <IfAllowed permission="library.confirm">
        <Group gap="xs" grow>
          <Button variant="default" size="xs" onClick={onAdd}>
            新增项目类型
          </Button>
          {current && (
            <Button variant="subtle" size="xs" onClick={() => onEdit(current)}>
              修改所选类型
            </Button>
          )}
        </Group>
      </IfAllowed>
    </Stack>
  );
}
