// Who the installers say made them. The deb's Maintainer, its homepage and the copyright line all come
// from package.json (`author`, `homepage`; electron-builder derives the rest), so they are written in one
// place; packaging refuses to start while that place is empty or holds an address nobody reads.

// Domains reserved for examples and tests (RFC 2606, RFC 6761), and no-reply mailboxes: no one answers there.
const UNANSWERED = /(^|\.)(example|invalid|test|localhost)$|^example\.(com|net|org)$|noreply|no-reply/i;

const domainOf = (address) => String(address).split('@')[1]?.toLowerCase() ?? '';

/**
 * What stops `pkg` from being packaged, in Chinese; empty when it may be.
 * @param {{ author?: string | { name?: string, email?: string }, homepage?: string }} pkg
 * @returns {string[]}
 */
export function packagingMetadataProblems(pkg) {
  const problems = [];
  const author = typeof pkg.author === 'object' && pkg.author !== null ? pkg.author : {};
  if (!author.name?.trim()) problems.push('package.json 的 author.name 没有填写（安装包的维护者与版权人）');
  const email = author.email?.trim() ?? '';
  if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(email)) problems.push('package.json 的 author.email 没有填写或格式不对（deb 安装包的维护者邮箱）');
  else if (UNANSWERED.test(domainOf(email)) || UNANSWERED.test(email.split('@')[0] ?? '')) problems.push(`package.json 的 author.email “${email}”是示例或不回复的地址，请填写真正有人接收的维护者邮箱`);
  if (!/^https?:\/\/\S+$/.test(pkg.homepage?.trim() ?? '')) problems.push('package.json 的 homepage 没有填写（deb 安装包要求项目主页或单位网址）');
  return problems;
}
