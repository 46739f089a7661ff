/**
 * The chunks every page after sign-in needs: antd's ConfigProvider (AntdScope) and the signed-in
 * shell (AppLayout). Neither is in the first page's scripts; the sign-in page asks for them when the
 * user submits, so that they load while the credentials are checked.
 */
export const loadAntdScope = () => import('./AntdScope');
export const loadAppLayout = () => import('./layout/AppLayout');

export function preloadSignedInShell(): void {
  loadAntdScope().catch(() => undefined);
  loadAppLayout().catch(() => undefined);
}
