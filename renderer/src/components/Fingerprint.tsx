import { Group, Text } from '@mantine/core';

/**
 * A public-key fingerprint as people read it out by phone: groups of four in a monospaced face, large
 * enough to compare group by group.
 */
export function Fingerprint({ value, size = 'xl' }: { value: string; size?: 'sm' | 'md' | 'xl' }) {
  return (
    <Group gap={size === 'xl' ? 'md' : 'xs'} wrap="wrap" aria-label={`公钥指纹 ${value}`} role="group">
      {value.split(' ').map((group, index) => (
        <Text key={index} span ff="monospace" fz={size} fw={size === 'xl' ? 700 : 500} lts={1}>
          {group}
        </Text>
      ))}
    </Group>
  );
}
