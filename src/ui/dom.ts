type Child = Node | string | null | undefined | false;

/** Creates an element; strings become text nodes, so page text is never parsed as HTML. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: { class?: string; data?: Record<string, string>; href?: string; title?: string } = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (props.class) node.className = props.class;
  if (props.title) node.title = props.title;
  if (props.href && node instanceof HTMLAnchorElement && /^https?:/i.test(props.href)) {
    node.href = props.href;
    node.target = '_blank';
    node.rel = 'noopener noreferrer';
  }
  for (const [k, v] of Object.entries(props.data ?? {})) node.dataset[k] = v;
  for (const c of children) if (c) node.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return node;
}
