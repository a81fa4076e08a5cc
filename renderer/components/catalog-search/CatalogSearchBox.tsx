// The catalogue search the settlement screens use (docs/catalog.md, "The search component"):
// type a code, part of the name or pinyin initials; ↑/↓ (PageUp/PageDown, Home/End) move, Enter
// picks, Esc clears (a second Esc cancels). Keyboard only — the mouse works but is never needed.
// Results are virtualised, so a long list (limit up to 500) costs only the rows on screen.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type CSSProperties, type RefObject } from 'react';
import type { CatalogGroup, CatalogInfno, CatalogItem, ChargeClass } from '@src/contract/methods/catalog';
import { ErrorBanner } from '../ErrorBanner';
import { useT } from '../../i18n';
import { chargeClassLabel, formatPriceCap, formatSelfpay } from './format';
import { useCatalogSearch } from './useCatalogSearch';

export interface CatalogSearchBoxProps {
  /** Preset scope: 'fee', 'drug', 'service', 'material', 'diagnosis', 'procedure', 'chronic', 'tcm', 'all'. */
  group?: CatalogGroup;
  /** Only these catalogues (intersected with `group`). */
  catalogs?: CatalogInfno[];
  /** Only these list types, e.g. ['101', '102'] (西药, 中成药). */
  listTypes?: string[];
  /** Only these classes: '01' 甲, '02' 乙, '03' 丙. */
  classes?: ChargeClass[];
  /** Hide items not valid today (default true). */
  validToday?: boolean;
  /** Results asked for (default 100, at most 500). */
  limit?: number;
  /** Called with the highlighted item on Enter (or double-click). The box clears itself. */
  onPick: (item: CatalogItem) => void;
  /** Esc on an empty box. */
  onCancel?: () => void;
  label?: string;
  placeholder?: string;
  autoFocus?: boolean;
  initialText?: string;
  /** Lets the screen focus the box (e.g. from an F-key). */
  inputRef?: RefObject<HTMLInputElement | null>;
  /** data-testid of the component (default 'catalog-search'). */
  testId?: string;
  /** Height of the result list in pixels (default 320). */
  listHeight?: number;
}

const ROW_HEIGHT = 38;
const PAGE_ROWS = 8;

const GRID: CSSProperties = { display: 'grid', gridTemplateColumns: 'minmax(150px, 1.3fr) minmax(180px, 2fr) minmax(70px, 1fr) 56px 96px 44px 72px', gap: 8, alignItems: 'center', padding: '0 10px' };

export function CatalogSearchBox(props: CatalogSearchBoxProps) {
  const { onPick, onCancel, testId = 'catalog-search', listHeight = 320 } = props;
  const t = useT();
  const id = useId();
  const [text, setText] = useState(props.initialText ?? '');
  const [active, setActive] = useState(0);
  const ownInput = useRef<HTMLInputElement>(null);
  const input = props.inputRef ?? ownInput;
  const listRef = useRef<HTMLDivElement>(null);
  const scope = {
    ...(props.group ? { group: props.group } : {}),
    ...(props.catalogs ? { catalogs: props.catalogs } : {}),
    ...(props.listTypes ? { listTypes: props.listTypes } : {}),
    ...(props.classes ? { classes: props.classes } : {}),
    validToday: props.validToday ?? true,
    limit: props.limit ?? 100,
  };
  const { items, truncated, searching, error, answered } = useCatalogSearch(text, scope);

  const virtualizer = useVirtualizer({ count: items.length, getScrollElement: () => listRef.current, estimateSize: () => ROW_HEIGHT, overscan: 6 });

  // Enter pressed before the answer to the current text arrived: pick its first item when it does.
  const pendingEnter = useRef(false);
  useEffect(() => {
    setActive(0);
    if (pendingEnter.current && answered === text.trim()) {
      pendingEnter.current = false;
      pick(items[0]);
    }
    // Only a new answer triggers this; `pick` and `text` are read as they are then.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [items, answered]);
  useEffect(() => {
    if (items.length > 0) virtualizer.scrollToIndex(active, { align: 'auto' });
  }, [active, items.length, virtualizer]);

  function pick(item: CatalogItem | undefined): void {
    if (!item) return;
    onPick(item);
    setText('');
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>): void {
    const last = items.length - 1;
    const move = (to: number): void => {
      e.preventDefault();
      if (last >= 0) setActive(Math.max(0, Math.min(last, to)));
    };
    switch (e.key) {
      case 'ArrowDown':
        return move(active + 1);
      case 'ArrowUp':
        return move(active - 1);
      case 'PageDown':
        return move(active + PAGE_ROWS);
      case 'PageUp':
        return move(active - PAGE_ROWS);
      case 'Enter':
        e.preventDefault();
        // Only an answer to what is in the box now: Enter right after typing waits for it.
        if (answered === text.trim()) pick(items[active]);
        else if (text.trim() !== '') pendingEnter.current = true;
        return;
      case 'Escape':
        e.preventDefault();
        e.stopPropagation();
        if (text !== '') setText('');
        else onCancel?.();
        return;
    }
  }

  const optionId = (i: number): string => `${id}-opt-${i}`;
  const showList = text.trim() !== '' && items.length > 0;

  return (
    <div className="catalog-search" data-testid={testId}>
      <label htmlFor={id} style={{ fontWeight: 600, color: 'var(--muted)', display: 'block', marginBottom: 4 }}>
        {props.label ?? t('catalogSearch.label')} <span className="field-hint">{t('catalogSearch.help')}</span>
      </label>
      <input
        id={id}
        ref={input}
        value={text}
        autoFocus={props.autoFocus}
        autoComplete="off"
        spellCheck={false}
        role="combobox"
        aria-expanded={showList}
        aria-controls={`${id}-list`}
        aria-activedescendant={showList ? optionId(active) : undefined}
        placeholder={props.placeholder ?? t('catalogSearch.placeholder')}
        style={{ width: '100%', fontSize: '1.15rem', padding: '8px 10px' }}
        onChange={(e) => {
          pendingEnter.current = false;
          setText(e.target.value);
        }}
        onKeyDown={onKeyDown}
      />
      <ErrorBanner error={error} />
      {text.trim() !== '' && !searching && !error && items.length === 0 && answered === text.trim() && <div className="field-hint">{t('catalogSearch.none')}</div>}
      {showList && (
        <div style={{ border: '1px solid var(--line)', borderRadius: 6, background: 'var(--panel)', marginTop: 4 }}>
          <div style={{ ...GRID, background: '#eef2f6', color: 'var(--muted)', fontWeight: 600, height: 30 }} aria-hidden>
            <span>{t('catalogSearch.col.code')}</span>
            <span>{t('catalogSearch.col.name')}</span>
            <span>{t('catalogSearch.col.spec')}</span>
            <span>{t('catalogSearch.col.unit')}</span>
            <span style={{ textAlign: 'right' }}>{t('catalogSearch.col.price')}</span>
            <span>{t('catalogSearch.col.class')}</span>
            <span style={{ textAlign: 'right' }}>{t('catalogSearch.col.selfpay')}</span>
          </div>
          <div ref={listRef} id={`${id}-list`} role="listbox" style={{ maxHeight: listHeight, overflow: 'auto' }}>
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((v) => {
                const item = items[v.index]!;
                const selected = v.index === active;
                return (
                  <div
                    key={`${item.infno}:${item.code}`}
                    id={optionId(v.index)}
                    role="option"
                    aria-selected={selected}
                    data-code={item.code}
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => setActive(v.index)}
                    onDoubleClick={() => pick(item)}
                    style={{
                      ...GRID,
                      position: 'absolute',
                      top: 0,
                      left: 0,
                      right: 0,
                      height: ROW_HEIGHT,
                      transform: `translateY(${v.start}px)`,
                      background: selected ? '#dbe9f8' : v.index % 2 ? '#fafbfc' : undefined,
                      color: item.valid ? undefined : 'var(--muted)',
                      borderLeft: selected ? '4px solid var(--accent)' : '4px solid transparent',
                      cursor: 'default',
                    }}
                  >
                    <span className="mono" style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{item.code}</span>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', fontWeight: 600 }} title={item.maker || undefined}>
                      {item.name}
                      {!item.valid && <span style={{ marginLeft: 6, color: 'var(--bad)' }}>[{t('catalogSearch.stopped')}]</span>}
                    </span>
                    <span style={{ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{item.spec}</span>
                    <span>{item.unit}</span>
                    <span className="money" style={{ textAlign: 'right' }}>{formatPriceCap(item.priceCap)}</span>
                    <span>{chargeClassLabel(item)}</span>
                    <span style={{ textAlign: 'right' }}>{formatSelfpay(item.selfpayProp)}</span>
                  </div>
                );
              })}
            </div>
          </div>
          <div className="field-hint" style={{ padding: '2px 10px' }}>
            {t('catalogSearch.count', { n: items.length })}
            {truncated && ` · ${t('catalogSearch.more')}`}
          </div>
        </div>
      )}
    </div>
  );
}
