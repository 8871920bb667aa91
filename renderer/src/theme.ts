import { createTheme } from '@mantine/core';

/** Windows machines in county offices have YaHei; the Noto fonts cover Linux and the browser tests. */
const CHINESE_FONTS = '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export const theme = createTheme({
  fontFamily: CHINESE_FONTS,
  headings: { fontFamily: CHINESE_FONTS, fontWeight: '600' },
  primaryColor: 'blue',
  defaultRadius: 'sm',
});
